"""The JSON API, /api/v1/: what readers can see (Article.objects.published(), and the
published briefs through briefs.queries), as JSON."""

import datetime

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.shortcuts import get_object_or_404, redirect
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.http import http_date

from articles import dates
from articles.anniversaries import today_in_history
from articles.counts import author_counts, published_tag, tag_counts
from articles.models import Article
from briefs.queries import briefs_on_day
from sharing.addresses import absolute_url

from . import serialize
from .endpoints import endpoint
from .http import ApiError, error_response, json_response, open_data_view
from .pagination import PAGE_PARAMS, page_of
from .params import SLUG, Param, read_query

LIMIT = Param(
    "limit",
    "How many anniversaries at most, chosen as the home page chooses them.",
    kind="integer",
    minimum=1,
    maximum=50,
    default=settings.TODAY_IN_HISTORY_LIMIT,
)
MONTH = Param("month", "Month, 1 to 12.", kind="integer", location="path", minimum=1, maximum=12)
DAY = Param(
    "day", "Day of the month, 1 to 31.", kind="integer", location="path", minimum=1, maximum=31
)
ON_THIS_DAY_ERRORS = (400, 429)


@endpoint(
    "/api/v1/on-this-day/",
    "Today's anniversaries",
    "Today in the site's time zone, as the home page's Today in History shows it: the "
    "day's anniversaries, or the coming ones when the day has none.",
    "OnThisDay",
    params=[LIMIT],
    errors=ON_THIS_DAY_ERRORS,
)
def on_this_day_today(request):
    return day_answer(request, timezone.localdate())


@endpoint(
    "/api/v1/on-this-day/{month}/{day}/",
    "A day's anniversaries",
    "Any day of the year, counted this year in the site's time zone. 29 February counts "
    "in the next year that has it; a day that never exists (02/30) is a 400.",
    "OnThisDay",
    params=[MONTH, DAY, LIMIT],
    errors=ON_THIS_DAY_ERRORS,
)
def on_this_day(request, month, day):
    return day_answer(request, day_of_year(month, day))


def day_of_year(month, day):
    """The date of month/day this year (29 February: in the next year that has it), or
    a 400 for a day that never exists."""
    month, day = MONTH.read(month), DAY.read(day)
    if not dates.is_valid_day_of_year(month, day):
        raise ApiError(400, f"{dates.MONTH_NAMES[month - 1]} {day} is not a day of any year.")
    year = timezone.localdate().year
    while not dates.is_leap_year(year) and (month, day) == (2, 29):
        year += 1
    return datetime.date(year, month, day)


def day_answer(request, on):
    limit = read_query(request, [LIMIT])["limit"]
    widget = today_in_history(on, limit)
    prefetch_related_objects(
        [kept.article for kept in widget.anniversaries + widget.upcoming], "tags"
    )
    return json_response(
        {
            "month": on.month,
            "day": on.day,
            "on": on.isoformat(),
            "anniversaries": [serialize.anniversary(kept) for kept in widget.anniversaries],
            "has_more": widget.has_more,
            "upcoming": [serialize.anniversary(kept) for kept in widget.upcoming],
            "upcoming_within_week": widget.upcoming_within_week,
            # The day's briefs are an answer of their own, so this one keeps within
            # four queries: /api/v1/briefs/{month}/{day}/.
            "briefs_url": absolute_url(reverse("opendata:briefs", args=[on.month, on.day])),
            "day_url": absolute_url(reverse("articles:day", args=[(on.month, on.day)])),
        }
    )


@endpoint(
    "/api/v1/briefs/{month}/{day}/",
    "A day's briefs",
    "The published briefs (one-line events, births and deaths) of a day of the year, in "
    "every year, oldest first, as the day page lists them; on 28 February of a common "
    "year with those of 29 February. A day that never exists (02/30) is a 400.",
    "BriefDay",
    params=[MONTH, DAY],
    errors=ON_THIS_DAY_ERRORS,
)
def briefs(request, month, day):
    on = day_of_year(month, day)
    return json_response(
        {
            "month": on.month,
            "day": on.day,
            "results": [
                serialize.brief(found) for found in briefs_on_day(on.month, on.day, on=on)
            ],
            "day_url": absolute_url(reverse("articles:day", args=[(on.month, on.day)])),
        }
    )


