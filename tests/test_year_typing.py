"""The year box reads a year as sources write it ("44 BC", "AD 79", "c. 1450"), never
silently changes its era, refuses what is not a year with a reason, and the date shows
under the fields as readers will see it."""

import datetime
import re

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from articles import date_labels, dates, written_years
from articles.dates import Era, HistoricalDate
from articles.models import Article
from articles.written_years import WrittenYear

from .admin_forms import change_url, new_article_data
from .factories import make_article, make_user, noon_utc

ADD = reverse("admin:articles_article_add")


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("1940", WrittenYear(1940)),
        ("44 BC", WrittenYear(44, Era.BC)),
        ("44bc", WrittenYear(44, Era.BC)),
        ("44 B.C.", WrittenYear(44, Era.BC)),
        ("300 BCE", WrittenYear(300, Era.BC)),
        ("AD 79", WrittenYear(79, Era.AD)),
        ("79 CE", WrittenYear(79, Era.AD)),
        ("A.D. 79", WrittenYear(79, Era.AD)),
        ("c. 1450", WrittenYear(1450, None, approximate=True)),
        ("c1450", WrittenYear(1450, None, approximate=True)),
        ("ca. 300 BC", WrittenYear(300, Era.BC, approximate=True)),
        ("circa AD 600", WrittenYear(600, Era.AD, approximate=True)),
        ("  44\u00a0BC ", WrittenYear(44, Era.BC)),
    ],
)
def test_a_year_is_read_as_sources_write_it(text, written):
    assert written_years.parse_written_year(text) == written


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1940s", "“1940s” is a decade, and an event date needs a year"),
        ("40s BC", "“40s BC” is a decade"),
        ("5th century", "“5th century” is a century"),
        ("-44", "Write a BC year with its era: 44 BC, not -44."),
        ("AD 79 AD", "Give the era once"),
        ("nineteen", "Write the year in figures"),
        ("44 sestertii", "Write the year in figures"),
        ("\uff11\uff19\uff14\uff10", "Write the year in figures"),  # full-width digits
        ("1" * 30, "The year must be between"),
        ("a" + " " * 5000 + "x", "Write the year in figures"),
    ],
)
def test_what_is_not_a_year_is_refused_with_the_reason(text, message):
    with pytest.raises(dates.InvalidDate) as refused:
        written_years.parse_written_year(text)
    assert refused.value.field == "year"
    assert message in refused.value.message


@given(st.integers(dates.MIN_YEAR, dates.MAX_YEAR))
def test_every_year_as_readers_read_it_is_read_back_as_the_same_year(year):
    written = written_years.parse_written_year(dates.format_year(year))
    assert dates.to_astronomical(written.year, written.era or Era.AD) == year


# The admin form.


@pytest.fixture
def editor(client, db):
    user = make_user("Editors", author=True)
    client.force_login(user)
    return user


def add(client, editor, **changes):
    return client.post(ADD, new_article_data(author=str(editor.author.pk), **changes))


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ({"year": "44 BC", "era": "AD"}, (-43, False)),
        ({"year": "AD 79", "era": "BC"}, (79, False)),
        ({"year": "c. 1450", "era": "AD"}, (1450, True)),
        ({"year": "c. 300 BCE", "era": "AD"}, (-299, True)),
        ({"year": "44", "era": "BC"}, (-43, False)),
    ],
)
def test_the_era_and_circa_typed_in_the_year_box_are_kept(client, editor, typed, stored):
    assert add(client, editor, **typed).status_code == 302
    article = Article.objects.get()
    assert (article.event_year, article.event_approximate) == stored


def test_the_year_box_is_a_text_box_so_browsers_let_authors_type_an_era(client, editor):
    content = client.get(ADD).content.decode()
    year_input = re.search(r"<input[^>]*name=\"year\"[^>]*>", content).group()
    assert 'type="text"' in year_input
    assert "44 BC" in content  # the help text says it may be typed


@pytest.mark.parametrize(
    ("year", "message"),
    [
        ("1940s", "is a decade, and an event date needs a year"),
        ("-44", "Write a BC year with its era"),
        ("44 BC AD", "Write the year in figures"),
    ],
)
def test_a_year_the_form_cannot_read_is_refused_on_the_year_field(client, editor, year, message):
    response = add(client, editor, year=year)
    assert response.status_code == 200
    assert message in " ".join(response.context["adminform"].form.errors["year"])
    assert not Article.objects.exists()


# The date as readers will see it.


@pytest.mark.parametrize(
    ("event", "line"),
    [
        (
            HistoricalDate(-43, 3, 15),
            "March 15, 44 BC · 2069 years ago · remembered every March 15",
        ),
        (
            HistoricalDate(1450, approximate=True),
            "c. 1450 · About 576 years ago · no anniversary: the date is approximate",
        ),
        (
            HistoricalDate(1940, 8),
            "August 1940 · 86 years ago · no anniversary: the date has no day",
        ),
        (
            HistoricalDate(1940, 12, 25),
            "December 25, 1940 · 85 years ago · remembered every December 25",
        ),
        (
            HistoricalDate(2000, 2, 29),
            "February 29, 2000 · 26 years ago · remembered every February 29 "
            "(February 28 in other years)",
        ),
        (HistoricalDate(2026, 1, 1), "January 1, 2026 · This year · remembered every January 1"),
        (
            HistoricalDate(79, 8, 24),
            "August 24, AD 79 · 1947 years ago · remembered every August 24",
        ),
        (HistoricalDate(2100), "2100 · no anniversary: the date has no day"),
    ],
)
def test_the_date_as_read_says_the_date_how_long_ago_and_when_it_is_remembered(event, line):
    assert date_labels.date_as_read(event, datetime.date(2026, 12, 3)) == line


def shown_date(response):
    match = re.search(
        r'<output[^>]*class="date-as-read[^"]*"[^>]*>([^<]*)</output>', response.content.decode()
    )
    assert match, "no date as read under the date fields"
    return match.group(1).replace("&#x27;", "'")


def test_an_article_opened_shows_its_date_as_readers_will_see_it(client, editor):
    article = make_article(event_year=-43, event_month=3, event_day=15)
    with noon_utc(2026, 12, 3):
        response = client.get(change_url(article))
    assert shown_date(response) == "March 15, 44 BC · 2069 years ago · remembered every March 15"


def test_a_form_sent_back_shows_the_date_as_it_was_understood(client, editor):
    with noon_utc(2026, 12, 3):
        response = add(client, editor, year="c. 44 BC", month="3", day="15", title="")
    assert response.status_code == 200  # the title is missing
    assert shown_date(response) == (
        "c. March 15, 44 BC · About 2069 years ago · no anniversary: the date is approximate"
    )


def test_a_date_that_cannot_be_shows_no_date_as_read(client, editor):
    article = make_article(event_year=1940, event_month=8, event_day=20)
    data = {**new_article_data(author=str(editor.author.pk)), "opened_version": "1"}
    response = client.post(change_url(article), {**data, "month": "2", "day": "30"})
    assert response.status_code == 200
    assert shown_date(response) == ""  # not the date saved before


def test_the_page_loads_the_script_that_keeps_the_date_current(client, editor):
    content = client.get(ADD).content.decode()
    assert "js/admin-date-echo" in content
