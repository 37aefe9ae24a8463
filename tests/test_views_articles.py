"""The article page: hostile text neutralised, dates, author bio, tags, related articles."""

from html.parser import HTMLParser

import pytest

from .factories import make_article, make_draft, noon_utc
from .views_fixtures import MATT_BIO, page
from .views_fixtures import site as site  # the fixture, for pytest

pytestmark = pytest.mark.django_db


# ---------------------------------------------------------------------------
# The article page


class PageScan(HTMLParser):
    """Collects every attribute, and every script element with its text."""

    def __init__(self):
        super().__init__()
        self.attributes = []
        self.scripts = []
        self._script_text = None

    def handle_starttag(self, tag, attrs):
        self.attributes.extend(attrs)
        if tag == "script":
            self._script_text = []
            self.scripts.append((dict(attrs), self._script_text))

    def handle_endtag(self, tag):
        if tag == "script":
            self._script_text = None

    def handle_data(self, data):
        if self._script_text is not None:
            self._script_text.append(data)


def assert_page_is_harmless(content):
    """No event handler, no javascript: URL, and no inline script but JSON data whose
    text cannot close its element early."""
    scan = PageScan()
    scan.feed(content)
    scan.close()
    for name, value in scan.attributes:
        assert not name.lower().startswith("on"), (name, value)
        assert not (value or "").strip().lower().startswith("javascript:"), (name, value)
    for attributes, text in scan.scripts:
        text = "".join(text)
        if text.strip():
            assert attributes.get("type") == "application/ld+json", (attributes, text)
            assert "<" not in text, text


def test_hostile_body_is_neutralised_on_the_article_page(client):
    make_article(
        slug="hostile",
        title='<script>alert("title")</script>Hostile',
        body=(
            "Text.\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n"
            '[x](javascript:alert(1))\n\n<a href="javascript:alert(1)">y</a>\n'
        ),
    )
    content = page(client, "/articles/hostile/")
    assert_page_is_harmless(content)
    assert "onerror" not in content
    assert "<script>alert" not in content
    assert "&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;Hostile" in content


def test_bc_article_shows_its_date_and_links_to_its_year(client):
    with noon_utc(2026, 3, 15):
        make_article(
            title="Caesar Assassinated", slug="caesar", event_year=-43, event_month=3, event_day=15
        )
        content = page(client, "/articles/caesar/")
        day_content = page(client, "/on-this-day/march-15/")
        year_content = page(client, "/years/44-bc/")
    assert "March 15, 44 BC" in content
    assert 'href="/years/44-bc/"' in content
    assert "2069 years ago" in content
    assert "Caesar Assassinated" in day_content
    assert "2069 years ago" in day_content
    assert 'href="/years/44-bc/"' in day_content
    assert "March 15, 44 BC" in year_content


def test_article_page_shows_the_author_bio(client, site):
    content = page(client, "/articles/trotsky-assassinated/")
    assert MATT_BIO in content
    assert 'href="/authors/matt/"' in content


def test_article_page_shows_the_kicker_date_and_tags(client, site):
    content = page(client, "/articles/trotsky-assassinated/")
    assert "August 20, 1940" in content
    assert 'href="/on-this-day/august-20/"' in content
    assert 'href="/tags/russia/"' in content


def test_article_page_shows_the_old_style_date_when_asked(client):
    make_article(
        title="October Revolution",
        slug="october",
        event_year=1917,
        event_month=11,
        event_day=7,
        event_old_style=True,
    )
    content = page(client, "/articles/october/")
    assert "November 7, 1917" in content
    assert "October 25, 1917" in content


def test_month_and_year_only_articles_render_and_link_to_their_year(client):
    make_article(
        title="Declaration",
        slug="declaration",
        event_year=1776,
        event_month=7,
        event_day=None,
        tags=[],
    )
    make_article(
        title="Hastings", slug="hastings", event_year=1066, event_month=None, event_day=None
    )
    make_article(
        title="Printing",
        slug="printing",
        event_year=1450,
        event_month=None,
        event_day=None,
        event_approximate=True,
    )
    declaration = page(client, "/articles/declaration/")
    assert "July 1776" in declaration
    assert 'href="/years/1776/"' in declaration
    assert "1066" in page(client, "/articles/hastings/")
    assert "c. 1450" in page(client, "/articles/printing/")


def test_related_articles_are_published_and_listed_once(client, site):
    make_article(
        title="Same Day Same Tags",
        slug="same-day",
        event_year=1950,
        event_month=8,
        event_day=20,
        tags=["Russia", "Assassinations"],
    )
    make_draft(title="Related Draft", slug="related-draft", tags=["Russia"])
    content = page(client, "/articles/trotsky-assassinated/")
    assert content.count('href="/articles/same-day/"') == 1
    assert "Related Draft" not in content
    assert 'href="/articles/ides-of-march/"' in content  # shares "Assassinations"


def test_article_without_tags_renders(client):
    make_article(slug="untagged")
    make_article(slug="untagged-month", event_month=5, event_day=None)
    assert "<h1" in page(client, "/articles/untagged/")
    assert "<h1" in page(client, "/articles/untagged-month/")
