"""Malformed addresses through the WSGI application, with the page cache in front of Django."""

from io import BytesIO
from wsgiref.util import setup_testing_defaults

import pytest
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections

from pagecache import CachedPages

from .hostile_urls_fixtures import site as site  # the fixture, for pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def wsgi_application(settings):
    settings.PAGE_CACHE = True
    # As Django's test client does: the test's connection stays open between requests.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    calls = []

    def django(environ, start_response):
        calls.append(environ["PATH_INFO"])
        return WSGIHandler()(environ, start_response)

    yield CachedPages(django), calls
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def call(application, path, query=""):
    """Status, headers and body of a GET of ``path`` (raw bytes, as a WSGI server
    passes them: percent-decoded, read as Latin-1)."""
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path.decode("latin-1"),
        "QUERY_STRING": query,
        "HTTP_HOST": "testserver",
        "wsgi.input": BytesIO(b""),
    }
    setup_testing_defaults(environ)
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"], answer["headers"] = status, dict(headers)

    body = b"".join(application(environ, start_response))
    return answer["status"], answer["headers"], body


@pytest.mark.parametrize(
    ("path", "query"),
    [
        (b"/tags/\x00/", ""),
        (b"/tags/a\x00b/", ""),
        (b"/search/", "q=%00"),
        (b"/", "page=%00"),
        (b"/tags/" + b"a" * 10_000 + b"/", ""),
    ],
)
def test_the_wsgi_application_refuses_and_never_caches_a_malformed_address(
    wsgi_application, site, path, query
):
    application, calls = wsgi_application
    for attempt in (1, 2):
        status, headers, body = call(application, path, query)
        assert status == "400 Bad Request"
        assert body.startswith(b"Bad request: ")
        assert "X-Cache" not in headers
        assert len(calls) == attempt  # never served from the cache
    # The same application serves and caches an ordinary page.
    call(application, b"/")
    assert call(application, b"/")[1]["X-Cache"] == "HIT"


@pytest.mark.parametrize("path", [b"/tags/\xff\xfe/", b"/tags/" + b"a" * 1_000 + b"/"])
def test_the_wsgi_application_answers_404_to_a_tag_that_cannot_exist(wsgi_application, site, path):
    application, calls = wsgi_application
    for attempt in (1, 2):
        assert call(application, path)[0] == "404 Not Found"
        assert len(calls) == attempt
