"""The reader's pages: status codes, content, 404s, and drafts that never leak."""

import datetime
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from articles.models import Article

from .factories import make_article, make_author, make_draft, make_scheduled, noon_utc

pytestmark = pytest.mark.django_db

UTC = ZoneInfo("UTC")

MATT_BIO = (
    "Matt lives in Southern California. He is interested in politics, history, "
    "literature and the natural world."
)


def page(client, path):
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return response.content.decode()


@pytest.fixture
def site():
    """A small published site: one author, three articles, two tags."""
    matt = make_author(display_name="Matt Example", slug="matt", bio=MATT_BIO)
    return {
        "trotsky": make_article(
            title="Trotsky Assassinated",
            slug="trotsky-assassinated",
            event_year=1940,
            event_month=8,
            event_day=20,
            author=matt,
            tags=["Russia", "Assassinations"],
        ),
        "caesar": make_article(
            title="The Ides of March",
            slug="ides-of-march",
            event_year=-43,
            event_month=3,
            event_day=15,
            author=matt,
            tags=["Rome", "Assassinations"],
        ),
        "leap": make_article(
            title="A Leap Day Event",
            slug="leap-day-event",
            event_year=1940,
            event_month=2,
            event_day=29,
            author=matt,
        ),
    }


# ---------------------------------------------------------------------------
# Every page renders


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/", "Trotsky Assassinated"),
        ("/articles/trotsky-assassinated/", "Trotsky Assassinated"),
        ("/on-this-day/august-20/", "Trotsky Assassinated"),
        ("/on-this-day/february-29/", "A Leap Day Event"),
        ("/tags/", 'href="/tags/russia/"'),
        ("/tags/russia/", "Trotsky Assassinated"),
        ("/authors/", 'href="/authors/matt/"'),
        ("/authors/matt/", "Trotsky Assassinated"),
        ("/years/1940/", "Trotsky Assassinated"),
        ("/years/44-bc/", "The Ides of March"),
        ("/timeline/", 'href="/years/44-bc/"'),
    ],
)
def test_every_page_renders_with_content(client, site, path, expected):
    content = page(client, path)
    assert expected in content
    assert "<h1" in content


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/on-this-day/august-20/",
        "/on-this-day/february-29/",
        "/tags/",
        "/authors/",
        "/years/1940/",
        "/years/44-bc/",
        "/timeline/",
    ],
)
def test_every_page_renders_on_an_empty_site(client, path):
    content = page(client, path)
    assert "<h1" in content
    assert "</html>" in content


