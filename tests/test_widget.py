"""The Today in History widget: its logic, and the home page that shows it."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from articles.anniversaries import today_in_history

from .factories import make_article, make_draft, make_scheduled, noon_utc

pytestmark = pytest.mark.django_db

UTC = ZoneInfo("UTC")


def rendered_widget(response):
    """The widget the home page rendered (the inclusion tag's context)."""
    assert response.status_code == 200
    return response.context["widget"]


def titles(anniversaries):
    return [anniversary.article.title for anniversary in anniversaries]


def test_trotsky_shows_on_20_august_2026_as_86_years_ago(client):
    with noon_utc(2026, 8, 20):
        make_article(title="Trotsky Assassinated", event_year=1940, event_month=8, event_day=20)
        make_article(title="A day later", event_year=1940, event_month=8, event_day=21)
        widget = today_in_history(datetime.date(2026, 8, 20), limit=5)
        response = client.get("/")
    assert titles(widget.anniversaries) == ["Trotsky Assassinated"]
    anniversary = widget.anniversaries[0]
    assert anniversary.number == 86
    assert anniversary.on == datetime.date(2026, 8, 20)
    assert not anniversary.is_round
    assert not anniversary.is_leap_day_kept_early
    assert widget.upcoming == []
    assert response.status_code == 200
    content = response.content.decode()
    assert "Trotsky Assassinated" in content
    assert "86 years ago" in content
    assert "August 20" in content


def test_bc_anniversary_counts_across_the_missing_year_0(client):
    with noon_utc(2026, 3, 15):
        make_article(title="Caesar Assassinated", event_year=-43, event_month=3, event_day=15)
        widget = today_in_history(datetime.date(2026, 3, 15), limit=5)
        response = client.get("/")
    assert widget.anniversaries[0].number == 2069
    content = response.content.decode()
    assert "Caesar Assassinated" in content
    assert "2069 years ago" in content
    assert "44 BC" in content


def test_round_anniversary_is_marked(client):
    with noon_utc(2026, 8, 20):
        make_article(title="Fifty years on", event_year=1976, event_month=8, event_day=20)
        widget = today_in_history(datetime.date(2026, 8, 20), limit=5)
        response = client.get("/")
    assert widget.anniversaries[0].number == 50
    assert widget.anniversaries[0].is_round
    assert "50th" in response.content.decode()


def test_leap_day_event_shows_on_28_february_of_a_common_year(client):
    with noon_utc(2027, 2, 28):
        make_article(title="Leap day 1940", event_year=1940, event_month=2, event_day=29)
        make_article(title="February 28 1950", event_year=1950, event_month=2, event_day=28)
        widget = today_in_history(datetime.date(2027, 2, 28), limit=5)
        response = client.get("/")
    assert titles(widget.anniversaries) == ["Leap day 1940", "February 28 1950"]
    leap, ordinary = widget.anniversaries
    assert leap.is_leap_day_kept_early
    assert leap.number == 87
    assert not ordinary.is_leap_day_kept_early
    content = response.content.decode()
    assert "Leap day 1940" in content
    assert "87 years ago" in content


def test_leap_day_event_waits_for_29_february_in_a_leap_year():
    with noon_utc(2028, 2, 28):
        make_article(title="Leap day 1940", event_year=1940, event_month=2, event_day=29)
        on_the_28th = today_in_history(datetime.date(2028, 2, 28), limit=5)
        on_the_29th = today_in_history(datetime.date(2028, 2, 29), limit=5)
    assert on_the_28th.anniversaries == []
    assert titles(on_the_28th.upcoming) == ["Leap day 1940"]
    assert on_the_28th.upcoming[0].on == datetime.date(2028, 2, 29)
    assert on_the_28th.upcoming_within_week
    assert titles(on_the_29th.anniversaries) == ["Leap day 1940"]
    assert not on_the_29th.anniversaries[0].is_leap_day_kept_early
    assert on_the_29th.anniversaries[0].number == 88


def test_limit_and_has_more():
    with noon_utc(2026, 8, 20):
        for year in (1990, 1900, 1800, 1700, 1600, 1500):
            make_article(title=str(year), event_year=year, event_month=8, event_day=20)
        widget = today_in_history(datetime.date(2026, 8, 20), limit=5)
        everything = today_in_history(datetime.date(2026, 8, 20), limit=6)
    assert titles(widget.anniversaries) == ["1500", "1600", "1700", "1800", "1900"]
    assert widget.has_more
    assert len(everything.anniversaries) == 6
    assert not everything.has_more


def test_home_page_links_to_the_day_page_when_there_are_more(client, settings):
    settings.TODAY_IN_HISTORY_LIMIT = 2
    with noon_utc(2026, 8, 20):
        for year in (1990, 1900, 1800):
            make_article(title=f"Event of {year}", event_year=year, event_month=8, event_day=20)
        response = client.get("/")
    widget = rendered_widget(response)
    assert titles(widget.anniversaries) == ["Event of 1800", "Event of 1900"]
    assert widget.has_more
    assert 'href="/on-this-day/august-20/"' in response.content.decode()


def test_drafts_and_scheduled_articles_never_show_in_the_widget(client):
    with noon_utc(2026, 8, 20):
        make_draft(title="Draft today", slug="draft-today", event_month=8, event_day=20)
        make_scheduled(
            title="Scheduled today", slug="scheduled-today", event_month=8, event_day=20
        )
        make_draft(title="Draft tomorrow", slug="draft-tomorrow", event_month=8, event_day=21)
        make_scheduled(
            title="Scheduled tomorrow", slug="scheduled-tomorrow", event_month=8, event_day=21
        )
        widget = today_in_history(datetime.date(2026, 8, 20), limit=5)
        response = client.get("/")
    assert widget.anniversaries == []
    assert widget.upcoming == []
    content = response.content.decode()
    for hidden in ("today", "tomorrow"):
        assert f"Draft {hidden}" not in content
        assert f"Scheduled {hidden}" not in content
        assert f"draft-{hidden}" not in content
        assert f"scheduled-{hidden}" not in content


def test_approximate_and_month_only_events_never_show_in_the_widget():
    with noon_utc(2026, 8, 20):
        make_article(
            title="Circa", event_year=1450, event_month=8, event_day=20, event_approximate=True
        )
        make_article(title="Month only", event_year=1776, event_month=8, event_day=None)
        make_article(title="Year only", event_year=1066, event_month=None, event_day=None)
        widget = today_in_history(datetime.date(2026, 8, 20), limit=5)
    assert widget.anniversaries == []
    assert widget.upcoming == []


def test_with_nothing_today_the_coming_week_shows_over_new_year(client):
    with noon_utc(2026, 12, 29):
        make_article(title="January 2", event_year=1900, event_month=1, event_day=2)
        make_article(title="March 1", event_year=1900, event_month=3, event_day=1)
        widget = today_in_history(datetime.date(2026, 12, 29), limit=5)
        response = client.get("/")
    assert widget.anniversaries == []
    assert widget.upcoming_within_week
    assert titles(widget.upcoming) == ["January 2"]
    assert widget.upcoming[0].on == datetime.date(2027, 1, 2)
    assert widget.upcoming[0].number == 127
    assert titles(rendered_widget(response).upcoming) == ["January 2"]
    assert 'href="/on-this-day/january-2/"' in response.content.decode()


def test_coming_week_lists_in_date_order_with_the_year_end_between():
    with noon_utc(2026, 12, 29):
        make_article(title="Jan 1", event_year=1900, event_month=1, event_day=1)
        make_article(title="Dec 31", event_year=1950, event_month=12, event_day=31)
        make_article(title="Jan 4", event_year=1800, event_month=1, event_day=4)
        make_article(title="Jan 6", event_year=1800, event_month=1, event_day=6)
        widget = today_in_history(datetime.date(2026, 12, 29), limit=5)
    assert titles(widget.upcoming) == ["Dec 31", "Jan 1", "Jan 4"]
    assert [anniversary.on for anniversary in widget.upcoming] == [
        datetime.date(2026, 12, 31),
        datetime.date(2027, 1, 1),
        datetime.date(2027, 1, 4),
    ]


def test_leap_day_event_comes_up_on_28_february_of_a_common_year():
    with noon_utc(2027, 2, 25):
        make_article(title="Leap day 1940", event_year=1940, event_month=2, event_day=29)
        widget = today_in_history(datetime.date(2027, 2, 25), limit=5)
    assert titles(widget.upcoming) == ["Leap day 1940"]
    assert widget.upcoming[0].on == datetime.date(2027, 2, 28)
    assert widget.upcoming[0].is_leap_day_kept_early
    assert widget.upcoming_within_week


def test_with_nothing_in_the_coming_week_the_nearest_further_ones_show(client):
    with noon_utc(2026, 8, 20):
        make_article(title="New Year 1900", event_year=1900, event_month=1, event_day=1)
        make_article(title="September 10", event_year=1900, event_month=9, event_day=10)
        make_article(title="August 19", event_year=1900, event_month=8, event_day=19)
        widget = today_in_history(datetime.date(2026, 8, 20), limit=5)
        nearest_two = today_in_history(datetime.date(2026, 8, 20), limit=2)
        response = client.get("/")
    assert widget.anniversaries == []
    assert not widget.upcoming_within_week
    assert titles(widget.upcoming) == ["September 10", "New Year 1900", "August 19"]
    assert [anniversary.on for anniversary in widget.upcoming] == [
        datetime.date(2026, 9, 10),
        datetime.date(2027, 1, 1),
        datetime.date(2027, 8, 19),
    ]
    assert titles(nearest_two.upcoming) == ["September 10", "New Year 1900"]
    assert titles(rendered_widget(response).upcoming) == titles(widget.upcoming)
    assert 'href="/on-this-day/september-10/"' in response.content.decode()


def test_empty_site_has_no_anniversaries_and_a_friendly_home_page(client):
    with noon_utc(2026, 8, 20):
        widget = today_in_history(datetime.date(2026, 8, 20), limit=5)
        response = client.get("/")
    assert widget.anniversaries == []
    assert widget.upcoming == []
    assert not widget.has_more
    assert not widget.upcoming_within_week
    assert response.status_code == 200
    content = response.content.decode()
    assert "August 20" in content
    assert "no anniversaries" in content.lower()


@pytest.mark.parametrize(
    ("time_zone", "shown", "hidden"),
    [
        ("Pacific/Auckland", "Event of August 20", "Event of August 19"),
        ("UTC", "Event of August 19", "Event of August 20"),
    ],
)
def test_today_is_the_calendar_day_in_the_site_time_zone(
    client, settings, time_zone, shown, hidden
):
    settings.TIME_ZONE = time_zone
    moment = datetime.datetime(2026, 8, 19, 13, tzinfo=UTC)  # 01:00 on the 20th in Auckland
    with time_machine.travel(moment, tick=False):
        make_article(
            title="Event of August 19",
            event_year=1900,
            event_month=8,
            event_day=19,
            publish_at=moment - datetime.timedelta(days=30),
        )
        make_article(
            title="Event of August 20",
            event_year=1900,
            event_month=8,
            event_day=20,
            publish_at=moment - datetime.timedelta(days=30),
        )
        response = client.get("/")
    widget = rendered_widget(response)
    assert titles(widget.anniversaries) == [shown]
    assert hidden not in titles(widget.upcoming)
