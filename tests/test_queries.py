"""Each page costs a small, fixed number of queries, however many articles exist.

Every budget is asserted with 1 and with 50 articles: a page whose count grows with the
number of rows has an N+1 query.
"""

import pytest

from .factories import make_article, make_author, noon_utc

pytestmark = pytest.mark.django_db

ARTICLE_COUNTS = [1, 50]


@pytest.fixture
def on_20_august_2026():
    with noon_utc(2026, 8, 20):
        yield


def make_site(count, **event):
    """``count`` published articles: half by one author ("matt"), the others each by an
    author of their own; every one tagged "shared" and with a tag of its own."""
    matt = make_author(slug="matt")
    for number in range(count):
        make_article(
            slug=f"article-{number}",
            author=matt if number % 2 == 0 else make_author(),
            tags=["shared", f"tag {number}"],
            **event,
        )


@pytest.fixture(params=ARTICLE_COUNTS, ids=lambda count: f"{count}_articles")
def site(request, on_20_august_2026):
    """Articles about 20 August 1940, seen on 20 August 2026."""
    make_site(request.param, event_year=1940, event_month=8, event_day=20)
    return request.param


@pytest.fixture(params=ARTICLE_COUNTS, ids=lambda count: f"{count}_articles")
def site_without_todays_anniversaries(request, on_20_august_2026):
    """Articles about days other than today: half later this year, half next year."""
    matt = make_author(slug="matt")
    for number in range(request.param):
        month = 9 if number % 2 == 0 else 1
        make_article(
            slug=f"article-{number}",
            author=matt if number % 2 == 0 else make_author(),
            tags=["shared"],
            event_year=1900 + number,
            event_month=month,
            event_day=1 + number % 28,
        )
    return request.param


def get(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status
    return response


def test_home_page_queries_same_with_1_and_50_articles(
    client, site, django_assert_max_num_queries
):
    # page count, page of articles with authors, today's anniversaries, today's briefs,
    # the coming week's anniversaries, popular tags
    with django_assert_max_num_queries(6):
        get(client, "/")


def test_home_page_with_upcoming_anniversaries_queries_same_with_1_and_50_articles(
    client, site_without_todays_anniversaries, django_assert_max_num_queries
):
    # page count, page of articles, today's (no) anniversaries, the rest of the year and
    # the wrap to next year, today's briefs, popular tags: one more than the site's
    # budget, on a site with fewer anniversaries in the rest of the year than the widget
    # shows (or in the last week of December)
    with django_assert_max_num_queries(7):
        response = get(client, "/")
    assert response.context["widget"].upcoming


def test_article_page_queries_same_with_1_and_50_articles(
    client, site, django_assert_max_num_queries
):
    # article with author, its tags, related articles with authors
    with django_assert_max_num_queries(3):
        get(client, "/articles/article-0/")


def test_day_page_queries_same_with_1_and_50_articles(client, site, django_assert_max_num_queries):
    # page count, page of articles with authors, the day's briefs, and the month grid's
    # marked days: one grouped query for articles, one for briefs
    with django_assert_max_num_queries(5):
        get(client, "/on-this-day/august-20/")


def test_tag_page_queries_same_with_1_and_50_articles(client, site, django_assert_max_num_queries):
    # tag, "any published?", page count, page of articles with authors
    with django_assert_max_num_queries(4):
        get(client, "/tags/shared/")


def test_tag_index_queries_same_with_1_and_50_articles(
    client, site, django_assert_max_num_queries
):
    with django_assert_max_num_queries(1):
        get(client, "/tags/")


def test_author_page_queries_same_with_1_and_50_articles(
    client, site, django_assert_max_num_queries
):
    # author, page count, page of articles
    with django_assert_max_num_queries(3):
        get(client, "/authors/matt/")


def test_author_index_queries_same_with_1_and_50_articles(
    client, site, django_assert_max_num_queries
):
    with django_assert_max_num_queries(1):
        get(client, "/authors/")


def test_year_page_queries_same_with_1_and_50_articles(
    client, site, django_assert_max_num_queries
):
    # page count, page of articles, previous year, next year, the year's briefs
    with django_assert_max_num_queries(5):
        get(client, "/years/1940/")


def test_timeline_queries_same_with_1_and_50_articles(client, site, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        get(client, "/timeline/")


def test_today_redirect_queries_same_with_1_and_50_articles(
    client, site, django_assert_max_num_queries
):
    with django_assert_max_num_queries(0):
        get(client, "/on-this-day/", status=302)
