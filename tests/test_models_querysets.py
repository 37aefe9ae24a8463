"""Article and Author: validation, rendering on save, publishing and the querysets."""

import datetime
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError
from django.utils import timezone

from articles.models import Article, Author, published_tags

from .factories import make_article, make_author, make_draft, make_scheduled

UTC = ZoneInfo("UTC")


class ElementCollector(HTMLParser):
    """Every start tag with its attributes, to check sanitised HTML."""

    def __init__(self):
        super().__init__()
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def elements(html):
    collector = ElementCollector()
    collector.feed(html)
    collector.close()
    return collector.elements


def assert_html_is_harmless(html):
    """No script element, no event handler attribute, no javascript: URL."""
    for tag, attributes in elements(html):
        assert tag not in {"script", "iframe", "object", "embed", "style"}, html
        for name, value in attributes.items():
            assert not name.startswith("on"), html
            if name in {"href", "src"}:
                assert not (value or "").strip().lower().startswith(("javascript:", "data:")), html


# ---------------------------------------------------------------------------
# Validation


def unsaved_article(**kwargs):
    fields = {
        "title": "The Ides of March",
        "slug": "ides-of-march",
        "event_year": -43,
        "event_month": 3,
        "event_day": 15,
        "author": make_author(),
    }
    fields.update(kwargs)
    return Article(**fields)


def clean_errors(article):
    with pytest.raises(ValidationError) as error:
        article.clean()
    return error.value.message_dict


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("year", "month", "day", "field"),
    [
        (2026, 2, 30, "event_day"),
        (2026, 13, 1, "event_month"),
        (2026, 8, 32, "event_day"),
        (1939, 2, 29, "event_day"),
        (1900, 2, 29, "event_day"),
        (2026, None, 5, "event_month"),
        (10000, None, None, "event_year"),
    ],
)
def test_clean_puts_date_errors_on_the_wrong_field(year, month, day, field):
    article = unsaved_article(event_year=year, event_month=month, event_day=day)
    errors = clean_errors(article)
    assert list(errors) == [field]
    assert errors[field][0]


@pytest.mark.django_db
def test_clean_says_why_february_29_is_refused():
    errors = clean_errors(unsaved_article(event_year=1939, event_month=2, event_day=29))
    assert "1939 was not a leap year" in errors["event_day"][0]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("year", "month", "day"),
    [(-43, 3, 15), (1940, 2, 29), (2000, 2, 29), (-4, 2, 29), (0, 2, 29), (1776, 7, None)],
)
def test_clean_accepts_real_dates(year, month, day):
    unsaved_article(event_year=year, event_month=month, event_day=day).clean()


@pytest.mark.django_db
def test_full_clean_reports_month_13_on_the_month_field():
    with pytest.raises(ValidationError) as error:
        unsaved_article(event_year=2026, event_month=13, event_day=1).full_clean()
    assert "event_month" in error.value.message_dict


@pytest.mark.django_db
def test_old_style_date_is_refused_before_the_gregorian_reform():
    article = unsaved_article(event_year=1066, event_month=10, event_day=14, event_old_style=True)
    assert list(clean_errors(article)) == ["event_old_style"]


@pytest.mark.django_db
def test_old_style_date_of_the_october_revolution():
    article = make_article(event_year=1917, event_month=11, event_day=7, event_old_style=True)
    article.clean()
    assert article.old_style_date == (1917, 10, 25)


@pytest.mark.django_db
def test_old_style_date_is_none_unless_asked_for():
    assert make_article(event_year=1917, event_month=11, event_day=7).old_style_date is None


@pytest.mark.django_db
def test_author_links_must_be_web_addresses():
    author = make_author(links="https://example.org/\njavascript:alert(1)")
    with pytest.raises(ValidationError) as error:
        author.clean()
    assert list(error.value.message_dict) == ["links"]
    make_author(links="https://example.org/\n\nhttp://example.com/me").clean()


# ---------------------------------------------------------------------------
# Rendering and publishing on save

