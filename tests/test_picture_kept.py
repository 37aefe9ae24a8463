"""A picture chosen on an article form that comes back with errors is kept (no browser
refills a file input): the form carries a signed reference to the checked upload, and
the next save publishes it; a reference that is forged, too old or gone keeps nothing."""

import datetime
import os
import time

import pytest
import time_machine
from django.core.files.storage import default_storage
from django.urls import reverse

from articles.models import Article
from pictures.forms import KEPT_FOLDER, keep

from . import images
from .admin_forms import form_data, new_article_data
from .factories import make_user

pytestmark = pytest.mark.django_db

ADD = reverse("admin:articles_article_add")


@pytest.fixture
def editor(client):
    user = make_user("Editors", author=True)
    client.force_login(user)
    return user


def add(client, editor, **changes):
    return client.post(ADD, new_article_data(author=str(editor.author.pk), **changes))


def kept_files(settings):
    folder = settings.MEDIA_ROOT / KEPT_FOLDER
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


@pytest.mark.parametrize(
    "mistake",
    [
        {"picture_alt": ""},  # no alt text
        {"month": "2", "day": "30"},  # a bad date
        {"title": ""},
    ],
)
def test_a_picture_chosen_on_a_form_sent_back_is_kept_and_published_by_the_next_save(
    client, editor, settings, django_capture_on_commit_callbacks, mistake
):
    upload = images.upload(images.picture(), "baird.jpg")
    response = add(client, editor, picture=upload, **{"picture_alt": "A set", **mistake})
    assert response.status_code == 200
    assert "picture" not in response.context["adminform"].form.errors
    assert "“baird.jpg” is kept: saving uses it" in response.content.decode()
    assert not Article.objects.exists()
    assert len(kept_files(settings)) == 1

    corrected = {
        **new_article_data(author=str(editor.author.pk), picture_alt="A set"),
        "picture-kept": form_data(response)["picture-kept"],
    }
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(ADD, corrected).status_code == 302
    article = Article.objects.get()
    assert article.picture.name.startswith("articles/")
    assert article.picture_renditions["webp"]
    assert kept_files(settings) == []  # published, so no longer kept


@pytest.mark.parametrize("token", ["forged", "", "kept-uploads/x.jpg"])
def test_a_forged_reference_keeps_nothing(client, editor, token):
    response = add(client, editor, **{"picture-kept": token})
    assert response.status_code == 302
    assert not Article.objects.get().picture


def test_a_reference_older_than_a_day_keeps_nothing(client, editor, settings):
    moment = datetime.datetime(2026, 8, 20, 12, tzinfo=datetime.UTC)
    with time_machine.travel(moment, tick=False):
        response = add(client, editor, picture=images.upload(images.picture()), title="")
        token = form_data(response)["picture-kept"]
    with time_machine.travel(moment + datetime.timedelta(days=2), tick=False):
        assert add(client, editor, **{"picture-kept": token}).status_code == 302
    assert not Article.objects.get().picture


def test_uploads_kept_for_forms_never_saved_are_deleted_after_a_day(settings):
    keep(images.upload(images.picture(), "old.jpg"), default_storage)
    [old] = kept_files(settings)
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(settings.MEDIA_ROOT / KEPT_FOLDER / old, (two_days_ago, two_days_ago))
    keep(images.upload(images.picture(), "new.jpg"), default_storage)
    remaining = kept_files(settings)
    assert len(remaining) == 1 and old not in remaining


def test_a_refused_picture_is_not_kept(client, editor, settings):
    response = add(client, editor, picture=images.upload(b"", "empty.jpg"), title="")
    assert "The file is empty." in response.context["adminform"].form.errors["picture"][0]
    assert "is kept" not in response.content.decode()
    assert kept_files(settings) == []
