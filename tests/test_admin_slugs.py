"""The article's address in the admin: a taken one is refused in plain words with a
free one suggested, and the help text shows the address itself."""

import pytest
from django.urls import reverse

from articles.admin.forms import free_slug
from articles.models import Article

from .admin_forms import new_article_data, open_article, save_article
from .factories import make_article, make_draft, make_user

pytestmark = pytest.mark.django_db

ADD = reverse("admin:articles_article_add")


@pytest.fixture
def author(client):
    user = make_user("Authors", author=True)
    client.force_login(user)
    return user


def slug_errors(response):
    assert response.status_code == 200
    return " ".join(response.context["adminform"].form.errors["slug"])


def test_a_taken_address_is_refused_in_plain_words_with_a_free_one(client, author):
    make_article(slug="the-first-television")
    data = new_article_data(author=str(author.author.pk))
    errors = slug_errors(client.post(ADD, data))
    assert errors == (
        "Another article already uses the address /articles/the-first-television/; "
        "change the title or the address. “the-first-television-2” is free."
    )
    assert "already exists" not in errors
    assert Article.objects.count() == 1


def test_another_authors_draft_takes_its_address_too_without_being_named(client, author):
    make_draft(title="A secret draft", slug="the-first-television")
    content = client.post(ADD, new_article_data(author=str(author.author.pk))).content
    assert "already uses the address /articles/the-first-television/" in content.decode()
    assert "A secret draft" not in content.decode()


def test_the_suggested_address_is_really_free(client, author):
    make_article(slug="the-first-television")
    make_article(slug="the-first-television-2")
    data = new_article_data(author=str(author.author.pk))
    assert "“the-first-television-3” is free." in slug_errors(client.post(ADD, data))
    data["slug"] = "the-first-television-3"
    assert client.post(ADD, data).status_code == 302


def test_an_article_keeps_its_own_address_when_saved_again(client, author):
    article = make_draft(author=author.author, slug="mine")
    response = save_article(client, article, open_article(client, article), title="Changed")
    assert response.status_code == 302


def test_a_suggestion_fits_the_longest_address():
    longest = "a" * 200
    make_article(slug=longest)
    suggestion = free_slug(longest)
    assert len(suggestion) == 200
    assert suggestion.endswith("a-2")


# The help text under the address.


def test_the_add_form_explains_the_address_without_an_empty_one(client, author):
    content = client.get(ADD).content.decode()
    assert "The end of the article's address, /articles/…/: words joined by hyph" in content
    assert "/articles//" not in content


def test_the_change_form_shows_a_drafts_future_address(client, author, settings):
    settings.SITE_URL = "https://history.example"
    article = make_draft(author=author.author, slug="the-first-television")
    content = client.get(reverse("admin:articles_article_change", args=[article.pk])).content
    assert (
        "Once published, this article will be at "
        "https://history.example/articles/the-first-television/." in content.decode()
    )


def test_the_change_form_links_a_public_article_to_its_address(client, author, settings):
    settings.SITE_URL = "https://history.example"
    article = make_article(author=author.author, slug="the-first-television")
    content = client.get(reverse("admin:articles_article_change", args=[article.pk])).content
    url = "https://history.example/articles/the-first-television/"
    assert f'Readers find this article at <a href="{url}">{url}</a>.' in content.decode()
