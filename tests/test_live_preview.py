"""The live preview: the "Preview" button of the article's add and change forms shows
what is in the form now, as readers will see it, and saves nothing: no article, no
change, no revision. For staff who may edit the article; CSRF-protected; never cached."""

import json
import subprocess

import pytest
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from articles.models import Article
from articles.views import ArticleView

from . import images
from .admin_forms import change_url, new_article_data, open_article
from .factories import make_article, make_draft, make_user
from .test_picture_admin import add_article, stored_files
from .test_valid_html import VNU_JAR
from .test_valid_html import java as java  # the fixture, for pytest

pytestmark = pytest.mark.django_db

ADD_PREVIEW = reverse("admin:articles_article_live_preview")


def preview_url(article):
    return reverse("admin:articles_article_live_preview", args=[article.pk])


@pytest.fixture
def author(client):
    user = make_user("Authors", author=True)
    client.force_login(user)
    return user


def stored(article):
    row = Article.objects.filter(pk=article.pk).values().get()
    return row, Version.objects.get_for_object(article).count()


def test_the_forms_have_a_preview_button_that_opens_a_new_tab(client, author):
    draft = make_draft(author=author.author)
    page = client.get(change_url(draft)).content.decode()
    assert f'formaction="{preview_url(draft)}"' in page
    assert 'formtarget="_blank"' in page and 'formmethod="post"' in page
    page = client.get(reverse("admin:articles_article_add")).content.decode()
    assert f'formaction="{ADD_PREVIEW}"' in page


def test_the_preview_shows_what_is_typed_without_saving_anything(client, author):
    draft = make_draft(author=author.author, title="Saved title", body="Saved body.")
    data = open_article(client, draft)
    before = stored(draft)
    response = client.post(
        preview_url(draft),
        {
            **data,
            "title": "Typed title",
            "dek": "A dek typed just now.",
            "year": "44",
            "era": "BC",
            "month": "3",
            "day": "15",
            "body": "Typed *body*.<script>alert(1)</script>",
            "tags": "Rome, Unsaved tag",
        },
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Preview — not saved" in content
    assert "Typed title" in content and "A dek typed just now." in content
    assert "Typed <em>body</em>." in content and "<script>alert" not in content
    assert "March 15, 44 BC" in content
    assert "Unsaved tag" in content
    assert ArticleView.template_name in [template.name for template in response.templates]
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert stored(draft) == before
    assert not Article.objects.filter(title="Typed title").exists()


def test_a_new_article_is_previewed_from_the_add_form_and_not_created(client, author):
    response = client.post(
        ADD_PREVIEW, new_article_data(author=author.author.pk, body="## A *new* start")
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "The first television" in content and "<em>new</em>" in content
    assert "January 26, 1926" in content
    assert not Article.objects.exists()
    assert not Version.objects.exists()


def test_an_invalid_form_lists_what_is_wrong_and_saves_nothing(client, author):
    draft = make_draft(author=author.author)
    data = open_article(client, draft)
    before = stored(draft)
    response = client.post(preview_url(draft), {**data, "month": "2", "day": "30", "title": ""})
    assert response.status_code == 200
    content = response.content.decode()
    assert "cannot be previewed yet" in content
    assert "February has only 29 days" in content
    assert "This field is required" in content
    assert stored(draft) == before


def test_the_preview_is_for_staff_who_may_edit_the_article_only(client, author):
    others = make_article()
    data = open_article(client, make_draft(author=author.author))
    assert client.post(preview_url(others), data).status_code == 403
    assert (
        client.post(
            reverse("admin:articles_article_live_preview", args=[999999]), data
        ).status_code
        == 404
    )
    client.logout()
    response = client.post(preview_url(others), data)
    assert response.status_code == 302 and "/admin/login/" in response.url
    reader = make_user(is_staff=False)
    client.force_login(reader)
    assert client.post(ADD_PREVIEW, new_article_data()).status_code == 302
    assert not Article.objects.filter(title="The first television").exists()


def test_the_preview_needs_the_forms_csrf_token_and_a_post(author):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(author)
    draft = make_draft(author=author.author)
    data = open_article(browser, draft)
    without_token = {name: value for name, value in data.items() if name != "csrfmiddlewaretoken"}
    assert browser.post(preview_url(draft), without_token).status_code == 403
    assert browser.post(preview_url(draft), data).status_code == 200
    response = browser.get(preview_url(draft))
    assert response.status_code == 405
    assert "Preview" in response.content.decode()


def test_the_preview_costs_a_few_queries(client, author, django_assert_max_num_queries):
    draft = make_draft(author=author.author, tags=["Rome", "Senate"])
    data = open_article(client, draft)
    with django_assert_max_num_queries(8):
        assert client.post(preview_url(draft), data).status_code == 200


def test_the_saved_picture_is_shown_and_a_new_one_is_never_stored(client, settings):
    editor = make_user("Editors", author=True)
    client.force_login(editor)
    add_article(client, editor.author, images.upload(images.picture(size=(800, 600))))
    article = Article.objects.get()
    saved_files = stored_files(settings)
    data = open_article(client, article)
    new_picture = images.upload(images.picture(size=(640, 480)), name="new-one.jpg")
    response = client.post(preview_url(article), {**data, "picture": new_picture})
    assert response.status_code == 200
    content = response.content.decode()
    assert 'class="article-figure"' in content
    assert article.picture.name.rsplit("/", 1)[-1].split(".")[0] in content
    assert "new-one" not in content
    assert stored_files(settings) == saved_files


def test_the_preview_and_its_list_of_problems_are_valid_html(client, author, tmp_path, java):
    draft = make_draft(author=author.author, tags=["Rome"], body="A *body*.\n\n> Quoted.")
    data = open_article(client, draft)
    pages = {
        "preview": client.post(preview_url(draft), data),
        "problems": client.post(preview_url(draft), {**data, "day": "45", "title": ""}),
    }
    for name, response in pages.items():
        assert response.status_code == 200
        (tmp_path / f"{name}.html").write_bytes(response.content)
    checked = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout"]
        + [str(tmp_path / f"{name}.html") for name in pages],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    errors = [
        f"{message.get('url')} line {message.get('lastLine')}: {message['message']}"
        for message in json.loads(checked.stdout)["messages"]
        if message["type"] in ("error", "non-document-error")
    ]
    assert not errors, "\n".join(errors)