def test_healthz_answers_ok_in_plain_text(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert response.content.decode().strip() == "ok"
    assert "<" not in response.content.decode()


def test_healthz_answers_503_when_the_database_does_not(client, monkeypatch):
    class BrokenConnection:
        def cursor(self):
            raise OSError("database is down")

    monkeypatch.setattr("articles.views.connection", BrokenConnection())
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response["Content-Type"].startswith("text/plain")
    assert "<" not in response.content.decode()


def test_home_page_paginates_the_latest_articles(client, settings):
    for number in range(settings.ARTICLES_PER_PAGE + 1):
        make_article(
            title=f"Numbered {number:02}",
            publish_at=timezone.now() - datetime.timedelta(hours=number + 1),
        )
    first = client.get("/").context["article_list"]
    second = client.get("/?page=2").context["article_list"]
    assert [article.title for article in first][:2] == ["Numbered 00", "Numbered 01"]
    assert "Numbered 12" not in [article.title for article in first]
    assert [article.title for article in second] == ["Numbered 12"]
    assert 'href="?page=2"' in page(client, "/")
    assert client.get("/?page=3").status_code == 404


# ---------------------------------------------------------------------------
# Today's page


@pytest.mark.parametrize(
    ("time_zone", "day"),
    [
        ("UTC", "august-19"),
        ("Pacific/Auckland", "august-20"),
        ("America/Los_Angeles", "august-19"),
    ],
)
def test_on_this_day_redirects_to_today_in_the_site_time_zone(client, settings, time_zone, day):
    settings.TIME_ZONE = time_zone
    with time_machine.travel(datetime.datetime(2026, 8, 19, 13, tzinfo=UTC), tick=False):
        response = client.get("/on-this-day/")
    assert response.status_code == 302
    assert response["Location"] == f"/on-this-day/{day}/"


def test_on_this_day_redirect_is_not_cached_past_midnight(client):
    with noon_utc(2026, 8, 20):
        response = client.get("/on-this-day/")
    assert response.status_code == 302
    assert response["Location"] == "/on-this-day/august-20/"
    cache_control = response.get("Cache-Control", "")
    assert "no-cache" in cache_control or "max-age=0" in cache_control


@pytest.mark.parametrize(
    ("query", "location"),
    [
        ("?month=8&day=20", "/on-this-day/august-20/"),
        ("?month=2&day=29", "/on-this-day/february-29/"),
    ],
)
def test_day_picker_redirects_to_the_day_page(client, query, location):
    response = client.get(f"/on-this-day/{query}")
    assert response.status_code == 302
    assert response["Location"] == location


@pytest.mark.parametrize(
    "query",
    [
        "?month=2&day=30",
        "?month=x&day=1",
        "?month=x",
        "?day=5",
        "?month=13&day=1",
        "?month=4&day=31",
        "?month=8&day=",
        "?month=8&day=0",
        "?month=8&day=-1",
    ],
)
def test_day_picker_with_an_impossible_day_is_404(client, query):
    assert client.get(f"/on-this-day/{query}").status_code == 404


# ---------------------------------------------------------------------------
# 404s, never 500s


@pytest.mark.parametrize(
    "path",
    [
        "/articles/no-such-article/",
        "/on-this-day/february-30/",
        "/on-this-day/april-31/",
        "/on-this-day/foo-1/",
        "/on-this-day/august-020/",
        "/on-this-day/august-0/",
        "/years/0/",
        "/years/0-bc/",
        "/years/0044/",
        "/years/-44/",
        "/tags/no-such-tag/",
        "/authors/no-such-author/",
        "/?page=999",
        "/?page=abc",
        "/?page=0",
        "/?page=-1",
        "/on-this-day/august-20/?page=999",
        "/on-this-day/august-20/?page=abc",
        "/tags/russia/?page=999",
        "/tags/russia/?page=abc",
        "/authors/matt/?page=999",
        "/authors/matt/?page=0",
        "/years/1940/?page=999",
        "/years/1940/?page=abc",
    ],
)
def test_bad_addresses_are_404(client, site, path):
    assert client.get(path).status_code == 404


def test_tag_used_only_by_a_draft_is_404(client, site):
    make_draft(title="Secret Draft", tags=["Secret Subject"])
    assert client.get("/tags/secret-subject/").status_code == 404


def test_tag_used_only_by_a_scheduled_article_is_404(client, site):
    make_scheduled(title="Embargoed Piece", tags=["Embargoed Subject"])
    assert client.get("/tags/embargoed-subject/").status_code == 404


# ---------------------------------------------------------------------------
# Drafts and scheduled articles never leak


@pytest.fixture
def unpublished(site):
    """A draft and a scheduled article sharing the published one's day, tag, author and
    year, plus each alone in a year and a tag of its own."""
    matt = site["trotsky"].author
    shared = {"event_year": 1940, "event_month": 8, "event_day": 20, "author": matt}
    make_draft(
        title="Secret Draft", slug="secret-draft", tags=["Russia", "Draft Subject"], **shared
    )
    make_scheduled(
        title="Embargoed Piece",
        slug="embargoed-piece",
        tags=["Russia", "Embargoed Subject"],
        **shared,
    )
    make_draft(title="Lonely Draft", slug="lonely-draft", event_year=1939, author=matt)
    make_scheduled(title="Lonely Embargo", slug="lonely-embargo", event_year=1941, author=matt)
    return ["Secret Draft", "Embargoed Piece", "Lonely Draft", "Lonely Embargo"]


HIDDEN_MARKS = [
    "Secret Draft",
    "secret-draft",
    "Embargoed Piece",
    "embargoed-piece",
    "Lonely Draft",
    "lonely-draft",
    "Lonely Embargo",
    "lonely-embargo",
    "Draft Subject",
    "draft-subject",
    "Embargoed Subject",
    "embargoed-subject",
]


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/articles/trotsky-assassinated/",
        "/on-this-day/august-20/",
        "/tags/",
        "/tags/russia/",
        "/authors/",
        "/authors/matt/",
        "/years/1940/",
        "/timeline/",
    ],
)
def test_drafts_and_scheduled_articles_never_leak_into_public_pages(client, unpublished, path):
    content = page(client, path)
    for mark in HIDDEN_MARKS:
        assert mark not in content, (path, mark)


