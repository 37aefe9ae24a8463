"""Wandering through time: decade and century pages, the links to them, the month grid
of the day pages and the random day."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import given
from hypothesis import strategies as st

from articles import dates, periods
from briefs.models import Brief
from briefs.tests.factories import make_brief

from .factories import make_article, noon_utc

pytestmark = pytest.mark.django_db


def page(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, (path, response.status_code)
    return response


def text_of(response):
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


# ---------- Decades and centuries as addresses (articles.periods) ----------


@given(st.integers(dates.MIN_YEAR, dates.MAX_YEAR))
def test_every_year_is_in_its_decades_and_centurys_span_and_their_slugs_read_back(year):
    decade = dates.decade(year)
    first, last = periods.decade_span(decade)
    assert first <= year <= last and last - first <= 9
    assert periods.parse_decade_slug(periods.decade_slug(decade)) == decade
    century = dates.century(year)
    assert periods.parse_century_slug(periods.century_slug(century)) == century


@pytest.mark.parametrize(
    ("slug", "span"),
    [("1920s", (1920, 1929)), ("0s", (1, 9)), ("40s-bc", (-48, -39)), ("0s-bc", (-8, 0))],
)
def test_decade_slugs_and_spans(slug, span):
    assert periods.decade_span(periods.parse_decade_slug(slug)) == span


@pytest.mark.parametrize(
    "path",
    [
        "/years/1925s/",
        "/years/99999s/",
        "/years/10000s/",
        "/years/01920s/",
        "/years/1920s-ad/",
        "/centuries/0th/",
        "/centuries/21th/",
        "/centuries/101st/",
        "/centuries/101st-bc/",
        "/centuries/twentieth/",
        "/centuries/20/",
    ],
)
def test_impossible_decades_and_centuries_are_404(client, path):
    page(client, path, status=404)


# ---------- Decade and century pages ----------


@pytest.fixture
def twenties():
    with noon_utc(2026, 8, 20):
        make_article(title="Late in 1923", event_year=1923, event_month=11, event_day=8)
        make_article(title="Early 1923", event_year=1923, event_month=None, event_day=None)
        make_article(title="In 1929", event_year=1929, event_month=10, event_day=24)
        make_article(title="In 1930", event_year=1930, event_month=1, event_day=1)
        make_article(title="A draft", event_year=1925, status="draft")
        make_brief(text="A death of 1923.", kind=Brief.Kind.DEATH, event_year=1923)
        make_brief(text="An event of 1923.", event_year=1923, event_month=2, event_day=1)
        make_brief(text="A birth of 1927.", kind=Brief.Kind.BIRTH, event_year=1927)
        make_brief(text="A draft brief.", event_year=1926, status=Brief.Status.DRAFT)
        yield


def test_a_decade_lists_its_articles_then_briefs_by_kind_year_by_year(client, twenties):
    with noon_utc(2026, 8, 20):
        response = page(client, "/years/1920s/")
    text = text_of(response)
    order = [
        "1923",
        "Early 1923",
        "Late in 1923",
        "Events",
        "An event of 1923.",
        "Deaths",
        "A death of 1923.",
        "1927",
        "Births",
        "A birth of 1927.",
        "1929",
        "In 1929",
    ]
    # After the list of the decade's years, each part in turn.
    position = text.index("1 entry 1929") + len("1 entry 1929")
    for part in order:
        position = text.index(part, position + 1)
    assert "In 1930" not in text and "A draft" not in text
    assert "6 articles and briefs" in text
    html = response.content.decode()
    # Its years with something, its century, its neighbours.
    for year in ("1923", "1927", "1929"):
        assert f'href="/years/{year}/"' in html
    assert 'href="/years/1925/"' not in html
    assert 'href="/centuries/20th/"' in html and 'href="/timeline/"' in html
    assert 'href="/years/1910s/" rel="prev"' in html and 'href="/years/1930s/" rel="next"' in html
    assert '<meta name="robots" content="noindex">' not in html


def test_a_century_lists_its_decades_and_entries(client, twenties):
    with noon_utc(2026, 8, 20):
        response = page(client, "/centuries/20th/")
    html = response.content.decode()
    assert 'href="/years/1920s/"' in html and 'href="/years/1930s/"' in html
    assert 'href="/centuries/19th/" rel="prev"' in html
    assert 'href="/centuries/21st/" rel="next"' in html
    text = text_of(response)
    assert text.index("Early 1923") < text.index("In 1929") < text.index("In 1930")
    assert "From 1901 to 2000" in text


def test_bc_decades_and_centuries(client):
    with noon_utc(2026, 8, 20):
        make_article(title="The Ides of March", event_year=-43, event_month=3, event_day=15)
        decade = page(client, "/years/40s-bc/")
        century = page(client, "/centuries/1st-bc/")
        year = page(client, "/years/44-bc/")
    assert "The Ides of March" in text_of(decade) and "From 49 BC to 40 BC" in text_of(decade)
    assert 'href="/years/44-bc/"' in decade.content.decode()
    assert 'href="/centuries/1st-bc/"' in decade.content.decode()
    assert 'href="/years/40s-bc/"' in century.content.decode()
    assert 'href="/centuries/1st/" rel="next"' in century.content.decode()
    assert 'href="/centuries/2nd-bc/" rel="prev"' in century.content.decode()
    # The year page leads up to its decade and century.
    assert 'href="/years/40s-bc/"' in year.content.decode()
    assert 'href="/centuries/1st-bc/"' in year.content.decode()


def test_an_empty_decade_says_so_and_is_not_indexed(client):
    response = page(client, "/years/1580s/")
    assert "Nothing about the years 1580 to 1589 yet." in text_of(response)
    assert '<meta name="robots" content="noindex">' in response.content.decode()


def test_a_large_span_is_paginated_and_a_page_beyond_is_404(client, settings):
    with noon_utc(2026, 8, 20):
        for day in range(1, 29):
            make_article(title=f"Day {day}", event_year=1950, event_month=2, event_day=day)
        for number in range(30):
            make_brief(text=f"Brief {number}.", event_year=1951, event_month=1, event_day=1)
        first = page(client, "/years/1950s/")
        second = page(client, "/years/1950s/?page=2")
        page(client, "/years/1950s/?page=3", status=404)
    assert first.context["paginator"].count == 58
    assert "Day 28" in text_of(first) and "Brief 21." in text_of(first)
    assert "Brief 22." in text_of(second) and "Day 28" not in text_of(second)


def test_the_timeline_links_its_centuries_and_decades(client):
    with noon_utc(2026, 8, 20):
        make_article(event_year=1923)
        html = page(client, "/timeline/").content.decode()
    assert 'href="/centuries/20th/"' in html and 'href="/years/1920s/"' in html


def test_span_pages_cost_the_same_queries_with_few_and_many_entries(client):
    def count():
        with noon_utc(2026, 8, 20), CaptureQueriesContext(connection) as captured:
            page(client, "/years/1920s/")
            page(client, "/centuries/20th/")
        return len(captured)

    with noon_utc(2026, 8, 20):
        make_article(event_year=1923)
        make_brief(event_year=1924)
    few = count()
    with noon_utc(2026, 8, 20):
        for number in range(20):
            make_article(event_year=1920 + number % 10)
            make_brief(event_year=1920 + number % 10, kind=Brief.Kind.BIRTH)
    assert count() == few
    # count, page of rows, its articles, its briefs, the years with entries: each page
    assert few == 2 * 5


# ---------- The month grid ----------


def test_the_month_grid_links_every_day_and_marks_those_with_entries(client):
    with noon_utc(2026, 8, 20):
        make_article(event_year=1940, event_month=2, event_day=3)
        make_brief(event_year=1900, event_month=2, event_day=29)
        make_article(event_year=1940, event_month=2, event_day=10, status="draft")
        make_article(event_year=1940, event_month=3, event_day=11)
        response = page(client, "/on-this-day/february-3/")
    html = response.content.decode()
    grid = re.search(r'<nav class="month-grid".*?</nav>', html, re.S).group(0)
    days = re.findall(r'<a href="/on-this-day/february-(\d+)/"([^>]*)>', grid)
    assert [int(day) for day, _ in days] == list(range(1, 30))  # February 29 included
    marked = [int(day) for day, attributes in days if "has-entries" in attributes]
    assert marked == [3, 29]
    current = [int(day) for day, attributes in days if 'aria-current="page"' in attributes]
    assert current == [3]
    assert "February 10, nothing yet" in text_of(response)
    assert 'href="/on-this-day/january-3/"' in grid and 'href="/on-this-day/march-3/"' in grid
    # The neighbouring days stay.
    assert 'href="/on-this-day/february-2/" rel="prev"' in html


def test_the_month_grid_keeps_the_day_where_the_next_month_has_it(client):
    html = page(client, "/on-this-day/january-31/").content.decode()
    grid = re.search(r'<nav class="month-grid".*?</nav>', html, re.S).group(0)
    assert 'href="/on-this-day/february-29/"' in grid
    assert 'href="/on-this-day/december-31/"' in grid


# ---------- The random day ----------


def test_the_random_day_goes_to_a_day_with_a_published_article_and_is_never_cached(client):
    with noon_utc(2026, 8, 20):
        make_article(event_year=1940, event_month=5, event_day=10)
        make_article(event_year=1940, event_month=6, event_day=11)
        make_article(event_year=1940, event_month=7, event_day=12, status="draft")
        seen = set()
        for _ in range(40):
            response = client.get("/on-this-day/random/")
            assert response.status_code == 302
            assert "no-cache" in response["Cache-Control"]
            seen.add(response["Location"])
    assert seen == {"/on-this-day/may-10/", "/on-this-day/june-11/"}


def test_the_random_day_costs_one_query(client, django_assert_num_queries):
    make_article()
    with django_assert_num_queries(1):
        client.get("/on-this-day/random/")


def test_the_random_day_without_articles_goes_to_today(client):
    with noon_utc(2026, 8, 20):
        response = client.get("/on-this-day/random/")
    assert response.status_code == 302 and response["Location"] == "/on-this-day/"


def test_the_header_links_the_random_day_which_robots_may_not_follow(client):
    html = page(client, "/").content.decode()
    assert 'href="/on-this-day/random/" rel="nofollow"' in html
    assert "Disallow: /on-this-day/random/" in page(client, "/robots.txt").content.decode()


def test_the_sitemap_lists_the_decades_and_centuries_with_public_entries(client):
    make_article(event_year=1923)
    make_brief(event_year=-43, event_month=None, event_day=None)
    make_article(event_year=1505, status="draft")
    make_brief(event_year=1705, status=Brief.Status.DRAFT)
    assert "/sitemap-periods.xml</loc>" in page(client, "/sitemap.xml").content.decode()
    xml = page(client, "/sitemap-periods.xml").content.decode()
    for path in ("/years/1920s/", "/centuries/20th/", "/years/40s-bc/", "/centuries/1st-bc/"):
        assert f"{path}</loc>" in xml, path
    for path in ("/years/1500s/", "/centuries/16th/", "/years/1700s/", "/centuries/18th/"):
        assert f"{path}</loc>" not in xml, path
