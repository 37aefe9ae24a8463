"""Calendar feeds (iCalendar, RFC 5545) of anniversaries, all of them or one tag's,
to subscribe to in a calendar app: each article with a known day is a yearly recurring
all-day event, whose address leads back to the article.

A feed covers every day of the coming twelve months, with at most
OPENDATA_CALENDAR_EVENTS_PER_DAY events a day (the oldest events of that day; one by
default): at 100,000 articles that is 366 events, about 200 kilobytes, however many
articles a day has. Events of 29 February recur on the last day of February,
which is the 28th in common years, as the site keeps them.
"""

import datetime

from django.conf import settings
from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event

from articles import date_labels
from articles.anniversaries import next_occurrence
from articles.counts import published_tag
from articles.models import Article
from sharing.addresses import absolute_url, site_host

from .http import ApiError, open_data_view

# Calendar apps that honour these fetch the feed again once a day.
REFRESH = datetime.timedelta(days=1)
FIELDS = ("pk", "slug", "title", "dek", "event_year", "event_month", "event_day")


def calendar_articles(published, today):
    """The articles of a feed: for each day of the year, its oldest events (up to the
    limit), leaving out events still to come; in the order they come round next."""
    ranked = (
        published.with_anniversary()
        .filter(event_year__lte=today.year)
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("event_month"), F("event_day")],
                order_by=[F("event_year").asc(), F("pk").asc()],
            )
        )
        .filter(rank__lte=settings.OPENDATA_CALENDAR_EVENTS_PER_DAY)
        .only(*FIELDS, "event_approximate", "updated_at")
    )
    articles = [(first_anniversary(article, today), article) for article in ranked]
    articles.sort(key=lambda pair: (pair[0], pair[1].event_year, pair[1].pk))
    return articles


def first_anniversary(article, today):
    """The first anniversary of the article's event from today on (an event of this
    year has its first one next year)."""
    after = today - datetime.timedelta(days=1)
    if article.event_year == today.year:
        after = datetime.date(today.year, article.event_month, article.event_day)
    return next_occurrence(article.event_month, article.event_day, after)


def event(article, on):
    """One article as a yearly recurring all-day event starting on ``on``."""
    url = absolute_url(article.get_absolute_url())
    label = date_labels.event_date(article)
    entry = Event()
    entry.add("uid", f"article-{article.pk}@{site_host()}")
    entry.add("dtstamp", article.updated_at)
    entry.add("dtstart", on)
    entry.add("dtend", on + datetime.timedelta(days=1))
    if (article.event_month, article.event_day) == (2, 29):
        # The last day of February: the 29th in leap years, the 28th in the others.
        entry.add("rrule", {"freq": "yearly", "bymonth": 2, "bymonthday": -1})
    else:
        entry.add("rrule", {"freq": "yearly"})
    entry.add("summary", f"{article.title} ({date_labels.year_label(article.event_year)})")
    entry.add("description", "\n\n".join(filter(None, [label, article.dek, url])))
    entry.add("url", url)
    entry.add("transp", "TRANSPARENT")  # an anniversary does not make anyone busy
    return entry


def calendar_response(name, description, published):
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.SITE_NAME}//Anniversaries//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-caldesc", description)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", REFRESH)
    for on, article in calendar_articles(published, timezone.localdate()):
        calendar.add_component(event(article, on))
    return HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")


@open_data_view
def anniversaries(request):
    """/calendars/anniversaries.ics: every day's anniversaries."""
    return calendar_response(
        f"{settings.SITE_NAME}: Today in History",
        f"Anniversaries of the events {settings.SITE_NAME} writes about.",
        Article.objects.published(),
    )


@open_data_view
def tag_anniversaries(request, slug):
    """/calendars/tags/<slug>.ics: the anniversaries of one tag's articles."""
    tag = published_tag(slug)
    if tag is None:
        raise ApiError(404, f"No tag “{slug}” has published articles.")
    return calendar_response(
        f"{settings.SITE_NAME}: {tag.name}",
        f"Anniversaries of the events of {settings.SITE_NAME}'s articles tagged {tag.name}.",
        Article.objects.published().filter(tags__pk=tag.pk),
    )


def webcal_url(name, *args):
    """The calendar at the URL named ``name`` as a webcal:// address, which calendar
    apps open as a subscription."""
    return "webcal://" + absolute_url(reverse(name, args=args)).split("://", 1)[1]