def test_year_navigation_skips_years_with_only_unpublished_articles(client, unpublished):
    content = page(client, "/years/1940/")
    assert 'href="/years/1939/"' not in content
    assert 'href="/years/1941/"' not in content
    assert 'href="/years/44-bc/"' in content  # the published neighbour


def test_timeline_counts_only_published_articles(client, unpublished):
    content = page(client, "/timeline/")
    assert 'href="/years/1939/"' not in content
    assert 'href="/years/1941/"' not in content
    timeline = client.get("/timeline/").context["centuries"]
    counts = {
        entry["year"]: entry["count"]
        for century in timeline
        for decade in century["decades"]
        for entry in decade["years"]
    }
    assert counts == {-43: 1, 1940: 2}


def test_tag_index_counts_only_published_articles(client, unpublished):
    tags = {tag.slug: tag.article_count for tag in client.get("/tags/").context["tags"]}
    assert tags == {"russia": 1, "assassinations": 2, "rome": 1}


def test_author_index_lists_only_authors_with_published_articles(client, site):
    make_draft(title="Unseen", author=make_author(display_name="Drafty Writer", slug="drafty"))
    content = page(client, "/authors/")
    assert "Matt Example" in content
    assert "Drafty Writer" not in content
    assert 'href="/authors/drafty/"' not in content


def test_draft_is_404_for_the_public(client):
    make_draft(slug="secret-draft")
    assert client.get("/articles/secret-draft/").status_code == 404


def test_scheduled_article_is_404_until_its_publish_time(client):
    start = datetime.datetime(2026, 8, 20, 12, tzinfo=UTC)
    with time_machine.travel(start, tick=False) as traveller:
        make_article(slug="embargoed-piece", publish_at=start + datetime.timedelta(hours=1))
        assert client.get("/articles/embargoed-piece/").status_code == 404
        traveller.move_to(start + datetime.timedelta(hours=1))
        assert client.get("/articles/embargoed-piece/").status_code == 200


def test_unpublished_article_is_404_again(client):
    article = make_article(slug="withdrawn")
    assert client.get("/articles/withdrawn/").status_code == 200
    article.status = Article.Status.DRAFT
    article.save()
    assert client.get("/articles/withdrawn/").status_code == 404


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


# ---------------------------------------------------------------------------
# Day pages


def test_day_page_lists_oldest_first_with_years_ago(client):
    with noon_utc(2026, 8, 20):
        make_article(title="Event of 1940", event_year=1940, event_month=8, event_day=20)
        make_article(title="Event of 44 BC", event_year=-43, event_month=8, event_day=20)
        make_article(title="Event of AD 79", event_year=79, event_month=8, event_day=20)
        content = page(client, "/on-this-day/august-20/")
    positions = [content.index(f"Event of {year}") for year in ("44 BC", "AD 79", "1940")]
    assert positions == sorted(positions)
    assert "86 years ago" in content
    assert 'href="/on-this-day/august-19/"' in content
    assert 'href="/on-this-day/august-21/"' in content


def test_february_28_page_keeps_leap_day_events_in_a_common_year(client):
    with noon_utc(2027, 2, 1):
        make_article(title="Leap Day Event", event_year=1940, event_month=2, event_day=29)
        common_year = page(client, "/on-this-day/february-28/")
    with noon_utc(2028, 2, 1):
        leap_year = page(client, "/on-this-day/february-28/")
        leap_day = page(client, "/on-this-day/february-29/")
    assert "Leap Day Event" in common_year
    assert "Leap Day Event" not in leap_year
    assert "Leap Day Event" in leap_day
    assert 'href="/on-this-day/february-28/"' in leap_day
    assert 'href="/on-this-day/march-1/"' in leap_day


def test_day_page_leaves_out_approximate_and_month_only_events(client):
    make_article(
        title="Circa Event", event_year=1450, event_month=8, event_day=20, event_approximate=True
    )
    make_article(title="Month Event", event_year=1776, event_month=8, event_day=None)
    response = client.get("/on-this-day/august-20/")
    assert list(response.context["article_list"]) == []
    assert "Circa Event" not in response.content.decode()
    assert "Month Event" not in response.content.decode()
