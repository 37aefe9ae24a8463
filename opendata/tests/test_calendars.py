"""The calendar feeds, read back with a real iCalendar parser."""

import datetime

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar

from tests.factories import make_article, make_draft, noon_utc

pytestmark = pytest.mark.django_db


def events(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0"
    return calendar, {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def occurrences(event, count):
    rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=event.decoded("DTSTART"))
    return [moment.date() for moment in rule[:count]]


def test_each_article_is_a_yearly_all_day_event_leading_back_to_it(client):
    with noon_utc(2026, 8, 25):
        article = make_article(title="Trotsky", dek="An ice axe.", event_year=1940)
        calendar, found = events(client, "/calendars/anniversaries.ics")
    event = found["Trotsky (1940)"]
    assert str(event["UID"]) == f"article-{article.pk}@127.0.0.1"
    # Past this year's anniversary: the next is next year's, every year after.
    assert event.decoded("DTSTART") == datetime.date(2027, 8, 20)
    assert event.decoded("DTEND") == datetime.date(2027, 8, 21)
    assert occurrences(event, 3) == [datetime.date(y, 8, 20) for y in (2027, 2028, 2029)]
    assert event.decoded("DTSTAMP") == article.updated_at
    url = f"http://127.0.0.1:8000/articles/{article.slug}/"
    assert str(event["URL"]) == url
    assert str(event["DESCRIPTION"]) == f"August 20, 1940\n\nAn ice axe.\n\n{url}"
    assert "Today in History" in str(calendar["X-WR-CALNAME"])


def test_29_february_recurs_on_the_last_day_of_february_as_the_site_keeps_it(client):
    with noon_utc(2026, 3, 1):
        make_article(title="Leap", event_year=1940, event_month=2, event_day=29)
        _, found = events(client, "/calendars/anniversaries.ics")
    event = found["Leap (1940)"]
    assert event.decoded("DTSTART") == datetime.date(2027, 2, 28)
    assert occurrences(event, 3) == [
        datetime.date(2027, 2, 28),
        datetime.date(2028, 2, 29),
        datetime.date(2029, 2, 28),
    ]


def test_the_uid_stays_the_same_from_one_day_to_the_next(client):
    with noon_utc(2026, 8, 19):
        make_article(title="Trotsky", event_year=1940)
        _, before = events(client, "/calendars/anniversaries.ics")
    with noon_utc(2026, 8, 21):
        _, after = events(client, "/calendars/anniversaries.ics")
    assert before["Trotsky (1940)"]["UID"] == after["Trotsky (1940)"]["UID"]


def test_only_what_readers_see_and_nothing_without_an_anniversary(client):
    with noon_utc(2026, 1, 10):
        make_article(title="Public", event_year=1900)
        make_draft(title="Draft", event_year=1900)
        make_article(title="Undated day", event_year=1900, event_day=None)
        make_article(title="Circa", event_year=1900, event_approximate=True)
        make_article(title="Next year", event_year=2027)
        make_article(title="This year", event_year=2026, event_month=1, event_day=5)
        _, found = events(client, "/calendars/anniversaries.ics")
    assert set(found) == {"Public (1900)", "This year (2026)"}
    # An event of this year is first remembered a year on.
    assert found["This year (2026)"].decoded("DTSTART") == datetime.date(2027, 1, 5)


def test_a_day_gives_its_oldest_few_events_at_most(client, settings):
    settings.OPENDATA_CALENDAR_EVENTS_PER_DAY = 2
    with noon_utc(2026, 1, 10):
        for year in (1950, 1900, 1925):
            make_article(title="On the day", event_year=year)
        make_article(title="Another day", event_year=1990, event_day=21)
        _, found = events(client, "/calendars/anniversaries.ics")
    assert set(found) == {"On the day (1900)", "On the day (1925)", "Another day (1990)"}


def test_a_tags_calendar_has_its_articles_only(client):
    with noon_utc(2026, 1, 10):
        make_article(title="War", tags=["war"])
        make_article(title="Peace", tags=["peace"])
        calendar, found = events(client, "/calendars/tags/war.ics")
    assert set(found) == {"War (1940)"}
    assert "war" in str(calendar["X-WR-CALNAME"])


def test_tag_pages_and_the_home_page_offer_a_webcal_subscription(client):
    make_article(tags=["war"])
    assert 'href="webcal://127.0.0.1:8000/calendars/tags/war.ics"' in client.get("/tags/war/").text
    assert 'href="webcal://127.0.0.1:8000/calendars/anniversaries.ics"' in client.get("/").text
