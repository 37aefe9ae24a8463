"""A picture chosen on an article form that comes back with errors is not kept (no
browser refills a file input), so its field says to choose it again; nothing is stored."""

import pytest
from django.urls import reverse

from articles.models import Article

from . import images
from .admin_forms import new_article_data
from .factories import make_user

pytestmark = pytest.mark.django_db

ADD = reverse("admin:articles_article_add")


@pytest.fixture
def editor(client):
    user = make_user("Editors", author=True)
    client.force_login(user)
    return user


def add(client, editor, **changes):
    data = new_article_data(author=str(editor.author.pk), **changes)
    return client.post(ADD, data)


@pytest.mark.parametrize(
    "mistake",
    [
        {"picture_alt": ""},  # no alt text
        {"picture_alt": "A set", "month": "2", "day": "30"},  # a bad date
        {"picture_alt": "A set", "title": ""},
    ],
)
def test_a_picture_chosen_on_a_form_sent_back_asks_to_be_chosen_again(
    client, editor, settings, mistake
):
    response = add(client, editor, picture=images.upload(images.picture(), "baird.jpg"), **mistake)
    assert response.status_code == 200
    message = " ".join(response.context["adminform"].form.errors["picture"])
    assert "“baird.jpg” is fine, but it is not kept" in message
    assert "choose it again before saving" in response.content.decode()
    assert not Article.objects.exists()
    assert not settings.MEDIA_ROOT.exists() or not any(settings.MEDIA_ROOT.rglob("*.*"))


def test_a_refused_picture_keeps_its_own_message_only(client, editor):
    response = add(client, editor, picture=images.upload(b"", "empty.jpg"), title="")
    errors = response.context["adminform"].form.errors["picture"]
    assert "The file is empty." in errors[0]
    assert "choose it again" not in " ".join(errors)


def test_a_form_sent_back_without_a_picture_chosen_says_nothing_of_one(client, editor):
    response = add(client, editor, title="")
    assert "picture" not in response.context["adminform"].form.errors
