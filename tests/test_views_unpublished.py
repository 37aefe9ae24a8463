"""Drafts and scheduled articles never leak into the reader's pages, counts or navigation."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from articles.models import Article

from .factories import make_article, make_author, make_draft, make_scheduled
from .views_fixtures import page
from .views_fixtures import site as site  # the fixture, for pytest

pytestmark = pytest.mark.django_db

UTC = ZoneInfo("UTC")


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
