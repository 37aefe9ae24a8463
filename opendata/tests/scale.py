"""What tests/test_scale.py asks of open data at 10 and 100,000 articles (it seeds
once for every page of the site): the addresses, their query budget, and a calendar
bounded by the days of the year rather than by the articles."""

from django.conf import settings
from icalendar import Calendar

from articles import dates

QUERY_BUDGET = 4
PREFIXES = ("/api/", "/calendars/", "/embed/")


def open_data_paths(article, tag):
    """The API (its documentation and schema too), calendars, widget and the page
    that shows how to embed it, for a seeded ``article`` with a ``tag``."""
    return [
        "/api/",
        "/api/v1/",
        "/api/v1/openapi.json",
        "/api/v1/on-this-day/",
        f"/api/v1/on-this-day/{article.event_month:02d}/{article.event_day:02d}/",
        "/api/v1/articles/",
        f"/api/v1/articles/?tag={tag.slug}&author={article.author.slug}",
        f"/api/v1/articles/?century={dates.century(article.event_year)}&page_size=100",
        "/api/v1/articles/?page=2&page_size=2",
        f"/api/v1/articles/{article.slug}/",
        "/api/v1/tags/",
        "/api/v1/authors/",
        "/calendars/anniversaries.ics",
        f"/calendars/tags/{tag.slug}.ics",
        "/embed/",
        "/embed/today/",
    ]


def assert_within_budget(queries_by_path):
    open_data = {path: n for path, n in queries_by_path.items() if path.startswith(PREFIXES)}
    assert open_data and max(open_data.values()) <= QUERY_BUDGET, open_data


def assert_calendar_is_bounded(client):
    response = client.get("/calendars/anniversaries.ics")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert 0 < len(events) <= 366 * settings.OPENDATA_CALENDAR_EVENTS_PER_DAY
