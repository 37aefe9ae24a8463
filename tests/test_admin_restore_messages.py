"""What the admin says after a restore or a recovery: what happened, not "was changed
successfully"."""

import datetime

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.urls import reverse
from reversion.models import Version

from articles.models import Article

from .admin_forms import form_data, new_article_data, open_article, save_article
from .factories import make_user

pytestmark = pytest.mark.django_db

SAVED = datetime.datetime(2026, 3, 2, 9, 30, tzinfo=datetime.UTC)


@pytest.fixture
def edited(client):
    """An article added on March 2, 2026, at 9:30 UTC and saved again a day later."""
    editor = make_user("Editors", author=True)
    client.force_login(editor)
    with time_machine.travel(SAVED, tick=False):
        data = new_article_data(author=str(editor.author.pk))
        assert client.post(reverse("admin:articles_article_add"), data).status_code == 302
    article = Article.objects.get()
    with time_machine.travel(SAVED + datetime.timedelta(days=1), tick=False):
        save_article(client, article, open_article(client, article), title="Baird's televisor")
    return article


def said(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_recovering_a_deleted_article_says_it_was_recovered(client, edited):
    client.post(reverse("admin:articles_article_delete", args=[edited.pk]), {"post": "yes"})
    (deleted,) = Version.objects.get_deleted(Article)
    url = reverse("admin:articles_article_recover", args=[deleted.pk])
    response = client.post(url, form_data(client.get(url)))
    assert response.status_code == 302
    change = reverse("admin:articles_article_change", args=[edited.pk])
    assert said(response) == [
        f'The article “<a href="{change}">Baird&#x27;s televisor</a>” was recovered.'
    ]


def test_restoring_a_version_says_which_it_was_restored_to(client, edited):
    first = Version.objects.get_for_object(edited).order_by("pk").first()
    url = reverse("admin:articles_article_revision", args=[edited.pk, first.pk])
    response = client.post(url, form_data(client.get(url)))
    assert response.status_code == 302
    (message,) = said(response)
    assert "was changed successfully" not in message
    change = reverse("admin:articles_article_change", args=[edited.pk])
    # As the history lists it, in the site's time zone (UTC in the tests).
    assert message == (
        "The version saved on March 2, 2026, 9:30 a.m. was restored: the article "
        f'“<a href="{change}">The first television</a>” is back as it was then.'
    )


def test_an_ordinary_save_still_says_it_was_changed(client, edited):
    response = save_article(client, edited, open_article(client, edited), title="Later")
    assert "was changed successfully" in said(response)[0]
