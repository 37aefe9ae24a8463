import datetime
import hashlib
import secrets
from urllib.parse import urlencode

from django.conf import settings
from django.db import connection
from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.decorators import method_decorator
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView

import pagecache
from briefs.queries import briefs_by_kind, briefs_in_years, briefs_on_day, briefs_tagged
from briefs.search import matching_briefs
from historyblog import database_wait
from pagecache.fragments import kept_response

from . import date_labels, dates, search
from .anniversaries import (
    coming_this_week,
    days_with_articles,
    in_days,
    nearest_days_with_articles,
    next_anniversary,
    today_in_history,
)
from .counts import author_counts, published_tag, tag_counts
from .models import CHRONOLOGICAL, Article, Author
from .month_grid import month_grid
from .related import related_articles
from .spans import neighbouring_years, timeline_centuries


class PublishedArticlesMixin:
    """Lists of published articles, paginated; a page number out of range is a 404."""

    paginate_by = settings.ARTICLES_PER_PAGE

    def published(self):
        return Article.objects.published().for_listing()

    def get_context_data(self, **kwargs):
        return super().get_context_data(today=timezone.localdate(), **kwargs)

    def get_paginator(self, queryset, *args, **kwargs):
        """A paginator whose count, a scan of every matching article, is kept until the
        next change: the list at a path (the home page, a tag, an author, a day) is the
        same whatever the page number."""
        paginator = super().get_paginator(queryset, *args, **kwargs)
        paginator.count = pagecache.remembered(
            f"count:{hashlib.md5(self.request.path.encode(), usedforsecurity=False).hexdigest()}",
            queryset.count,
        )
        return paginator


class HomeView(PublishedArticlesMixin, ListView):
    template_name = "articles/home.html"

    def get_queryset(self):
        return self.published()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            popular_tags=SimpleLazyObject(lambda: tag_counts()[:12]), **kwargs
        )
        if not context["page_obj"].has_previous():
            # Page 1 opens with Today in History, for today in the site's time zone: a
            # lead, the day's other articles, its briefs by kind, then what is coming
            # (the widget's own list on a day without articles). Read only when the
            # template renders it: it is kept as a fragment until the next change.
            context.update(today_context(context["today"]))
        return context


def today_context(today):
    """Today in History's part of the home page's context, each read when first used."""
    widget = SimpleLazyObject(lambda: today_in_history(today, settings.TODAY_IN_HISTORY_LIMIT))
    brief_groups = SimpleLazyObject(lambda: briefs_by_kind(todays_briefs(today)))
    return {
        "widget": widget,
        "brief_groups": brief_groups,
        "more_briefs": SimpleLazyObject(
            lambda: any(
                len(briefs) >= settings.TODAY_BRIEFS_PER_KIND for _kind, briefs in brief_groups
            )
        ),
        "coming_up": SimpleLazyObject(
            lambda: (
                in_days(coming_this_week(today, settings.TODAY_COMING_UP_LIMIT), today)
                if widget.anniversaries
                else []
            )
        ),
    }


def todays_briefs(today):
    """The first few of each kind of today's briefs, oldest first, in one query: a day
    may have hundreds, which its own page lists."""
    turn = Window(RowNumber(), partition_by=F("kind"), order_by=[*CHRONOLOGICAL, "pk"])
    return (
        briefs_on_day(today.month, today.day, today)
        .annotate(turn=turn)
        .filter(turn__lte=settings.TODAY_BRIEFS_PER_KIND)
    )


class ArticleView(DetailView):
    template_name = "articles/article_detail.html"

    def get_queryset(self):
        return Article.objects.published().select_related("author")

    def get_context_data(self, **kwargs):
        # A tag given no address (made by a script, not the admin) is left out, not a 500.
        # Both lists are read when first used: the parts that show them are fragments.
        tags = SimpleLazyObject(lambda: list(self.object.tags.exclude(slug="")))
        today = timezone.localdate()
        return super().get_context_data(
            tags=tags,
            related_articles=SimpleLazyObject(lambda: related_articles(self.object, [*tags])),
            today=today,
            # The kicker says "Today in History" on the event's anniversary only; the
            # page cache keeps no page past midnight, so the words stay true.
            is_anniversary=self.object.is_anniversary_on(today),
            **kwargs,
        )


