"""The page cache for anonymous readers (pagecache/): hits cost no query,
every change drops the cached pages at once, scheduled articles and midnight need no
save, staff always see fresh pages, and a cache that fails costs nothing but speed."""

import datetime
import logging
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import include, path
from django.views.decorators.cache import cache_control
from django.views.decorators.vary import vary_on_headers
from taggit.models import Tag

import pagecache.backend
import pagecache.state
from articles.counts import author_counts, tag_counts
from articles.models import Article
from historyblog.staff import STAFF_COOKIE
from tests.factories import make_article, make_author, make_draft

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE = True


def get(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, response
    return response


def test_second_visit_is_a_hit_that_costs_no_database_query(client, django_assert_num_queries):
    make_article(title="The Blitz Begins")
    first = get(client, "/")
    assert first["X-Cache"] == "MISS"
    with django_assert_num_queries(0):
        second = get(client, "/")
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_public_pages_tell_browsers_and_cdns_how_long_to_keep_them(client):
    make_article()
    response = get(client, "/")
    assert response["Cache-Control"] == (
        "public, max-age=60, s-maxage=60, stale-while-revalidate=30"
    )
    assert response["ETag"]
    assert "Vary" not in response


def test_a_view_that_chose_its_own_cache_control_keeps_it(client):
    response = get(client, "/feeds/on-this-day/")
    assert response["Cache-Control"].startswith("public, max-age=")
    assert "s-maxage" not in response["Cache-Control"]


def test_a_repeat_visit_after_max_age_costs_a_304(client, django_assert_num_queries):
    make_article()
    etag = get(client, "/")["ETag"]
    with django_assert_num_queries(0):
        response = client.get("/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response["ETag"] == etag


def test_head_is_answered_from_the_cache(client):
    make_article()
    get(client, "/timeline/")
    response = client.head("/timeline/")
    assert response.status_code == 200
    assert response["X-Cache"] == "HIT"


def test_the_query_string_is_part_of_the_key(client):
    for number in range(13):
        make_article(title=f"Story {number:02d}")
    first_page = get(client, "/").content
    second_page = get(client, "/?page=2")
    assert second_page["X-Cache"] == "MISS"
    assert second_page.content != first_page


# Invalidation


def test_editing_an_article_shows_at_once(client):
    article = make_article(title="The Blitz Begins")
    get(client, f"/articles/{article.slug}/")
    article.title = "The Blitz Begins Over London"
    article.save()
    response = get(client, f"/articles/{article.slug}/")
    assert response["X-Cache"] == "MISS"
    assert b"The Blitz Begins Over London" in response.content


def test_publishing_a_draft_shows_it_in_every_list(client):
    make_article()
    draft = make_draft(title="Secret Draft")
    assert b"Secret Draft" not in get(client, "/").content
    draft.status = Article.Status.PUBLISHED
    draft.save()
    assert b"Secret Draft" in get(client, "/").content


def test_deleting_an_article_removes_it(client):
    article = make_article(title="Gone Tomorrow")
    get(client, f"/articles/{article.slug}/")
    article.delete()
    assert client.get(f"/articles/{article.slug}/").status_code == 404


def test_renaming_an_author_shows_on_their_articles(client):
    author = make_author(display_name="Ada Clerk")
    article = make_article(author=author)
    get(client, f"/articles/{article.slug}/")
    author.display_name = "Ada Lovelace-Clerk"
    author.save()
    assert b"Ada Lovelace-Clerk" in get(client, f"/articles/{article.slug}/").content


def test_renaming_a_tag_shows_on_its_articles(client):
    article = make_article(tags=["War"])
    get(client, f"/articles/{article.slug}/")
    tag = Tag.objects.get(name="War")
    tag.name = "Wars and battles"
    tag.save()
    assert b"Wars and battles" in get(client, f"/articles/{article.slug}/").content


def test_tagging_an_article_shows_on_the_tag_page(client):
    make_article(tags=["War"])
    article = make_article(title="Treaty Signed")
    assert b"Treaty Signed" not in get(client, "/tags/war/").content
    article.tags.add("War")
    assert b"Treaty Signed" in get(client, "/tags/war/").content
    article.tags.remove("War")
    assert b"Treaty Signed" not in get(client, "/tags/war/").content


def test_changes_invalidate_again_once_committed(django_capture_on_commit_callbacks):
    """A page rendered between the save and the commit, from the old data, must not
    survive: the generation changes again after the commit."""
    article = make_article()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        article.save()
        during = cache.get(pagecache.state.STATE_KEY)["generation"]
    for callback in callbacks:
        callback()
    assert cache.get(pagecache.state.STATE_KEY)["generation"] != during


def test_a_scheduled_article_appears_at_its_time_without_a_save(client):
    moment = datetime.datetime(2026, 8, 20, 12, tzinfo=ZoneInfo("UTC"))
    with time_machine.travel(moment, tick=False):
        make_article(title="Already Out")
        make_article(title="Embargoed Piece", publish_at=moment + datetime.timedelta(hours=1))
        assert b"Embargoed Piece" not in get(client, "/").content
        assert get(client, "/")["X-Cache"] == "HIT"
    with time_machine.travel(moment + datetime.timedelta(minutes=5), tick=False):
        assert get(client, "/")["X-Cache"] == "HIT"
    with time_machine.travel(moment + datetime.timedelta(hours=1, seconds=1), tick=False):
        response = get(client, "/")
        assert response["X-Cache"] == "MISS"
        assert b"Embargoed Piece" in response.content


def test_pages_change_at_midnight_in_the_sites_time_zone(client, settings):
    settings.TIME_ZONE = "Europe/Berlin"
    berlin = ZoneInfo("Europe/Berlin")
    make_article(title="Blitz", event_year=1940, event_month=8, event_day=21)
    with time_machine.travel(datetime.datetime(2026, 8, 20, 23, 59, tzinfo=berlin), tick=False):
        assert b"August 20" in get(client, "/").content
        assert get(client, "/")["X-Cache"] == "HIT"
    with time_machine.travel(datetime.datetime(2026, 8, 21, 0, 1, tzinfo=berlin), tick=False):
        response = get(client, "/")
    assert response["X-Cache"] == "MISS"
    assert b"August 21" in response.content


# Who gets cached pages, and which pages are kept


def test_staff_always_get_fresh_pages(client, django_user_model):
    make_article()
    get(client, "/")  # cached for anonymous readers
    django_user_model.objects.create_user("editor", password="Correct-Horse-42", is_staff=True)
    login = client.post("/admin/login/", {"username": "editor", "password": "Correct-Horse-42"})
    assert login.status_code == 302
    assert login.cookies[STAFF_COOKIE]["httponly"]
    for _ in range(2):
        response = get(client, "/")
        assert "X-Cache" not in response
        assert response["Cache-Control"] == "private, no-cache"

    client.post("/admin/logout/")  # the staff cookie goes with the session
    assert STAFF_COOKIE not in {name for name, morsel in client.cookies.items() if morsel.value}
    assert get(client, "/")["X-Cache"] == "HIT"


@pytest.mark.parametrize(
    "cookie",
    [
        "sessionid=x",  # anyone can send a session cookie
        "sessionid=x; staff=1",  # or a staff cookie the site did not sign
        "staff=1:1v2xYz:forgedsignatureforgedsignatureforged",
    ],
)
def test_a_made_up_cookie_does_not_switch_the_page_cache_off(client, cookie, settings):
    make_article()
    get(client, "/")
    client.cookies.load(cookie)
    response = get(client, "/")
    assert response["X-Cache"] == "HIT"
    assert response["Cache-Control"].startswith("public")


def test_staff_with_a_session_from_before_get_the_cookie_on_their_next_request(
    client, django_user_model
):
    make_article()
    client.force_login(django_user_model.objects.create_user("editor", is_staff=True))
    assert STAFF_COOKIE in client.get("/admin/").cookies
    assert "X-Cache" not in get(client, "/")


@pytest.mark.parametrize(
    "url", ["/admin/login/", "/healthz", "/on-this-day/", "/no-such-page/", "/articles/draft/"]
)
def test_admin_health_redirects_and_errors_are_never_cached(client, url):
    make_draft(slug="draft")
    first = client.get(url)
    second = client.get(url)
    assert second.get("X-Cache") != "HIT"
    assert second.status_code == first.status_code


# A small URL configuration for what the site's own views do not do.


@vary_on_headers("Accept-Language")
def varies(request):
    return HttpResponse(request.headers.get("Accept-Language", "none"))


def sets_cookie(request):
    response = HttpResponse("cookie")
    response.set_cookie("seen", "1")
    return response


@cache_control(private=True)
def private(request):
    return HttpResponse("private")


urlpatterns = [
    path("varies/", varies),
    path("sets-cookie/", sets_cookie),
    path("private/", private),
    path("", include("articles.urls")),
]


@pytest.mark.urls("pagecache.tests.test_cache")
def test_pages_are_kept_apart_by_the_headers_they_vary_on(client):
    assert get(client, "/varies/", HTTP_ACCEPT_LANGUAGE="de").content == b"de"
    assert get(client, "/varies/", HTTP_ACCEPT_LANGUAGE="fr").content == b"fr"
    again = get(client, "/varies/", HTTP_ACCEPT_LANGUAGE="de")
    assert (again["X-Cache"], again.content) == ("HIT", b"de")


@pytest.mark.urls("pagecache.tests.test_cache")
@pytest.mark.parametrize("url", ["/sets-cookie/", "/private/"])
def test_responses_that_set_cookies_or_are_private_are_not_kept(client, url):
    get(client, url)
    assert get(client, url)["X-Cache"] == "MISS"


# A cache that fails


@pytest.fixture
def redis_down(settings, monkeypatch):
    """Redis at a port where nothing listens."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
        }
    }
    monkeypatch.setattr(pagecache.backend, "_unavailable_until", 0.0)


@pytest.mark.parametrize("url", ["/", "/articles/blitz/", "/timeline/", "/tags/war/"])
def test_without_redis_every_page_is_still_served(client, redis_down, caplog, url):
    make_article(slug="blitz", tags=["War"])
    with caplog.at_level(logging.WARNING, logger="pagecache"):
        for _ in range(2):
            response = get(client, url)
            assert "X-Cache" not in response
    assert "Page cache unavailable" in caplog.text


def test_without_redis_staff_still_log_in(client, redis_down, django_user_model):
    django_user_model.objects.create_superuser("editor", "e@example.org", "Correct-Horse-42")
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "editor", "password": "Correct-Horse-42", "next": "/admin/"},
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_without_redis_changes_are_saved_and_the_failure_logged(redis_down, caplog):
    with caplog.at_level(logging.ERROR, logger="pagecache"):
        article = make_article(title="Saved Anyway")
    assert Article.objects.get(pk=article.pk).title == "Saved Anyway"
    assert "could not be invalidated" in caplog.text


# Site-wide counts kept until the next change


def get_counts():
    return [(tag.name, tag.article_count) for tag in tag_counts()], len(author_counts())


def test_tag_and_author_counts_are_counted_once_until_a_change(django_assert_num_queries):
    make_article(tags=["War"], author=make_author(display_name="Ada"))
    cache.set(pagecache.state.STATE_KEY, {"generation": "one", "next_publish": None})
    assert get_counts() == ([("War", 1)], 1)
    with django_assert_num_queries(0):
        assert get_counts() == ([("War", 1)], 1)
    make_article(tags=["War", "Treaties"])  # a save replaces the generation
    assert get_counts() == ([("War", 2), ("Treaties", 1)], 2)


def test_counts_are_not_kept_while_the_state_is_due_for_renewal(django_assert_num_queries):
    make_article(tags=["War"])
    cache.delete(pagecache.state.STATE_KEY)
    for _ in range(2):
        with django_assert_num_queries(1):
            tag_counts()


def test_the_redis_backend_keeps_one_client_per_server():
    from historyblog.cache import RedisCache

    backend = RedisCache("redis://127.0.0.1:1/0;redis://127.0.0.1:2/0", {})
    client = backend._cache.get_client("key", write=True)
    assert backend._cache.get_client("other", write=True) is client
    assert client.connection_pool.connection_kwargs["port"] == 1
    assert backend._cache.get_client("key").connection_pool.connection_kwargs["port"] == 2


def test_a_list_is_counted_once_for_all_its_pages(client, django_user_model):
    for number in range(5):
        make_article(title=f"Piece {number}", tags=["War"])
    get(client, "/")  # a reader's visit: the cache has a generation
    client.force_login(django_user_model.objects.create_user("editor", is_staff=True))
    response = client.get("/tags/war/")
    assert response.status_code == 200, response
    assert response.context["paginator"].count == 5
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/tags/war/?page=1")
    assert response.context["paginator"].count == 5
    assert not [query for query in queries if "COUNT(" in query["sql"]]
    make_article(title="Piece 5", tags=["War"])
    assert client.get("/tags/war/").context["paginator"].count == 6
