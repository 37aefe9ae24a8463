"""Pictures through the admin: refused uploads save nothing, accepted ones are published
with renditions, and replacing or deleting a picture leaves no file behind."""

import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article, Author
from pictures import renditions

from . import images
from .admin_forms import delete_from_the_list
from .factories import make_article, make_author

pytestmark = pytest.mark.django_db


def stored_files(settings):
    """Every file under MEDIA_ROOT, relative to it (the tests' temporary directory)."""
    root = settings.MEDIA_ROOT
    if not root.exists():
        return set()
    return {path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()}


def article_form(author, picture=None, **overrides):
    data = {
        "title": "The first television",
        "slug": "the-first-television",
        "dek": "",
        "year": "1926",
        "era": "AD",
        "month": "1",
        "day": "26",
        "body": "Baird shows moving pictures.",
        "tags": "",
        "picture_alt": "A grey television set.",
        "picture_caption": "",
        "picture_credit": "",
        "author": str(author.pk),
        "status": "draft",
        "publish_at_0": "",
        "publish_at_1": "",
        "_save": "Save",
    }
    if picture is not None:
        data["picture"] = picture
    data.update(overrides)
    return data


def add_article(client, author, picture, **overrides):
    return client.post(
        reverse("admin:articles_article_add"), article_form(author, picture, **overrides)
    )


def change_article(client, article, picture=None, **overrides):
    """Posts the change form, as opened at the article's current version."""
    return client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_form(
            article.author,
            picture,
            slug=article.slug,
            opened_version=Article.objects.get(pk=article.pk).version,
            **overrides,
        ),
    )


def published_names(article):
    return renditions.stored_names(article.picture, article.picture_renditions)


@pytest.fixture
def admin_client(client, django_user_model):
    """Logged in as a superuser; no password, so no slow hashing."""
    user = django_user_model.objects.create(username="editor", is_staff=True, is_superuser=True)
    client.force_login(user)
    return client


@pytest.fixture
def author():
    return make_author()


REFUSED = {
    "bomb": ("bomb.png", images.png_claiming(100_000, 100_000), "too many pixels"),
    "truncated jpeg": ("cut.jpg", images.truncated_jpeg(), "damaged or incomplete"),
    "html renamed .jpg": (*images.NOT_PICTURES["html renamed .jpg"], "not a JPEG, PNG"),
    "svg": (*images.NOT_PICTURES["svg"], "not a JPEG, PNG"),
    "empty": ("empty.jpg", b"", "The file is empty."),
}


@pytest.mark.parametrize("name, data, message", REFUSED.values(), ids=REFUSED)
def test_a_refused_upload_shows_why_on_the_picture_field_and_saves_nothing(
    admin_client, author, settings, name, data, message
):
    response = add_article(admin_client, author, images.upload(data, name))

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert list(errors) == ["picture"]
    assert message in errors["picture"][0]
    assert message in response.content.decode()
    assert not Article.objects.exists()
    assert stored_files(settings) == set()


def test_an_upload_over_the_size_limit_is_refused(admin_client, author, settings):
    settings.PICTURE_MAX_BYTES = 2000

    response = add_article(admin_client, author, images.upload(images.truncated_jpeg()))

    assert "a picture can be at most 2" in response.context["adminform"].form.errors["picture"][0]
    assert not Article.objects.exists()
    assert stored_files(settings) == set()


def test_a_picture_without_alt_text_is_refused_on_the_alt_field(admin_client, author, settings):
    response = add_article(admin_client, author, images.upload(images.picture()), picture_alt="")

    errors = response.context["adminform"].form.errors
    assert list(errors) == ["picture_alt"]
    assert "tick “decorative picture”" in errors["picture_alt"][0]
    # Kept, unpublished, for the form's next save (tests/test_picture_kept.py).
    assert all(name.startswith("kept-uploads/") for name in stored_files(settings))