@method_decorator(never_cache, name="dispatch")
class ArticlePreviewView(ArticleView):
    """/articles/<slug>/preview/: the last saved version of an article as readers will
    see it (the same template and context), drafts and scheduled ones included, under a
    "Preview" banner. A draft claims no publication date; an article readers cannot
    see yet has no share buttons nor share metadata, whose address would be a 404.
    For staff who may edit it; everyone else gets a 404. Never cached: a preview must
    show the latest save, and to no one else."""

    template_name = "articles/article_preview.html"
    extra_context = {"render_afresh": True}  # its own blocks: no reader's fragment

    def get_queryset(self):
        return Article.objects.editable_by(self.request.user).select_related("author")


class DayView(PublishedArticlesMixin, ListView):
    """One day of the year, every year: /on-this-day/august-20/."""

    template_name = "articles/day.html"
    paginate_by = 30

    def get_queryset(self):
        month, day = self.kwargs["day"]
        if (month, day) == (2, 29):
            return self.published().on_day(2, 29)
        # On February 28 of a common year the page also keeps February 29's events.
        this_year = timezone.localdate().year
        return self.published().on_this_day(datetime.date(this_year, month, day))

    def get_context_data(self, **kwargs):
        month, day = self.kwargs["day"]
        context = super().get_context_data(
            month=month,
            day=day,
            this_day=(month, day),
            previous_day=dates.adjacent_day(month, day, -1),
            next_day=dates.adjacent_day(month, day, 1),
            month_grid=SimpleLazyObject(lambda: month_grid(month, day)),
            **kwargs,
        )
        # Each event with its anniversary kept today or next, to mark the round ones. The
        # lists are read when first used: the page's content is a fragment.
        today, articles = context["today"], context["object_list"]
        context["anniversaries"] = SimpleLazyObject(
            lambda: [next_anniversary(article, today) for article in articles]
        )
        if not context["page_obj"].has_previous():
            context["brief_groups"] = SimpleLazyObject(
                lambda: briefs_by_kind(briefs_on_day(month, day))
            )
        if not context["paginator"].count and not context.get("brief_groups"):
            # An empty day leads on to the nearest days that have articles.
            context["earlier_day"], context["later_day"] = nearest_days_with_articles(month, day)
        return context


@never_cache
def today_redirect(request):
    """/on-this-day/ goes to today's page, or to the day picked in the form; a day
    that does not exist gets the form again, saying why (a 400)."""
    month, day = request.GET.get("month"), request.GET.get("day")
    today = timezone.localdate()
    if month is None and day is None:
        return redirect("articles:day", day=(today.month, today.day))
    try:
        month, day = int(month), int(day)
    except (TypeError, ValueError):
        month, day = 0, 0
    if dates.is_valid_day_of_year(month, day):
        return redirect("articles:day", day=(month, day))
    if 1 <= month <= 12 and day > dates.days_in_month(2000, month):
        day = dates.days_in_month(2000, month)
        error = _("%(month)s has only %(count)d days.") % {
            "month": date_labels.month_names()[month - 1],
            "count": day,
        }
    else:
        if not 1 <= month <= 12:
            month = today.month
        day, error = 1, _("Pick a month and a day.")
    context = {"month": month, "day": day, "error": error}
    return render(request, "articles/pick_day.html", context, status=400)


@never_cache
def random_day(request):
    """/on-this-day/random/: a day chosen at random among those with a published
    article (days_with_articles, kept until the next change: one query at most), or
    today's page while there is none. Never cached: each visit draws again."""
    days = days_with_articles()
    if not days:
        return redirect("articles:today")
    return redirect("articles:day", day=secrets.choice(days))


class TagIndexView(ListView):
    template_name = "articles/tag_list.html"
    context_object_name = "tags"

    def get_queryset(self):
        # Read when the list is first used: the page's list is a fragment.
        return SimpleLazyObject(lambda: sorted(tag_counts(), key=lambda tag: tag.name.casefold()))


