"""Coverage: the 366 days of the year shaded by their published articles, each a link
to that day's articles in the admin, the same counts as a table, the days without an
article and the days with only one, all from one grouped query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from desk.coverage import coverage, days_of_the_year
from tests.admin_forms import listed
from tests.factories import make_article, make_draft, make_scheduled

from .helpers import editor, texts, tree

pytestmark = pytest.mark.django_db

COVERAGE = reverse("admin:desk_coverage")


@pytest.fixture
def counted():
    """August 20 has 12 published articles, August 21 one, 29 February two; drafts,
    scheduled articles and dates without a day count for nothing."""
    for year in range(1900, 1912):
        make_article(event_year=year, event_month=8, event_day=20)
    make_article(title="Alone", event_year=1950, event_month=8, event_day=21)
    make_article(event_year=2000, event_month=2, event_day=29)
    make_article(event_year=1904, event_month=2, event_day=29)
    make_draft(event_month=3, event_day=1)
    make_scheduled(event_month=3, event_day=2)
    make_article(event_month=3, event_day=3, event_approximate=True)
    make_article(event_month=3, event_day=None)


def test_every_day_of_the_year_has_one_cell_with_its_count_and_shade(client, counted):
    client.force_login(editor())
    response = client.get(COVERAGE)
    cells = tree(response).find_class("desk-cell")
    assert len(cells) == 366
    by_label = {
        " ".join(cell.find_class("visually-hidden")[0].text_content().split()): cell
        for cell in cells
    }
    assert "desk-shade-many" in by_label["August 20: 12 articles"].get("class")
    assert "desk-shade-one" in by_label["August 21: 1 article"].get("class")
    assert "desk-shade-few" in by_label["February 29: 2 articles"].get("class")
    assert "desk-shade-none" in by_label["March 1: 0 articles"].get("class")
    assert by_label["August 20: 12 articles"].get("href") == (
        reverse("admin:articles_article_changelist")
        + "?event_month=8&event_day=20&state=published"
    )


def test_a_cell_opens_that_days_published_articles_in_the_admin(client, counted):
    client.force_login(editor())
    href = tree(client.get(COVERAGE)).xpath("//a[contains(., 'August 21: 1 article')]")[0]
    query = dict(part.split("=") for part in href.get("href").split("?")[1].split("&"))
    assert [article.title for article in listed(client, **query)] == ["Alone"]
    assert len(listed(client, event_month="8", event_day="20", state="published")) == 12


def test_the_counts_are_also_a_table_of_months_and_days(client, counted):
    client.force_login(editor())
    response = client.get(COVERAGE)
    rows = tree(response).xpath("//table[@class='desk-counts']/tbody/tr")
    assert len(rows) == 12
    august = [cell.text_content() for cell in rows[7].iter("td")]
    assert august[19:21] == ["12", "1"]
    february = [cell.text_content() for cell in rows[1].iter("td")]
    assert february[28:] == ["2", "", ""]  # 29, then no 30th or 31st
    assert rows[7].find("th").text_content() == "August"


def test_the_empty_days_and_the_days_with_one_article_are_listed(client, counted):
    client.force_login(editor())
    response = client.get(COVERAGE)
    headings = texts(response, "//div[@id='content-main']/h2")
    assert headings[:2] == ["363 days without an article", "1 day with only one article"]
    single = texts(response, "//ul[@aria-labelledby='single-days']/li")
    assert single == ["August 21"]
    empty = texts(response, "//ul[@aria-labelledby='empty-days']/li")
    assert len(empty) == 363 and "March 1" in empty and "August 20" not in empty


def test_the_counts_are_one_grouped_query():
    make_article(event_month=8, event_day=20)
    with CaptureQueriesContext(connection) as queries:
        days = coverage()
    assert len(queries) == 1
    assert "GROUP BY" in queries[0]["sql"]
    assert len(days) == 366 == len(days_of_the_year())
    assert sum(day.count for day in days) == 1