def test_a_decorative_picture_needs_no_alt_text(admin_client, author):
    response = add_article(
        admin_client,
        author,
        images.upload(images.picture()),
        picture_alt="",
        picture_decorative="on",
    )

    assert response.status_code == 302
    assert Article.objects.get().picture_decorative


def test_an_accepted_upload_is_published_clean_with_its_renditions(admin_client, author, settings):
    response = add_article(
        admin_client, author, images.upload(images.leaky_picture("JPEG", (2000, 1000)), "tv.jpg")
    )

    assert response.status_code == 302
    article = Article.objects.get()
    record = article.picture_renditions
    assert renditions.is_current(article.picture, record)
    assert [item["width"] for item in record["webp"]] == [480, 960, 1600]
    assert (article.picture_width, article.picture_height) == (2000, 1000)
    assert stored_files(settings) == set(published_names(article))
    for name in published_names(article):
        with default_storage.open(name, "rb") as stored:
            assert not any(secret in stored.read() for secret in images.SECRETS)


def test_a_large_upload_streamed_to_a_temporary_file_is_published_too(
    admin_client, author, settings
):
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 0  # every upload goes to a temporary file

    response = add_article(admin_client, author, images.upload(images.rotated_jpeg(6)))

    assert response.status_code == 302
    article = Article.objects.get()
    assert (article.picture_width, article.picture_height) == (200, 300)
    assert stored_files(settings) == set(published_names(article))


def test_a_picture_stored_without_renditions_gets_them_on_its_next_save(admin_client, settings):
    article = make_article(picture_alt="An old picture")
    article.picture.save("old.jpg", ContentFile(images.picture((1000, 500)), name="old.jpg"))
    assert article.picture_renditions == {}

    change_article(admin_client, article, title="Edited")

    article.refresh_from_db()
    assert renditions.is_current(article.picture, article.picture_renditions)
    assert [item["width"] for item in article.picture_renditions["webp"]] == [480, 960, 1000]


def test_an_unreadable_stored_picture_does_not_stop_the_article_being_saved(admin_client, caplog):
    article = make_article(picture_alt="A broken picture")
    article.picture.save("broken.jpg", ContentFile(b"not a picture", name="broken.jpg"))

    response = change_article(admin_client, article, title="Edited")

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Edited"
    assert article.picture_renditions == {}
    assert "No renditions for unreadable picture articles/" in caplog.text


def test_replacing_a_picture_deletes_the_old_one_and_its_renditions(
    admin_client, author, settings, django_capture_on_commit_callbacks
):
    add_article(admin_client, author, images.upload(images.picture((1000, 500)), "old.jpg"))
    article = Article.objects.get()
    old = set(published_names(article))

    with django_capture_on_commit_callbacks(execute=True):
        response = change_article(
            admin_client, article, images.upload(images.picture((800, 800)), "new.jpg")
        )

    assert response.status_code == 302
    article.refresh_from_db()
    assert "new" in article.picture.name
    assert [item["width"] for item in article.picture_renditions["jpeg"]] == [480, 800]
    assert stored_files(settings) == set(published_names(article))
    assert not old & stored_files(settings)


def test_an_edit_that_keeps_the_picture_keeps_its_files(
    admin_client, author, settings, django_capture_on_commit_callbacks
):
    add_article(admin_client, author, images.upload(images.picture((1000, 500))))
    article = Article.objects.get()
    before = stored_files(settings)

    with django_capture_on_commit_callbacks(execute=True):
        change_article(admin_client, article, title="A new title")

    article.refresh_from_db()
    assert article.title == "A new title"
    assert stored_files(settings) == before == set(published_names(article))


def test_clearing_a_picture_deletes_its_files(
    admin_client, author, settings, django_capture_on_commit_callbacks
):
    add_article(admin_client, author, images.upload(images.picture((1000, 500))))
    article = Article.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        change_article(admin_client, article, **{"picture-clear": "on"})

    article.refresh_from_db()
    assert not article.picture
    assert article.picture_renditions == {}
    assert stored_files(settings) == set()


