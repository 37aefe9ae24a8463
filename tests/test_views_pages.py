"""Every reader's page renders, full or empty; the health check; home pagination; 404s."""

import datetime

import pytest
from django.utils import timezone

from .factories import make_article, make_draft, make_scheduled
from .views_fixtures import page
from .views_fixtures import site as site  # the fixture, for pytest

pytestmark = pytest.mark.django_db


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
