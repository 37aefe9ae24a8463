"""The on-this-day feed keeps a week of anniversaries, and on a day without any it
announces the coming ones, as Today in History does."""

import datetime
from zoneinfo import ZoneInfo

import feedparser
import pytest
import time_machine

from .factories import make_article

pytestmark = pytest.mark.django_db

UTC = ZoneInfo("UTC")


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = "https://history.example"


def at_noon(month, day, year=2026):
    return time_machine.travel(datetime.datetime(year, month, day, 12, tzinfo=UTC), tick=False)


def read(client, path="/feeds/on-this-day/"):
    response = client.get(path)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed.entries


def published_on(entry):
    return datetime.datetime(*entry.published_parsed[:6], tzinfo=UTC).date()


@pytest.fixture
def week():
    """Anniversaries on August 14 (outside the week of August 20), 17 and 20."""
    with at_noon(8, 1):
        make_article(title="Too old", event_year=1900, event_month=8, event_day=13)
        make_article(title="Three days ago", event_year=1910, event_month=8, event_day=17)
        make_article(title="Today, older", event_year=1800, event_month=8, event_day=20)
        make_article(title="Today, newer", event_year=1940, event_month=8, event_day=20)


def test_feed_keeps_the_last_seven_days_newest_first(client, week):
    with at_noon(8, 20):
        entries = [entry for entry in read(client) if "Coming up" not in entry.title]
    assert [entry.title for entry in entries] == [
        "1800: Today, older",
        "1940: Today, newer",
        "1910: Three days ago",
    ]
    assert [published_on(entry) for entry in entries] == [
        datetime.date(2026, 8, 20),
        datetime.date(2026, 8, 20),
        datetime.date(2026, 8, 17),
    ]
    assert "116th anniversary" in entries[2].summary


def test_a_reader_who_polls_once_in_six_days_misses_nothing(client, week):
    with at_noon(8, 14):
        first = {entry.id: entry.title for entry in read(client)}
    with at_noon(8, 20):
        second = {entry.id: entry.title for entry in read(client)}
    titles = {**first, **second}.values()
    assert {"1910: Three days ago", "1800: Today, older", "1940: Today, newer"} <= set(titles)


def test_a_day_without_anniversaries_announces_the_coming_ones(client):
    with at_noon(8, 1):
        make_article(title="Krakatoa", event_year=1883, event_month=8, event_day=27)
    with at_noon(8, 20):
        entries = read(client)
        atom = read(client, "/feeds/on-this-day/atom/")
    # Announced once, on the first day of the week that had no anniversaries.
    assert [entry.title for entry in entries] == ["Coming up on August 27 — 1883: Krakatoa"]
    assert entries[0].id.endswith("/coming-up/2026-08-27")
    assert [entry.id for entry in atom] == [entries[0].id]
    assert "No anniversaries on August 14. Coming up in 13 days, on August 27:" in (
        entries[0].summary
    )
    assert "143rd anniversary" in entries[0].summary
    assert published_on(entries[0]) == datetime.date(2026, 8, 14)


def test_a_coming_item_gives_way_to_the_anniversary_when_its_day_comes(client):
    with at_noon(8, 1):
        make_article(title="Krakatoa", event_year=1883, event_month=8, event_day=27)
    with at_noon(8, 27):
        entries = read(client)
    assert [entry.title for entry in entries] == ["1883: Krakatoa"]


def test_an_empty_site_has_an_empty_feed(client):
    with at_noon(8, 20):
        assert read(client) == []


def test_feed_queries_stay_bounded_on_a_week_without_anniversaries(
    client, django_assert_max_num_queries
):
    with at_noon(8, 1):
        for number in range(30):
            make_article(event_year=1900 + number, event_month=9, event_day=1 + number % 28)
    with at_noon(8, 20), django_assert_max_num_queries(17):
        # the week's anniversaries and their tags; the coming ones of each empty day
        # (this year's and next year's); the coming ones' tags
        entries = read(client)
    assert entries