def test_deleting_an_article_deletes_its_files(
    admin_client, author, settings, django_capture_on_commit_callbacks
):
    add_article(admin_client, author, images.upload(images.picture((1000, 500))))
    article = Article.objects.get()
    assert stored_files(settings)

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"}
        )

    assert not Article.objects.exists()
    assert stored_files(settings) == set()


def test_deleting_articles_from_the_list_deletes_their_files(
    admin_client, author, settings, django_capture_on_commit_callbacks
):
    for slug in ("one", "two"):
        add_article(admin_client, author, images.upload(images.picture((600, 300))), slug=slug)
    assert len(stored_files(settings)) == 2 * (1 + 2 * 2)

    with django_capture_on_commit_callbacks(execute=True):
        delete_from_the_list(admin_client, Article.objects.all())

    assert not Article.objects.exists()
    assert stored_files(settings) == set()


def test_files_are_kept_until_the_change_commits(admin_client, author, settings):
    add_article(admin_client, author, images.upload(images.picture((1000, 500))))
    article = Article.objects.get()
    old = set(published_names(article))

    # The test's transaction never commits, as if the change were rolled back.
    admin_client.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"})

    assert old <= stored_files(settings)


def test_the_article_list_shows_a_thumbnail_without_extra_queries(admin_client):
    def list_page():
        with CaptureQueriesContext(connection) as queries:
            response = admin_client.get(reverse("admin:articles_article_changelist"))
        return response.content.decode(), len(queries)

    def add_pictured_article():
        article = make_article(picture_alt="A picture")
        article.picture = ContentFile(images.picture((1000, 500)), name="p.jpg")
        article.picture_renditions = renditions.publish(article.picture)
        article.save()
        return article

    article = add_pictured_article()
    html, one = list_page()
    for _ in range(4):
        add_pictured_article()
    _, five = list_page()

    smallest = default_storage.url(article.picture_renditions["webp"][0]["name"])
    assert re.search(
        rf'<td class="field-thumbnail"><img src="{re.escape(smallest)}" width="64" height="48"',
        html,
    )
    assert five == one


def test_the_edit_form_previews_the_picture(admin_client, author):
    add_article(admin_client, author, images.upload(images.picture((1000, 500))))
    article = Article.objects.get()

    html = admin_client.get(
        reverse("admin:articles_article_change", args=[article.pk])
    ).content.decode()

    smallest = default_storage.url(article.picture_renditions["webp"][0]["name"])
    assert re.search(rf'<img src="{re.escape(smallest)}" width="240" height="120"', html)


def test_an_author_photo_is_published_with_square_renditions(admin_client, settings):
    response = admin_client.post(
        reverse("admin:articles_author_add"),
        {
            "display_name": "Ada Lindqvist",
            "slug": "ada-lindqvist",
            "bio": "",
            "links": "",
            "photo": images.upload(images.leaky_picture("JPEG", (600, 400)), "ada.jpg"),
        },
    )

    assert response.status_code == 302
    author = Author.objects.get()
    assert [(item["width"], item["height"]) for item in author.photo_renditions["webp"]] == [
        (160, 160),
        (320, 320),
    ]
    names = renditions.stored_names(author.photo, author.photo_renditions)
    assert stored_files(settings) == set(names)
    for name in names:
        with default_storage.open(name, "rb") as stored:
            assert b"SECRETPLACE" not in stored.read()


def test_an_author_photo_upload_is_checked_too(admin_client, settings):
    response = admin_client.post(
        reverse("admin:articles_author_add"),
        {
            "display_name": "Ada Lindqvist",
            "slug": "ada-lindqvist",
            "photo": images.upload(*reversed(images.NOT_PICTURES["svg"])),
        },
    )

    errors = response.context["adminform"].form.errors
    assert errors["photo"] == ["This file is not a JPEG, PNG, WebP or GIF picture."]
    assert not Author.objects.exists()
    assert stored_files(settings) == set()
