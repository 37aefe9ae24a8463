"""The preview of an article readers cannot see yet claims no publication date and
shares nothing: its public address, and so its share links and card, are a 404."""

import datetime

import lxml.html
import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from .factories import make_article, make_draft, make_scheduled, make_user

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 3, 2, 9, 30, tzinfo=datetime.UTC)


@pytest.fixture
def author(client):
    user = make_user("Authors", author=True)
    client.force_login(user)
    return user


def preview(client, article):
    response = client.get(reverse("articles:preview", args=[article.slug]))
    assert response.status_code == 200
    return lxml.html.fromstring(response.content.decode())


def meta_properties(document):
    return {
        tag.get("property"): tag.get("content") for tag in document.xpath("//head/meta[@property]")
    }


@time_machine.travel(NOW, tick=False)
def test_a_draft_preview_says_draft_not_published_and_shows_no_date(client, author):
    article = make_draft(author=author.author)
    document = preview(client, article)
    [byline] = document.xpath("//p[@class='byline']")
    assert "Draft: not published" in byline.text_content()
    assert not byline.xpath(".//time")
    assert "March 2, 2026" not in byline.text_content()


@pytest.mark.parametrize("make", [make_draft, make_scheduled])
@time_machine.travel(NOW, tick=False)
def test_an_unpublished_preview_shares_nothing(client, author, make):
    article = make(author=author.author)
    document = preview(client, article)
    assert not document.xpath("//section[@class='share']")
    assert not document.xpath(f"//a[contains(@href, '{article.slug}')][contains(@class, 'share')]")
    assert document.xpath("//p[@class='preview-share-note']")
    properties = meta_properties(document)
    assert "article:published_time" not in properties
    assert "/card.jpg" not in properties["og:image"]  # the public card is a 404 too
    assert not document.xpath("//script[@type='application/ld+json']")


@time_machine.travel(NOW, tick=False)
def test_a_scheduled_preview_keeps_the_date_it_will_carry(client, author):
    article = make_scheduled(author=author.author)
    document = preview(client, article)
    [time] = document.xpath("//p[@class='byline']//time")
    assert time.get("datetime") == timezone.localtime(article.publish_at).isoformat()


@time_machine.travel(NOW, tick=False)
def test_a_published_preview_shares_like_the_readers_page(client, author):
    article = make_article(author=author.author)
    document = preview(client, article)
    assert document.xpath("//section[@class='share']")
    properties = meta_properties(document)
    assert properties["article:published_time"]
    assert "/card.jpg" in properties["og:image"]
