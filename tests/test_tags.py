"""Tags as authors type them: a phrase without commas is one tag, a name with no letter
or digit is refused, and a tag without an address never breaks a page."""

import importlib

import pytest
from django.apps import apps
from taggit.models import Tag

from articles.models import Article
from articles.tagging import parse_tags, tags_to_text

from .admin_forms import new_article_data
from .factories import make_article, make_user

pytestmark = pytest.mark.django_db

mend_tag_slugs = importlib.import_module("articles.migrations.0006_mend_tag_slugs")


@pytest.mark.parametrize(
    ("typed", "names"),
    [
        ("War & Peace", ["War & Peace"]),
        ("French Revolution", ["French Revolution"]),
        ("France, 1940", ["France", "1940"]),
        ("  Rome ,, rome, Empire  ", ["Rome", "Empire"]),
        ('"Paris, Texas", film', ["Paris, Texas", "film"]),
        ("", []),
    ],
)
def test_tags_are_separated_by_commas_only(typed, names):
    assert parse_tags(typed) == names


def test_the_tags_text_reads_back_as_the_same_tags():
    tags = [Tag(name=name) for name in ["War & Peace", "Paris, Texas", 'The "Iron" Duke']]
    assert sorted(parse_tags(tags_to_text(tags))) == sorted(tag.name for tag in tags)


@pytest.fixture
def editor(client):
    client.force_login(make_user("Editors", author=True))
    return client


def add_article(client, tags):
    author = Article.author.field.related_model.objects.first()
    return client.post(
        "/admin/articles/article/add/",
        new_article_data(tags=tags, author=str(author.pk), status="published"),
    )


def test_a_phrase_without_commas_is_one_tag_with_a_working_page(editor, client):
    assert add_article(editor, "War & Peace").status_code == 302
    article = Article.objects.get()
    assert [(tag.name, tag.slug) for tag in article.tags.all()] == [("War & Peace", "war-peace")]
    client.logout()
    paths = [article.get_absolute_url(), "/tags/", "/tags/war-peace/", "/sitemap.xml", "/"]
    for path in [*paths, "/sitemap-tags.xml"]:
        assert client.get(path).status_code == 200, path


@pytest.mark.parametrize("typed", ["&", "Napoleon, &", "—, ?"])
def test_a_tag_with_no_letter_or_digit_is_refused_on_the_tags_field(editor, typed):
    response = add_article(editor, typed)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["tags"]
    assert errors[0].endswith(
        "cannot be a tag: a tag needs at least one letter or digit. Separate tags with "
        "commas; “War & Peace” is one tag."
    )
    assert not Article.objects.exists()
    assert not Tag.objects.exists()


def test_a_tag_longer_than_a_tag_can_be_is_refused_on_the_tags_field(editor):
    response = add_article(editor, "Napoleon, " + "x" * 101)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["tags"] == [
        f"A tag is at most 100 characters: “{'x' * 40}…” is longer."
    ]
    assert not Article.objects.exists()


def test_the_tags_field_says_how_to_separate_tags(editor):
    page = editor.get("/admin/articles/article/add/").content.decode()
    assert "Separated by commas: “War & Peace” is one tag" in page


@pytest.fixture
def article_with_a_slugless_tag():
    """As saved before this was fixed, or by a script: "War", "&" and "Peace"."""
    article = make_article(tags=["War", "&", "Peace"])
    assert Tag.objects.get(name="&").slug == ""
    return article


def test_a_tag_without_an_address_breaks_no_page(client, article_with_a_slugless_tag):
    article = article_with_a_slugless_tag
    paths = [article.get_absolute_url(), "/tags/", "/sitemap.xml", "/", "/feeds/latest/"]
    for path in [*paths, "/sitemap-tags.xml"]:
        response = client.get(path)
        assert response.status_code == 200, path
    assert b'href="/tags/war/"' in client.get(article.get_absolute_url()).content


def test_the_migration_gives_each_tag_without_a_slug_one_that_works(
    client, article_with_a_slugless_tag
):
    Tag.objects.create(name="tag-5000", slug="tag-5000")  # a slug the mending must not reuse
    mend_tag_slugs.mend_empty_slugs(apps, None)

    ampersand = Tag.objects.get(name="&")
    assert ampersand.slug == f"tag-{ampersand.pk}"
    assert not Tag.objects.filter(slug="").exists()
    assert client.get(f"/tags/{ampersand.slug}/").status_code == 200
    assert (
        f'href="/tags/{ampersand.slug}/"'.encode()
        in client.get(article_with_a_slugless_tag.get_absolute_url()).content
    )
