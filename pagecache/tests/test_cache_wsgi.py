"""Cache hits served in front of Django (historyblog.wsgi): the stored page with every
header the middleware gave it, no request handling, no query; anything else is left
to Django."""

from io import BytesIO
from wsgiref.util import setup_testing_defaults

import pytest
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections

from historyblog.staff import STAFF_COOKIE, signed_value
from pagecache import CachedPages
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE = True
    settings.ALLOWED_HOSTS = ["history.example.org"]


class Django:
    """Stands in for Django's handler behind CachedPages, counting what reaches it."""

    def __init__(self):
        self.calls = 0
        self.handler = WSGIHandler()

    def __call__(self, environ, start_response):
        self.calls += 1
        return self.handler(environ, start_response)


@pytest.fixture
def django():
    # As Django's test client does: the test's database connection stays open between
    # requests (it holds the test's transaction).
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield Django()
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def call(django, path, method="GET", **headers):
    """Calls CachedPages in front of ``django``; returns status, headers and body."""
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "HTTP_HOST": "history.example.org",
        "wsgi.input": BytesIO(b""),
    }
    environ.update({f"HTTP_{name.upper()}": value for name, value in headers.items()})
    setup_testing_defaults(environ)
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer["status"], answer["headers"] = status, dict(response_headers)

    app = CachedPages(django)
    body = b"".join(app(environ, start_response))
    return answer["status"], answer["headers"], body


def test_the_wsgi_application_serves_hits_in_front_of_django():
    from historyblog import wsgi

    assert isinstance(wsgi.application, CachedPages)
    assert isinstance(wsgi.application.application, WSGIHandler)


def test_a_hit_skips_django_and_keeps_every_header(django, django_assert_num_queries):
    make_article(title="The Blitz Begins")
    status, first, page = call(django, "/")
    assert (status, first["X-Cache"], django.calls) == ("200 OK", "MISS", 1)
    with django_assert_num_queries(0):
        _, headers, body = call(django, "/")
    assert (status, headers["X-Cache"], django.calls) == ("200 OK", "HIT", 1)
    assert body == page and b"The Blitz Begins" in body
    # The middleware's headers were stored with the page.
    for name in (
        "Content-Security-Policy",
        "X-Frame-Options",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Cache-Control",
        "ETag",
        "Content-Type",
    ):
        assert headers[name] == first[name], name


def test_head_is_answered_without_django_and_if_none_match_by_it(django):
    make_article()
    _, headers, _ = call(django, "/timeline/")
    assert call(django, "/timeline/", method="HEAD")[::2] == ("200 OK", b"")
    assert django.calls == 1
    # A revalidation goes to Django, whose middleware answers it from the cache.
    status, not_modified, body = call(django, "/timeline/", IF_NONE_MATCH=headers["ETag"])
    assert (status, body, not_modified["ETag"]) == ("304 Not Modified", b"", headers["ETag"])
    assert django.calls == 2


def test_a_change_is_seen_at_once(django):
    article = make_article(title="First Title")
    call(django, "/")
    article.title = "Second Title"
    article.save()
    _, headers, body = call(django, "/")
    assert headers["X-Cache"] == "MISS" and b"Second Title" in body
    assert django.calls == 2


@pytest.mark.parametrize(
    ("path", "headers"),
    [
        ("/", {"COOKIE": f"{STAFF_COOKIE}={signed_value(1)}"}),  # staff see fresh pages
        ("/no-such-page/", {}),  # never stored
    ],
)
def test_what_is_not_a_hit_goes_to_django(django, path, headers):
    make_article()
    for _ in range(2):
        call(django, path, **headers)
    assert django.calls == 2


def test_a_made_up_session_cookie_gets_the_cached_page(django):
    make_article()
    call(django, "/")
    _, headers, _ = call(django, "/", COOKIE="sessionid=x")
    assert headers["X-Cache"] == "HIT"
    assert django.calls == 1


def test_an_unknown_host_is_left_to_django_to_refuse(django):
    status, _, _ = call(django, "/", HOST="evil.example.com")
    assert status.startswith("400")
    assert django.calls == 1


def test_without_the_page_cache_everything_goes_to_django(django, settings):
    settings.PAGE_CACHE = False
    make_article()
    for _ in range(2):
        _, headers, _ = call(django, "/")
        assert "X-Cache" not in headers
    assert django.calls == 2
