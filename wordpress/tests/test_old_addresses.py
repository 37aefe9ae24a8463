"""Old WordPress addresses answer 301 to the article they became, with the page cache
on too; others are untouched."""

import pytest

from articles.models import Article
from wordpress.models import OldAddress

from .helpers import SITE, run_import

pytestmark = pytest.mark.django_db

TROTSKY = "/articles/trotsky-assassinated/"


@pytest.fixture
def imported():
    run_import(SITE)


@pytest.mark.parametrize(
    "old",
    [
        "/2020/08/20/trotsky-assassinated/",
        "/2020/08/20/trotsky-assassinated",
        "/?p=12",
        "/?p=12&utm_source=newsletter",
    ],
)
def test_an_old_address_moves_permanently_to_the_article(client, imported, old):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == TROTSKY
    assert client.get(response["Location"]).status_code == 200


def test_the_permalink_of_the_export_is_kept_when_it_is_not_dated(client, tmp_path):
    from .helpers import copy_export

    export = copy_export(
        tmp_path,
        replace=[
            (
                "<link>https://pasttense.example/2020/08/20/trotsky-assassinated/</link>",
                "<link>https://pasttense.example/history/trotsky-assassinated/</link>",
            )
        ],
    )
    run_import(export)
    assert client.get("/history/trotsky-assassinated/")["Location"] == TROTSKY


def test_unknown_and_unpublished_posts_are_left_alone(client, imported):
    assert client.get("/?p=999").status_code == 200  # the home page, as before
    assert client.get("/?p=61").status_code == 200  # imported as a draft: not shown
    assert client.get("/?p=abc").status_code == 200
    assert client.get("/2021/01/05/notes-for-myself/").status_code == 404  # private
    assert client.get("/no/such/page/").status_code == 404


def test_the_page_cache_never_hides_a_redirect(client, settings):
    settings.PAGE_CACHE = True
    before = client.get("/?p=12")
    assert before.status_code == 200
    assert client.get("/?p=12")["X-Cache"] == "HIT"  # the home page, kept for this query
    run_import(SITE)
    response = client.get("/?p=12")
    assert response.status_code == 301 and response["Location"] == TROTSKY
    assert client.get("/?p=12").status_code == 301  # and again: a 301 is never kept
    assert client.get("/?p=999").status_code == 200
    assert client.get("/no/such/page/").status_code == 404


def test_an_address_added_in_the_admin_drops_the_cached_home_page(client, settings, imported):
    settings.PAGE_CACHE = True
    assert client.get("/?p=4242").status_code == 200
    assert client.get("/?p=4242")["X-Cache"] == "HIT"
    trotsky = Article.objects.get(slug="trotsky-assassinated")
    OldAddress.objects.create(path="/?p=4242", article=trotsky)
    assert client.get("/?p=4242")["Location"] == TROTSKY
