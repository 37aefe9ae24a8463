"""Round anniversaries are marked wherever anniversaries are listed, and Today in
History never leaves one out for older events."""

import datetime

import pytest

from articles import dates
from articles.anniversaries import round_anniversary_in, today_in_history
from articles.models import Article

from .factories import make_article, noon_utc
from .views_fixtures import page

pytestmark = pytest.mark.django_db


def titles(anniversaries):
    return [anniversary.article.title for anniversary in anniversaries]


def test_round_anniversaries_count_across_the_missing_year_0():
    years = [2016, 2001, 1976, 1951, 1926, 1876, 1826, 1927, 2026, 1901, 1700, 0, -24, -25]
    for year in years:
        make_article(title=f"Event of {year}", event_year=year, event_month=8, event_day=20)
    found = Article.objects.filter(round_anniversary_in(2026)).values_list("event_year", flat=True)
    assert sorted(found) == [-24, 1826, 1876, 1926, 1951, 1976, 2001, 2016]
    # 2026 years after 1 BC (astronomical 0) is not round; 2050 after 25 BC (-24) is.
    assert sorted(found) == sorted(y for y in years if dates.is_round_anniversary(2026 - y))


def test_widget_keeps_a_round_anniversary_that_the_oldest_events_would_crowd_out(client):
    with noon_utc(2026, 8, 20):
        for year in (1500, 1600, 1700, 1800, 1900, 1910):
            make_article(title=f"Event of {year}", event_year=year, event_month=8, event_day=20)
        make_article(title="Hundred years on", event_year=1926, event_month=8, event_day=20)
        widget = today_in_history(datetime.date(2026, 8, 20), limit=5)
        content = page(client, "/")
    # The round one takes the place of the newest of the others, and leads them.
    assert titles(widget.anniversaries) == [
        "Hundred years on",
        "Event of 1500",
        "Event of 1600",
        "Event of 1700",
        "Event of 1800",
    ]
    assert widget.has_more
    assert "Hundred years on" in content
    assert "100th anniversary" in content


def test_day_page_marks_the_round_anniversary_kept_today(client):
    with noon_utc(2026, 8, 20):
        make_article(title="Hundred years on", event_year=1926, event_month=8, event_day=20)
        make_article(title="Eighty-six years on", event_year=1940, event_month=8, event_day=20)
        response = client.get("/on-this-day/august-20/")
    content = response.content.decode()
    assert content.count('class="badge"') == 1
    assert "100th anniversary</p>" in content
    assert "86th anniversary" not in content
    assert [a.is_round for a in response.context["anniversaries"]] == [True, False]


def test_day_page_marks_the_coming_round_anniversary_with_its_year(client):
    # On August 21, 2026, August 20's next anniversary is in 2027: the 1927 event's 100th.
    with noon_utc(2026, 8, 21):
        make_article(title="Past centenary", event_year=1926, event_month=8, event_day=20)
        make_article(title="Coming centenary", event_year=1927, event_month=8, event_day=20)
        content = page(client, "/on-this-day/august-20/")
    assert content.count('class="badge"') == 1
    assert "100th anniversary in 2027" in content
    entry = content[content.index("Coming centenary") - 1500 : content.index("Coming centenary")]
    assert "is-round" in entry


def test_day_page_marks_a_round_leap_day_anniversary_kept_on_february_28(client):
    with noon_utc(2027, 2, 1):
        make_article(title="Leap day 1952", event_year=1952, event_month=2, event_day=29)
        content = page(client, "/on-this-day/february-28/")
    assert "75th anniversary in 2027" in content


def test_coming_up_keeps_a_round_anniversary_of_the_week_that_nearer_ones_would_crowd_out():
    with noon_utc(2026, 8, 20):
        for year in (1901, 1902, 1903, 1904, 1905):
            make_article(title=f"Event of {year}", event_year=year, event_month=8, event_day=21)
        make_article(title="Centenary", event_year=1926, event_month=8, event_day=26)
        widget = today_in_history(datetime.date(2026, 8, 20), limit=5)
    assert titles(widget.upcoming) == [
        "Event of 1901",
        "Event of 1902",
        "Event of 1903",
        "Event of 1904",
        "Centenary",
    ]
    assert widget.upcoming[-1].is_round


def test_coming_up_keeps_a_round_anniversary_of_next_year_in_a_week_over_new_year():
    with noon_utc(2026, 12, 28):
        for year in (1901, 1902, 1903, 1904, 1905):
            make_article(title=f"Event of {year}", event_year=year, event_month=12, event_day=29)
        make_article(title="Centenary", event_year=1927, event_month=1, event_day=2)
        widget = today_in_history(datetime.date(2026, 12, 28), limit=5)
    assert titles(widget.upcoming)[-1] == "Centenary"
    assert widget.upcoming[-1].on == datetime.date(2027, 1, 2)
    assert widget.upcoming[-1].number == 100
