"""Today's page, the day picker and the day pages: today in the site's time zone, leap days."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from .factories import make_article, noon_utc
from .views_fixtures import page

pytestmark = pytest.mark.django_db

UTC = ZoneInfo("UTC")


# ---------------------------------------------------------------------------
# Today's page


@pytest.mark.parametrize(
    ("time_zone", "day"),
    [
        ("UTC", "august-19"),
        ("Pacific/Auckland", "august-20"),
        ("America/Los_Angeles", "august-19"),
    ],
)
def test_on_this_day_redirects_to_today_in_the_site_time_zone(client, settings, time_zone, day):
    settings.TIME_ZONE = time_zone
    with time_machine.travel(datetime.datetime(2026, 8, 19, 13, tzinfo=UTC), tick=False):
        response = client.get("/on-this-day/")
    assert response.status_code == 302
    assert response["Location"] == f"/on-this-day/{day}/"


def test_on_this_day_redirect_is_not_cached_past_midnight(client):
    with noon_utc(2026, 8, 20):
        response = client.get("/on-this-day/")
    assert response.status_code == 302
    assert response["Location"] == "/on-this-day/august-20/"
    cache_control = response.get("Cache-Control", "")
    assert "no-cache" in cache_control or "max-age=0" in cache_control


@pytest.mark.parametrize(
    ("query", "location"),
    [
        ("?month=8&day=20", "/on-this-day/august-20/"),
        ("?month=2&day=29", "/on-this-day/february-29/"),
    ],
)
def test_day_picker_redirects_to_the_day_page(client, query, location):
    response = client.get(f"/on-this-day/{query}")
    assert response.status_code == 302
    assert response["Location"] == location


@pytest.mark.parametrize(
    "query",
    [
        "?month=2&day=30",
        "?month=x&day=1",
        "?month=x",
        "?day=5",
        "?month=13&day=1",
        "?month=4&day=31",
        "?month=8&day=",
        "?month=8&day=0",
        "?month=8&day=-1",
    ],
)
def test_day_picker_with_an_impossible_day_says_so_on_the_picker(client, query):
    response = client.get(f"/on-this-day/{query}")
    assert response.status_code == 400
    assert 'class="day-picker-error"' in response.content.decode()


# ---------------------------------------------------------------------------
# Day pages


def test_day_page_lists_oldest_first_with_years_ago(client):
    with noon_utc(2026, 8, 20):
        make_article(title="Event of 1940", event_year=1940, event_month=8, event_day=20)
        make_article(title="Event of 44 BC", event_year=-43, event_month=8, event_day=20)
        make_article(title="Event of AD 79", event_year=79, event_month=8, event_day=20)
        content = page(client, "/on-this-day/august-20/")
    positions = [content.index(f"Event of {year}") for year in ("44 BC", "AD 79", "1940")]
    assert positions == sorted(positions)
    assert "86 years ago" in content
    assert 'href="/on-this-day/august-19/"' in content
    assert 'href="/on-this-day/august-21/"' in content


def test_february_28_page_keeps_leap_day_events_in_a_common_year(client):
    with noon_utc(2027, 2, 1):
        make_article(title="Leap Day Event", event_year=1940, event_month=2, event_day=29)
        common_year = page(client, "/on-this-day/february-28/")
    with noon_utc(2028, 2, 1):
        leap_year = page(client, "/on-this-day/february-28/")
        leap_day = page(client, "/on-this-day/february-29/")
    assert "Leap Day Event" in common_year
    assert "Leap Day Event" not in leap_year
    assert "Leap Day Event" in leap_day
    assert 'href="/on-this-day/february-28/"' in leap_day
    assert 'href="/on-this-day/march-1/"' in leap_day


def test_day_page_leaves_out_approximate_and_month_only_events(client):
    make_article(
        title="Circa Event", event_year=1450, event_month=8, event_day=20, event_approximate=True
    )
    make_article(title="Month Event", event_year=1776, event_month=8, event_day=None)
    response = client.get("/on-this-day/august-20/")
    assert list(response.context["article_list"]) == []
    assert "Circa Event" not in response.content.decode()
    assert "Month Event" not in response.content.decode()