TAG = Param("tag", "Only articles with this tag (its slug).", pattern=SLUG)
AUTHOR = Param("author", "Only articles by this author (their slug).", pattern=SLUG)
YEAR = Param(
    "year",
    "Only events of this astronomical year: 1 BC is 0, 44 BC is -43.",
    kind="integer",
    minimum=dates.MIN_YEAR,
    maximum=dates.MAX_YEAR,
)
CENTURY = Param(
    "century",
    "Only events of this century, signed: 20 is 1901-2000, -1 is 100-1 BC; never 0.",
    kind="integer",
    minimum=dates.century(dates.MIN_YEAR),
    maximum=dates.century(dates.MAX_YEAR),
)
ARTICLE_FILTERS = (TAG, AUTHOR, YEAR, CENTURY)


@endpoint(
    "/api/v1/articles/",
    "Articles",
    "Published articles, newest first (by publish time, then id: the order never ties). "
    "Filters combine. A page past the last one is a 404.",
    "ArticlePage",
    params=[*ARTICLE_FILTERS, *PAGE_PARAMS],
    errors=(400, 404, 429),
)
def articles(request):
    query = read_query(request, [*ARTICLE_FILTERS, *PAGE_PARAMS])
    found = Article.objects.published().for_listing().prefetch_related("tags")
    if query["tag"] is not None:
        tag = published_tag(query["tag"])
        if tag is None:
            raise ApiError(404, f"No tag “{query['tag']}” has published articles.")
        found = found.filter(tags__pk=tag.pk)
    if query["author"] is not None:
        author = next((a for a in author_counts() if a.slug == query["author"]), None)
        if author is None:
            raise ApiError(404, f"No author “{query['author']}” has published articles.")
        found = found.filter(author_id=author.pk)
    if query["year"] is not None:
        found = found.filter(event_year=query["year"])
    if query["century"] is not None:
        if query["century"] == 0:
            raise ApiError(400, "There is no century 0: -1 is 100-1 BC, 1 is AD 1-100.")
        found = found.filter(event_year__range=dates.century_span(query["century"]))
    page = page_of(request, found.order_by("-publish_at", "-pk"), query, ARTICLE_FILTERS)
    return json_response(
        {**page.links, "results": [serialize.article_summary(a) for a in page.items]}
    )


@endpoint(
    "/api/v1/articles/{slug}/",
    "An article",
    "A published article with its body, as the same sanitised HTML its page shows.",
    "Article",
    params=[Param("slug", "The article's slug.", location="path")],
    errors=(400, 404, 429),
)
def article(request, slug):
    found = get_object_or_404(
        Article.objects.published().select_related("author").prefetch_related("tags"),
        slug=slug,
    )
    response = json_response(serialize.article_detail(found))
    response["Last-Modified"] = http_date(found.updated_at.timestamp())
    return response


@endpoint(
    "/api/v1/tags/",
    "Tags",
    "Tags of published articles and briefs, most articles first, then most briefs, with "
    "their article lists and calendars.",
    "TagList",
    errors=(400, 429),
)
def tags(request):
    return json_response({"results": [serialize.tag(counted) for counted in tag_counts()]})


@endpoint(
    "/api/v1/authors/",
    "Authors",
    "Authors of published articles, by name.",
    "AuthorList",
    errors=(400, 429),
)
def authors(request):
    return json_response({"results": [serialize.author(counted) for counted in author_counts()]})


@open_data_view
def index(request):
    """/api/v1/: where the schema and the documentation are."""
    return json_response(
        {
            "openapi": absolute_url(reverse("opendata:openapi")),
            "docs": absolute_url(reverse("opendata:docs")),
        }
    )


@open_data_view
def not_found(request, rest):
    """Any other address under /api/v1/: a JSON 404, or the address with its slash."""
    if not request.path_info.endswith("/"):
        try:
            match = resolve(request.path_info + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not not_found:
            return redirect(request.path + "/", permanent=True)
    return error_response(404, f"No endpoint at {request.path}; see {reverse('opendata:docs')}.")