class TagView(PublishedArticlesMixin, ListView):
    template_name = "articles/tag_detail.html"

    def get_queryset(self):
        self.tag = published_tag(self.kwargs["slug"])
        if self.tag is None:
            raise Http404(_("No tag “%(slug)s”.") % {"slug": self.kwargs["slug"]})
        return self.published().filter(tags__pk=self.tag.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(tag=self.tag, **kwargs)
        if self.tag.brief_count and not context["page_obj"].has_previous():
            # Read when first used, as the page's list: the page's content is a fragment.
            tag = self.tag.pk
            context["tag_briefs"] = SimpleLazyObject(
                lambda: briefs_tagged(tag, BRIEFS_ON_TAG_PAGE)
            )
        return context


# The briefs a tag page lists (on its first page), oldest events first.
BRIEFS_ON_TAG_PAGE = 50


class AuthorIndexView(ListView):
    template_name = "articles/author_list.html"
    context_object_name = "authors"

    def get_queryset(self):
        return SimpleLazyObject(author_counts)  # read when the list (a fragment) is rendered


class AuthorView(PublishedArticlesMixin, ListView):
    template_name = "articles/author_detail.html"

    def get_queryset(self):
        self.author = self.find_author(self.kwargs["slug"])
        return self.published().filter(author=self.author.pk)

    @staticmethod
    def find_author(slug):
        """The author at ``slug``: with the page cache on, from the authors of published
        articles, kept until the next change (no query); else, or for one with nothing
        published yet (who has a page too), from the database. Without the page cache
        the kept list would be counted afresh: a scan of every published article."""
        for author in author_counts() if settings.PAGE_CACHE else ():
            if author.slug == slug:
                return author
        return get_object_or_404(Author, slug=slug)

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)


class YearView(PublishedArticlesMixin, ListView):
    """/years/1940/ and /years/44-bc/: events of one year, with the neighbouring years."""

    template_name = "articles/year.html"
    paginate_by = 50

    def get_queryset(self):
        return self.published().in_year(self.kwargs["year"])

    def get_context_data(self, **kwargs):
        # The neighbouring years and the briefs are read when first used: the page's
        # content is a fragment.
        year = self.kwargs["year"]
        context = super().get_context_data(
            year=year, neighbours=SimpleLazyObject(lambda: neighbouring_years(year)), **kwargs
        )
        if not context["page_obj"].has_previous():
            context["brief_groups"] = SimpleLazyObject(
                lambda: briefs_by_kind(briefs_in_years(year, year))
            )
        return context


def timeline(request):
    """Published articles counted by century, decade and year, oldest first: read when
    the page's content, a fragment, is rendered."""
    centuries = SimpleLazyObject(timeline_centuries)
    return render(request, "articles/timeline.html", {"centuries": centuries})


class SearchView(ListView):
    """/search/?q=: ranked matches (articles.search), filtered by tag, author, century.
    Matches depend on the query string: they are counted for every search, not kept
    as PublishedArticlesMixin keeps the count of the list at a path."""

    template_name = "articles/search.html"
    paginate_by = settings.ARTICLES_PER_PAGE

    def get(self, request, *args, **kwargs):
        # The same query finds the same page until the next change: kept as a fragment.
        return kept_response("search", request, lambda: super(SearchView, self).get(request))

    def get_queryset(self):
        params = self.request.GET
        self.result = search.search(params.get("q", ""), search.Filters.from_params(params))
        if self.result.articles is None:
            return Article.objects.none()
        return self.result.articles

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        result = self.result
        if context["page_obj"].object_list:
            search.add_snippets(context["page_obj"].object_list, result)
        if result.matches is not None and (context["paginator"].count or result.filters):
            context["choices"] = search.filter_choices(result.matches, result.filters)
        if result.query.date is not None:
            context["date_label"] = result.query.date.label(
                month_names=[str(MONTHS[number]) for number in range(1, 13)],
                bc=_("BC"),
                ad=_("AD"),
            )
        # Page links keep the query and filters as they were understood, not as typed.
        params = {"q": result.query.text, **result.filters.as_params()}
        context["page_query"] = urlencode({key: value for key, value in params.items() if value})
        context["query_only"] = urlencode({"q": result.query.text})
        limit = result.match_limit
        context["beyond_limit"] = limit is not None and context["paginator"].count > limit
        # Matching briefs: listed here when no article matches; otherwise, a link to
        # them (/search/briefs/), which keeps this page within its queries.
        if result.reason is None and not result.filters and not context["paginator"].count:
            context["briefs"] = matching_briefs(result.query.text)
        context.update(result=result, max_length=search.MAX_QUERY_LENGTH)
        return context


# Seconds /healthz waits for the database: load balancers give up after a few.
HEALTHZ_WAIT = 1


@never_cache
def healthz(request):
    """200 when the database answers within HEALTHZ_WAIT seconds, 503 when it does not,
    whatever it does meanwhile (historyblog.database_wait). Plain text, no HTML."""
    if not database_wait.answers_within(HEALTHZ_WAIT, _select_one):
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


def _select_one():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
