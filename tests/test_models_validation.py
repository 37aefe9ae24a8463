"""Article and Author validation: event dates, Old Style dates and author links."""

import pytest
from django.core.exceptions import ValidationError

from articles.models import Article

from .factories import make_article, make_author

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
