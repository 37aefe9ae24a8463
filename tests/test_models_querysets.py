"""The Article querysets: published(), the anniversary and year querysets, published_tags()."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from articles.counts import published_tags
from articles.models import Article

from .factories import make_article, make_draft, make_scheduled

UTC = ZoneInfo("UTC")


# ---------------------------------------------------------------------------
# published()


def titles(queryset):
    return [article.title for article in queryset]


@pytest.mark.django_db
def test_published_excludes_drafts_and_scheduled_articles_until_their_time():
    start = datetime.datetime(2026, 8, 20, 12, tzinfo=UTC)
    with time_machine.travel(start, tick=False) as traveller:
        make_article(title="Out")
        make_draft(title="Draft")
        make_article(title="Scheduled", publish_at=start + datetime.timedelta(hours=3))
        assert titles(Article.objects.published()) == ["Out"]

        traveller.move_to(start + datetime.timedelta(hours=3) - datetime.timedelta(seconds=1))
        assert titles(Article.objects.published()) == ["Out"]

        traveller.move_to(start + datetime.timedelta(hours=3))
        assert sorted(titles(Article.objects.published())) == ["Out", "Scheduled"]

        traveller.move_to(start + datetime.timedelta(days=365))
        assert "Draft" not in titles(Article.objects.published())


@pytest.mark.django_db
def test_published_accepts_an_explicit_now():
    start = datetime.datetime(2026, 8, 20, 12, tzinfo=UTC)
    with time_machine.travel(start, tick=False):
        make_scheduled(title="Scheduled")
    assert titles(Article.objects.published(now=start)) == []
    assert titles(Article.objects.published(now=start + datetime.timedelta(days=8))) == [
        "Scheduled"
    ]


@pytest.mark.django_db
def test_published_status_without_publish_at_is_not_public():
    article = make_article()
    Article.objects.filter(pk=article.pk).update(publish_at=None)
    assert not Article.objects.published().exists()


# ---------------------------------------------------------------------------
# Anniversary querysets


def leap_day_and_february_28_articles():
    make_article(title="Leap 1940", event_year=1940, event_month=2, event_day=29)
    make_article(title="Leap 5 BC", event_year=-4, event_month=2, event_day=29)
    make_article(title="Feb 28 1900", event_year=1900, event_month=2, event_day=28)
    make_article(title="March 1 1900", event_year=1900, event_month=3, event_day=1)


@pytest.mark.django_db
@pytest.mark.parametrize("year", [2026, 2027, 2100])
def test_on_this_day_keeps_february_29_on_the_28th_of_common_years(year):
    leap_day_and_february_28_articles()
    found = titles(Article.objects.on_this_day(datetime.date(year, 2, 28)))
    assert found == ["Leap 5 BC", "Feb 28 1900", "Leap 1940"]


@pytest.mark.django_db
def test_on_this_day_in_a_leap_year_keeps_february_29_on_the_29th():
    leap_day_and_february_28_articles()
    assert titles(Article.objects.on_this_day(datetime.date(2028, 2, 28))) == ["Feb 28 1900"]
    assert titles(Article.objects.on_this_day(datetime.date(2028, 2, 29))) == [
        "Leap 5 BC",
        "Leap 1940",
    ]


@pytest.mark.django_db
def test_on_day_is_oldest_first_across_bc_and_ad():
    make_article(title="1940", event_year=1940, event_month=8, event_day=20)
    make_article(title="44 BC", event_year=-43, event_month=8, event_day=20)
    make_article(title="AD 79", event_year=79, event_month=8, event_day=20)
    make_article(title="1 BC", event_year=0, event_month=8, event_day=20)
    make_article(title="Other day", event_year=1000, event_month=8, event_day=21)
    assert titles(Article.objects.on_day(8, 20)) == ["44 BC", "1 BC", "AD 79", "1940"]


@pytest.mark.django_db
def test_approximate_and_month_or_year_dates_have_no_daily_anniversary():
    make_article(
        title="Approximate", event_year=1450, event_month=8, event_day=20, event_approximate=True
    )
    make_article(title="Month only", event_year=1776, event_month=8, event_day=None)
    make_article(title="Year only", event_year=1066, event_month=None, event_day=None)
    make_article(title="Exact", event_year=1940, event_month=8, event_day=20)
    assert titles(Article.objects.on_day(8, 20)) == ["Exact"]
    assert titles(Article.objects.on_this_day(datetime.date(2026, 8, 20))) == ["Exact"]
    assert titles(Article.objects.after_day(1, 1)) == ["Exact"]
    for article in Article.objects.exclude(title="Exact"):
        assert article.day_of_year is None
    assert Article.objects.get(title="Exact").day_of_year == (8, 20)


@pytest.mark.django_db
def test_approximate_and_month_or_year_dates_still_appear_in_their_year():
    make_article(
        title="Approximate", event_year=1450, event_month=8, event_day=20, event_approximate=True
    )
    make_article(title="Month only", event_year=1450, event_month=8, event_day=None)
    make_article(title="Year only", event_year=1450, event_month=None, event_day=None)
    assert sorted(titles(Article.objects.in_year(1450))) == [
        "Approximate",
        "Month only",
        "Year only",
    ]


@pytest.mark.django_db
def test_in_year_puts_the_year_only_then_month_only_before_the_days():
    make_article(title="September 1", event_year=1940, event_month=9, event_day=1)
    make_article(title="August 20", event_year=1940, event_month=8, event_day=20)
    make_article(title="August", event_year=1940, event_month=8, event_day=None)
    make_article(title="1940", event_year=1940, event_month=None, event_day=None)
    make_article(title="August 1", event_year=1940, event_month=8, event_day=1)
    make_article(title="Another year", event_year=1941, event_month=None, event_day=None)
    assert titles(Article.objects.in_year(1940)) == [
        "1940",
        "August",
        "August 1",
        "August 20",
        "September 1",
    ]


@pytest.mark.django_db
def test_in_year_finds_bc_years_by_astronomical_number():
    make_article(title="Ides of March", event_year=-43, event_month=3, event_day=15)
    make_article(title="43 BC", event_year=-42, event_month=3, event_day=15)
    assert titles(Article.objects.in_year(-43)) == ["Ides of March"]


@pytest.mark.django_db
def test_after_day_is_in_calendar_order():
    make_article(title="Dec 31", event_year=1900, event_month=12, event_day=31)
    make_article(title="Aug 21 1950", event_year=1950, event_month=8, event_day=21)
    make_article(title="Aug 21 1850", event_year=1850, event_month=8, event_day=21)
    make_article(title="Aug 20", event_year=1940, event_month=8, event_day=20)
    make_article(title="Jan 1", event_year=1940, event_month=1, event_day=1)
    assert titles(Article.objects.after_day(8, 20)) == ["Aug 21 1850", "Aug 21 1950", "Dec 31"]


# ---------------------------------------------------------------------------
# Tags


@pytest.mark.django_db
def test_published_tags_count_only_published_articles():
    make_article(tags=["war", "russia"])
    make_article(tags=["war"])
    make_draft(tags=["war", "secret"])
    make_scheduled(tags=["war", "embargoed"])
    counts = {tag.name: tag.article_count for tag in published_tags()}
    assert counts == {"war": 2, "russia": 1}


@pytest.mark.django_db
def test_published_tags_most_used_first_then_by_name():
    make_article(tags=["b", "c"])
    make_article(tags=["c"])
    make_article(tags=["a"])
    assert [tag.name for tag in published_tags()] == ["c", "a", "b"]
