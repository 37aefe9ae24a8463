"""Preview: drafts and scheduled articles as readers will see them, for staff who may
edit them only; never cached, never indexed, and the public pages still 404."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from articles.views import ArticleView

from .factories import make_article, make_author, make_draft, make_scheduled, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def author(client):
    user = make_user("Authors", author=True)
    client.force_login(user)
    return user


def preview_url(article):
    return reverse("articles:preview", args=[article.slug])


@pytest.mark.parametrize("make", [make_draft, make_scheduled])
def test_drafts_and_scheduled_articles_are_404_for_the_public_and_previewed_by_staff(
    client, author, make
):
    article = make(title="Galileo before the Inquisition", author=author.author)
    client.logout()
    assert client.get(article.get_absolute_url()).status_code == 404
    assert client.get(preview_url(article)).status_code == 404
    client.force_login(author)
    assert client.get(article.get_absolute_url()).status_code == 404  # not public for staff
    response = client.get(preview_url(article))
    assert response.status_code == 200
    assert "Galileo before the Inquisition" in response.content.decode()


@pytest.mark.parametrize("user", [None, "plain staff", "reader"])
def test_a_preview_is_404_for_anyone_not_allowed_to_edit_it(client, user):
    article = make_draft()
    if user == "plain staff":
        client.force_login(make_user())
    elif user == "reader":
        client.force_login(make_user(is_staff=False))
    assert client.get(preview_url(article)).status_code == 404
    assert client.get(reverse("articles:preview_card", args=[article.slug])).status_code == 404


def test_a_preview_renders_the_readers_template_with_the_same_context(client, author):
    tag = "Astronomy"
    related = make_article(title="A related story", tags=[tag])
    article = make_draft(author=author.author, tags=[tag], body="Eppur si *muove*.")
    response = client.get(preview_url(article))
    assert ArticleView.template_name in [template.name for template in response.templates]
    assert [t.name for t in response.context["tags"]] == [tag]
    assert list(response.context["related_articles"]) == [related]
    content = response.content.decode()
    assert "<em>muove</em>" in content
    assert "A related story" in content


def test_a_preview_says_so_and_is_never_indexed_nor_cached(client, author):
    article = make_draft(author=author.author)
    response = client.get(preview_url(article))
    content = response.content.decode()
    assert "Preview — not published" in content
    assert '<meta name="robots" content="noindex, nofollow">' in content
    cache_control = response["Cache-Control"]
    assert "private" in cache_control
    assert "no-store" in cache_control
    assert reverse("admin:articles_article_change", args=[article.pk]) in content


def test_a_scheduled_preview_says_when_it_appears(client, author, settings):
    settings.TIME_ZONE = "UTC"
    article = make_scheduled(author=author.author)
    content = client.get(preview_url(article)).content.decode()
    assert "Scheduled: readers will see it from " in content
    assert article.publish_at.strftime("%-d %B %Y") in content


def test_the_preview_shows_the_share_card_drawn_for_staff_only(client, author):
    article = make_draft(author=author.author)
    card_url = reverse("articles:preview_card", args=[article.slug])
    assert f'src="{card_url}"' in client.get(preview_url(article)).content.decode()
    response = client.get(card_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert "no-store" in response["Cache-Control"]
    image = Image.open(io.BytesIO(response.content))
    assert image.size == (1200, 630)
    # The public card of the draft stays hidden, for staff too.
    assert client.get(reverse("articles:article_card", args=[article.slug])).status_code == 404


def test_authors_preview_only_their_own_editors_every_article(client, author):
    others = make_draft(author=make_author())
    assert client.get(preview_url(others)).status_code == 404
    client.force_login(make_user("Editors"))
    assert client.get(preview_url(others)).status_code == 200


def test_the_change_form_links_to_the_preview_and_to_the_public_page_only_when_public(
    client, author
):
    draft = make_draft(author=author.author)
    content = client.get(reverse("admin:articles_article_change", args=[draft.pk])).content
    content = content.decode()
    assert f'href="{preview_url(draft)}"' in content
    assert "View on site" not in content
    assert "without saving" in content and "shows the last save" in content

    published = make_article(author=author.author)
    response = client.get(reverse("admin:articles_article_change", args=[published.pk]))
    assert "View on site" in response.content.decode()


def test_a_published_article_previews_as_published(client, author):
    article = make_article(
        author=author.author, publish_at=timezone.now() - datetime.timedelta(hours=1)
    )
    content = client.get(preview_url(article)).content.decode()
    assert "Preview — published" in content
    assert "Readers see this article now." in content
