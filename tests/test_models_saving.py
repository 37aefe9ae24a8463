"""Saving and deleting Articles and Authors: body HTML, publish_at, protected authors, URLs."""

import datetime
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.db.models import ProtectedError
from django.utils import timezone

from articles.models import Article, Author

from .factories import make_article, make_author, make_draft

UTC = ZoneInfo("UTC")


class ElementCollector(HTMLParser):
    """Every start tag with its attributes, to check sanitised HTML."""

    def __init__(self):
        super().__init__()
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def elements(html):
    collector = ElementCollector()
    collector.feed(html)
    collector.close()
    return collector.elements


def assert_html_is_harmless(html):
    """No script element, no event handler attribute, no javascript: URL."""
    for tag, attributes in elements(html):
        assert tag not in {"script", "iframe", "object", "embed", "style"}, html
        for name, value in attributes.items():
            assert not name.startswith("on"), html
            if name in {"href", "src"}:
                assert not (value or "").strip().lower().startswith(("javascript:", "data:")), html


# ---------------------------------------------------------------------------
# Rendering and publishing on save

HOSTILE_BODY = """\
Before.

<script>alert(1)</script>

<img src=x onerror=alert(1)>

[x](javascript:alert(1)) and <a href="javascript:alert(2)">y</a>

<iframe src="https://example.com/"></iframe>

<p onclick="alert(3)" style="color:red">After.</p>
"""


@pytest.mark.django_db
def test_body_html_is_sanitised_on_save():
    article = make_article(body=HOSTILE_BODY)
    html = Article.objects.get(pk=article.pk).body_html
    assert "<script" not in html
    assert "onerror" not in html
    assert "onclick" not in html
    assert 'href="javascript:' not in html
    assert "<iframe" not in html
    assert_html_is_harmless(html)
    assert "Before." in html
    assert "After." in html


@pytest.mark.django_db
def test_body_html_keeps_ordinary_markdown():
    article = make_article(body="Some *emphasis* and [a source](https://example.org/).")
    assert "<em>emphasis</em>" in article.body_html
    assert 'href="https://example.org/"' in article.body_html
    assert 'rel="noopener noreferrer"' in article.body_html


@pytest.mark.django_db
def test_body_html_is_rendered_again_when_only_the_body_is_saved():
    article = make_article(body="First.")
    article.body = "Second <script>alert(1)</script>"
    article.save(update_fields=["body"])
    html = Article.objects.get(pk=article.pk).body_html
    assert "Second" in html
    assert "<script" not in html


@pytest.mark.django_db
def test_publishing_sets_publish_at_to_now():
    moment = datetime.datetime(2026, 8, 20, 12, tzinfo=UTC)
    with time_machine.travel(moment, tick=False):
        article = make_draft()
        assert article.publish_at is None
        assert article.state == "Draft"
        article.status = Article.Status.PUBLISHED
        article.save()
        article.refresh_from_db()
        assert article.publish_at == moment
        assert article.is_public
        assert article.state == "Published"


@pytest.mark.django_db
def test_publishing_with_update_fields_also_stores_publish_at():
    moment = datetime.datetime(2026, 8, 20, 12, tzinfo=UTC)
    with time_machine.travel(moment, tick=False):
        article = make_draft()
        article.status = Article.Status.PUBLISHED
        article.save(update_fields=["status"])
        assert Article.objects.get(pk=article.pk).publish_at == moment


@pytest.mark.django_db
def test_publishing_keeps_a_chosen_future_publish_at():
    with time_machine.travel(datetime.datetime(2026, 8, 20, 12, tzinfo=UTC), tick=False):
        later = timezone.now() + datetime.timedelta(days=3)
        article = make_article(publish_at=later)
        assert article.publish_at == later
        assert not article.is_public
        assert article.state == "Scheduled"


@pytest.mark.django_db
def test_draft_keeps_an_empty_publish_at():
    assert make_draft().publish_at is None


# ---------------------------------------------------------------------------
# Deleting authors and their logins


@pytest.mark.django_db
def test_deleting_an_author_with_articles_is_refused():
    article = make_article()
    with pytest.raises(ProtectedError):
        article.author.delete()
    assert Author.objects.filter(pk=article.author.pk).exists()
    assert Article.objects.filter(pk=article.pk).exists()


@pytest.mark.django_db
def test_deleting_an_author_without_articles_is_allowed():
    author = make_author()
    author.delete()
    assert not Author.objects.filter(pk=author.pk).exists()


@pytest.mark.django_db
def test_deleting_the_login_keeps_the_author_and_their_articles():
    user = get_user_model().objects.create_user("matt", password="not-used-here-123")
    author = make_author(user=user)
    article = make_article(author=author)
    user.delete()
    author.refresh_from_db()
    assert author.user is None
    assert Article.objects.get(pk=article.pk).author == author


# ---------------------------------------------------------------------------
# Addresses


@pytest.mark.django_db
def test_absolute_urls():
    article = make_article(slug="trotsky-assassinated", author=make_author(slug="matt"))
    assert article.get_absolute_url() == "/articles/trotsky-assassinated/"
    assert article.author.get_absolute_url() == "/authors/matt/"
