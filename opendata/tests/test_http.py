"""The API and the calendars over HTTP: CORS for any origin, conditional requests,
the page cache, the per-client rate limit and the query budget."""

import pytest
from django.core.cache import cache

from tests.factories import make_article, make_author

pytestmark = pytest.mark.django_db

QUERY_BUDGET = 4

OPEN_DATA = [
    "/api/v1/",
    "/api/v1/openapi.json",
    "/api/v1/on-this-day/",
    "/api/v1/on-this-day/08/20/",
    "/api/v1/articles/",
    "/api/v1/articles/?tag=war&author=writer&century=20&year=1940&page_size=5",
    "/api/v1/tags/",
    "/api/v1/authors/",
    "/calendars/anniversaries.ics",
    "/calendars/tags/war.ics",
]


@pytest.fixture
def articles():
    writer = make_author(slug="writer")
    made = [
        make_article(author=writer, tags=["war", "Europe"], event_day=day) for day in range(1, 21)
    ]
    return made


@pytest.mark.parametrize("path", OPEN_DATA)
def test_any_origin_may_read_it_and_no_cookie_is_set(client, articles, path):
    response = client.get(path, HTTP_ORIGIN="https://elsewhere.example")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert not response.cookies
    assert response["ETag"]


def test_head_is_answered_like_get_without_a_body(client, articles):
    response = client.head("/api/v1/articles/")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response.content == b""


def test_a_preflight_allows_get_from_any_origin(client):
    response = client.options(
        "/api/v1/articles/",
        HTTP_ORIGIN="https://elsewhere.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert response["Access-Control-Allow-Headers"] == "if-none-match"
    assert int(response["Access-Control-Max-Age"]) > 0


@pytest.mark.parametrize("path", ["/api/v1/articles/", "/calendars/anniversaries.ics"])
def test_an_unchanged_answer_is_a_304(client, articles, path):
    etag = client.get(path)["ETag"]
    repeat = client.get(path, HTTP_IF_NONE_MATCH=etag)
    assert repeat.status_code == 304
    assert repeat["ETag"] == etag


@pytest.mark.parametrize("path", OPEN_DATA)
def test_uncached_it_costs_at_most_five_queries(
    client, articles, path, django_assert_max_num_queries
):
    cache.clear()  # nothing remembered: tag and author lists counted afresh
    with django_assert_max_num_queries(QUERY_BUDGET):
        assert client.get(path).status_code == 200


@pytest.mark.parametrize("path", ["/api/v1/articles/", "/calendars/anniversaries.ics"])
def test_the_page_cache_answers_the_second_request_with_no_query(
    client, settings, articles, path, django_assert_num_queries
):
    settings.PAGE_CACHE = True
    first = client.get(path)
    assert first["X-Cache"] == "MISS"
    with django_assert_num_queries(0):
        second = client.get(path)
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert second["Access-Control-Allow-Origin"] == "*"
    assert second["Cache-Control"].startswith("public")


def test_a_client_over_the_limit_gets_429_with_retry_after(client, settings):
    settings.OPENDATA_RATE_LIMIT = 3
    for _ in range(3):
        assert client.get("/api/v1/tags/").status_code == 200
    response = client.get("/api/v1/tags/", REMOTE_ADDR="127.0.0.1")
    assert response.status_code == 429
    assert response.json()["error"] == "too_many_requests"
    assert 1 <= int(response["Retry-After"]) <= 60
    # Another client is not held back.
    assert client.get("/api/v1/tags/", REMOTE_ADDR="10.0.0.2").status_code == 200


def test_the_limit_counts_only_what_the_page_cache_does_not_answer(client, settings):
    settings.PAGE_CACHE = True
    settings.OPENDATA_RATE_LIMIT = 2
    make_article()
    for _ in range(5):
        assert client.get("/api/v1/articles/").status_code == 200
