"""A day of the year without articles: it leads on to the nearest days that have some,
asks search engines not to index it, offers nothing to share, and is left out of the
sitemap."""

import pytest

from .factories import make_article, make_draft, noon_utc
from .views_fixtures import page

pytestmark = pytest.mark.django_db


@pytest.fixture
def frozen():
    with noon_utc(2026, 8, 20):
        yield


@pytest.fixture
def articles(frozen):
    make_article(event_year=1940, event_month=12, event_day=20)
    make_article(event_year=1914, event_month=12, event_day=20)
    make_article(event_year=1066, event_month=1, event_day=3)
    # Neither a draft nor an approximate date makes a day worth visiting.
    make_draft(event_year=1900, event_month=12, event_day=24)
    make_article(event_year=1500, event_month=12, event_day=26, event_approximate=True)


def test_empty_day_links_to_the_nearest_days_with_articles_round_the_year_end(client, articles):
    content = page(client, "/on-this-day/december-25/")
    assert "No articles about December 25 yet." in content
    nearest = content[content.index('class="day-nav nearest-days"') :]
    assert nearest.index('href="/on-this-day/december-20/"') < nearest.index(
        'href="/on-this-day/january-3/"'
    )


def test_empty_day_links_once_to_the_only_day_with_articles(client, frozen):
    make_article(event_year=1940, event_month=8, event_day=20)
    content = page(client, "/on-this-day/march-1/")
    assert content.count('href="/on-this-day/august-20/"') == 1


def test_empty_day_of_an_empty_site_links_nowhere_more(client, frozen):
    content = page(client, "/on-this-day/march-1/")
    assert "No articles about March 1 yet." in content
    assert "nearest-days" not in content


def test_empty_day_is_not_indexed_and_has_no_share_buttons(client, articles):
    empty = page(client, "/on-this-day/december-25/")
    full = page(client, "/on-this-day/december-20/")
    assert '<meta name="robots" content="noindex">' in empty
    assert '<meta name="robots"' not in full
    assert 'class="share"' not in empty and 'class="share"' in full
    assert "nearest-days" not in full


def test_sitemap_lists_only_days_with_published_articles(client, settings, articles):
    settings.SITE_URL = "https://history.example"
    content = client.get("/sitemap-days.xml").content.decode()
    days = {
        line.split("/on-this-day/")[1].split("/")[0]
        for line in content.split("<loc>")
        if "/on-this-day/" in line
    }
    assert days == {"december-20", "january-3"}


def test_empty_day_page_queries(client, articles, django_assert_max_num_queries):
    # page count (none: no page of articles to read), the day's (no) briefs, the days
    # that have articles, and the month grid's marked days (articles, briefs)
    with django_assert_max_num_queries(5):
        page(client, "/on-this-day/december-25/")