HOSTILE_BODY = """\
Before.

<script>alert(1)</script>

<img src=x onerror=alert(1)>

[x](javascript:alert(1)) and <a href="javascript:alert(2)">y</a>

<iframe src="https://example.com/"></iframe>

<p onclick="alert(3)" style="color:red">After.</p>
"""


@pytest.mark.django_db
def test_body_html_is_sanitised_on_save():
    article = make_article(body=HOSTILE_BODY)
    html = Article.objects.get(pk=article.pk).body_html
    assert "<script" not in html
    assert "onerror" not in html
    assert "onclick" not in html
    assert 'href="javascript:' not in html
    assert "<iframe" not in html
    assert_html_is_harmless(html)
    assert "Before." in html
    assert "After." in html


@pytest.mark.django_db
def test_body_html_keeps_ordinary_markdown():
    article = make_article(body="Some *emphasis* and [a source](https://example.org/).")
    assert "<em>emphasis</em>" in article.body_html
    assert 'href="https://example.org/"' in article.body_html
    assert 'rel="noopener noreferrer"' in article.body_html


@pytest.mark.django_db
def test_body_html_is_rendered_again_when_only_the_body_is_saved():
    article = make_article(body="First.")
    article.body = "Second <script>alert(1)</script>"
    article.save(update_fields=["body"])
    html = Article.objects.get(pk=article.pk).body_html
    assert "Second" in html
    assert "<script" not in html


@pytest.mark.django_db
def test_publishing_sets_publish_at_to_now():
    moment = datetime.datetime(2026, 8, 20, 12, tzinfo=UTC)
    with time_machine.travel(moment, tick=False):
        article = make_draft()
        assert article.publish_at is None
        assert article.state == "Draft"
        article.status = Article.Status.PUBLISHED
        article.save()
        article.refresh_from_db()
        assert article.publish_at == moment
        assert article.is_public
        assert article.state == "Published"


@pytest.mark.django_db
def test_publishing_with_update_fields_also_stores_publish_at():
    moment = datetime.datetime(2026, 8, 20, 12, tzinfo=UTC)
    with time_machine.travel(moment, tick=False):
        article = make_draft()
        article.status = Article.Status.PUBLISHED
        article.save(update_fields=["status"])
        assert Article.objects.get(pk=article.pk).publish_at == moment


@pytest.mark.django_db
def test_publishing_keeps_a_chosen_future_publish_at():
    with time_machine.travel(datetime.datetime(2026, 8, 20, 12, tzinfo=UTC), tick=False):
        later = timezone.now() + datetime.timedelta(days=3)
        article = make_article(publish_at=later)
        assert article.publish_at == later
        assert not article.is_public
        assert article.state == "Scheduled"


@pytest.mark.django_db
def test_draft_keeps_an_empty_publish_at():
    assert make_draft().publish_at is None


# ---------------------------------------------------------------------------
# Deleting authors and their logins


@pytest.mark.django_db
def test_deleting_an_author_with_articles_is_refused():
    article = make_article()
    with pytest.raises(ProtectedError):
        article.author.delete()
    assert Author.objects.filter(pk=article.author.pk).exists()
    assert Article.objects.filter(pk=article.pk).exists()


@pytest.mark.django_db
def test_deleting_an_author_without_articles_is_allowed():
    author = make_author()
    author.delete()
    assert not Author.objects.filter(pk=author.pk).exists()


@pytest.mark.django_db
def test_deleting_the_login_keeps_the_author_and_their_articles():
    user = get_user_model().objects.create_user("matt", password="not-used-here-123")
    author = make_author(user=user)
    article = make_article(author=author)
    user.delete()
    author.refresh_from_db()
    assert author.user is None
    assert Article.objects.get(pk=article.pk).author == author


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


@pytest.mark.django_db
def test_absolute_urls():
    article = make_article(slug="trotsky-assassinated", author=make_author(slug="matt"))
    assert article.get_absolute_url() == "/articles/trotsky-assassinated/"
    assert article.author.get_absolute_url() == "/authors/matt/"
