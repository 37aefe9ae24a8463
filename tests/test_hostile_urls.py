"""Hostile addresses never get a 500 (issue 12, point 3).

A NUL byte, invalid UTF-8, 10,000 characters, a negative number or a huge one, in any
path parameter or query-string value, gets a 400 or a 404 (or, for a query string, a
redirect or the page without it), on SQLite and on PostgreSQL, which refuses NUL in
text. historyblog.security.MalformedAddressMiddleware answers most of them.

The routes are read from the URL configuration, includes and the admin's included, so
that a route added later is covered without a change here; the query-string keys are
those each view reads, found by reading along (keys_read), and those an admin
changelist filters by. The admin is requested anonymously and as a superuser.
"""

import itertools
from contextlib import contextmanager
from dataclasses import dataclass
from io import BytesIO
from urllib.parse import quote
from wsgiref.util import setup_testing_defaults

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from django.http import QueryDict
from django.test import RequestFactory
from django.urls import URLResolver, get_resolver, resolve
from django.utils.regex_helper import normalize

from articles.models import Article
from historyblog.security import MalformedAddressMiddleware
from pagecache import CachedPages

from .factories import make_article, make_author, make_user

pytestmark = pytest.mark.django_db

# Percent-encoded as they arrive from a client. A NUL, and 10,000 characters in a path
# (here digits, which slugs and numbers both accept), are refused before any view sees
# them; the others reach the views.
HOSTILE_VALUES = {
    "NUL": "%00",
    "invalid UTF-8": "%FF%FE",
    "10,000 characters": "9" * 10_000,
    "negative number": "-1",
    "huge number": "99999999999999999999",
}
# In a path parameter, also a long value within the length the site accepts.
HOSTILE_PATH_VALUES = {**HOSTILE_VALUES, "1,000 characters": "a" * 1_000}
# As a query-string key, which only a view reading every key sees (an admin changelist).
HOSTILE_KEYS = {name: HOSTILE_VALUES[name] for name in ("NUL", "invalid UTF-8")}

# Answers that are not a 500. A hostile path parameter names nothing: 400 or 404, or in
# the admin a redirect (to the login page, or to the index with "does not exist"). A
# hostile query value may also get the page without it, or a redirect; in the admin, a
# 403 (the autocomplete refusing a field) or a 405 (a GET of the logout page) too.
PUBLIC_PATH_ANSWERS = {400, 404}
ADMIN_PATH_ANSWERS = {302, 400, 404}
PUBLIC_QUERY_ANSWERS = {200, 302, 400, 404}
ADMIN_QUERY_ANSWERS = {200, 302, 400, 403, 404, 405}


@dataclass(frozen=True)
class Route:
    """A URL pattern under its includes: ``template`` is its path with a ``%(name)s``
    for each parameter, as Django's reverse() builds it."""

    template: str
    params: tuple
    name: str | None
    callback: object

    def __str__(self):
        return self.template % {param: f"<{param}>" for param in self.params}

    def url(self, values):
        return self.template % values

    @property
    def in_admin(self):
        return self.template.startswith("/admin/")

    @property
    def model_admin(self):
        return getattr(self.callback, "model_admin", None)


def walk(patterns, template="/", params=()):
    """Every route under ``patterns``, through includes."""
    for pattern in patterns:
        part, names = normalize(pattern.pattern.regex.pattern)[0]
        if isinstance(pattern, URLResolver):
            yield from walk(pattern.url_patterns, template + part, params + tuple(names))
        else:
            yield Route(template + part, params + tuple(names), pattern.name, pattern.callback)


ROUTES = list(walk(get_resolver().url_patterns))


def test_the_walk_finds_the_reader_pages_and_the_admin():
    found = {str(route) for route in ROUTES}
    assert {"/tags/<slug>/", "/years/<year>/", "/admin/autocomplete/"} <= found
    assert "/admin/articles/article/<object_id>/change/" in found
    assert "/admin/articles/article/recover/<_0>/" in found  # an unnamed group
    assert len(ROUTES) > 50


@pytest.fixture
def site():
    """One published article, with its author and a tag, a second author (so that the
    admin offers to filter by author), and a superuser."""
    article = make_article(slug="the-blitz-begins", tags=["World War II"])
    make_author()
    return {
        "article": article,
        "author": article.author,
        "tag": article.tags.get(),
        "superuser": make_user("superuser"),
    }


def valid_values(site, param):
    """Values of ``param`` that name something on the site, best guess first."""
    article, author, tag, user = site["article"], site["author"], site["tag"], site["superuser"]
    pks = [str(article.pk), str(author.pk), str(tag.pk), str(user.pk)]
    return {
        "slug": [article.slug, tag.slug, author.slug],
        "day": ["august-20"],
        "year": ["1940"],
        "app_label": ["articles"],
        "content_type_id": [str(ContentType.objects.get_for_model(Article).pk)],
    }.get(param, pks)


def base_queries(route):
    """The query strings a route needs to do anything (as dictionaries): for the
    autocomplete, the field to complete, for each autocomplete field in the admin and
    for the article's tags (typed with suggestions, not picked from a list)."""
    if route.name != "autocomplete":
        return [{}]
    targets = {("articles", "article", "tags")}
    for other in ROUTES:
        if other.model_admin is not None:
            opts = other.model_admin.model._meta
            targets.update(
                (opts.app_label, opts.model_name, field)
                for field in other.model_admin.autocomplete_fields
            )
    return [
        dict(zip(["app_label", "model_name", "field_name"], target, strict=True))
        for target in sorted(targets)
    ]


def query_string(query):
    return "?" + "&".join(f"{key}={value}" for key, value in query.items()) if query else ""


@contextmanager
def keys_read():
    """The query-string keys whose values code reads while the block runs (a set). A
    key only tested for (``in``) is left out: its value is never read."""
    read = set()

    def recording(method):
        def record(self, key, *args):
            read.add(key)
            return method(self, key, *args)

        return record

    with pytest.MonkeyPatch.context() as patch:
        for name in ("__getitem__", "getlist"):
            patch.setattr(QueryDict, name, recording(getattr(QueryDict, name)))
        yield read


def base_values(client, route, site, query):
    """Values for the route's parameters that give a 200 if any do (so that hostile
    query strings reach the view), or else the first ones tried; the query-string keys
    that the view read; and whether it answered 200."""
    choices = list(itertools.product(*(valid_values(site, param) for param in route.params)))
    with keys_read() as read:
        for choice in choices:
            values = dict(zip(route.params, choice, strict=True))
            if client.get(route.url(values) + query_string(query)).status_code == 200:
                return values, read, True
    return dict(zip(route.params, choices[0], strict=True)), read, False


def changelist_keys(route, user):
    """The parameters of an admin changelist's list filters and date hierarchy."""
    model_admin = route.model_admin
    if model_admin is None or not (route.name or "").endswith("_changelist"):
        return set()
    request = RequestFactory().get("/")
    request.user = user
    changelist = model_admin.get_changelist_instance(request)
    keys = {key for spec in changelist.filter_specs for key in spec.expected_parameters()}
    if model_admin.date_hierarchy:
        keys |= {f"{model_admin.date_hierarchy}__{part}" for part in ("year", "month", "day")}
    return keys


def hostile_requests(client, route, site):
    """(URL, answers accepted) for each hostile request to ``route``: a hostile value in
    each path parameter; in each query-string key whose value the view reads, or that an
    admin changelist filters by; and as a key. Also whether the route answered 200 with
    valid values."""
    path_answers = ADMIN_PATH_ANSWERS if route.in_admin else PUBLIC_PATH_ANSWERS
    query_answers = ADMIN_QUERY_ANSWERS if route.in_admin else PUBLIC_QUERY_ANSWERS
    requests, opened = [], False
    for query in base_queries(route):
        values, read, ok = base_values(client, route, site, query)
        opened = opened or ok
        requests += [
            (route.url({**values, param: value}) + query_string(query), path_answers)
            for param in route.params
            for value in HOSTILE_PATH_VALUES.values()
        ]
        keys = sorted(read | changelist_keys(route, site["superuser"]))
        hostile = [
            {**query, quote(key): value} for key in keys for value in HOSTILE_VALUES.values()
        ]
        hostile += [{**query, key: "1"} for key in HOSTILE_KEYS.values()]
        requests += [
            (route.url(values) + query_string(hostile_query), query_answers)
            for hostile_query in hostile
        ]
    return requests, opened


def failures(client, route, site, visitor):
    """The hostile requests to ``route`` that got an answer outside the accepted ones,
    and whether the route answered 200 with valid values."""
    requests, opened = hostile_requests(client, route, site)
    found = []
    for url, answers in requests:
        response = client.get(url)
        if response.status_code not in answers:
            error = response.exc_info[1] if response.exc_info else ""
            shown = url if len(url) < 150 else f"{url[:150]}… ({len(url)} characters)"
            found.append(f"{visitor}: {response.status_code} {shown} {error!r}")
    return found, opened


@pytest.mark.parametrize("route", [pytest.param(route, id=str(route)) for route in ROUTES])
def test_a_hostile_address_is_never_a_500(client, site, route):
    """Requested anonymously; and as a superuser too, in the admin and on a reader's
    page that an anonymous reader cannot open (a preview)."""
    client.raise_request_exception = False
    found, opened = failures(client, route, site, "anonymous")
    if route.in_admin or not opened:
        client.force_login(site["superuser"])
        found += failures(client, route, site, "superuser")[0]
    assert not found, f"{len(found)} hostile requests answered badly:\n" + "\n".join(found)


def test_the_walk_sends_hostile_values_to_the_keys_a_view_reads(client, site):
    with keys_read() as read:
        client.get("/search/?q=blitz")
    assert {"q", "page", "tag", "author", "century"} <= read
    client.force_login(site["superuser"])
    changelist = next(route for route in ROUTES if route.name == "articles_article_changelist")
    keys = changelist_keys(changelist, site["superuser"])
    assert {"author__id__exact", "century", "state", "publish_at__year"} <= keys


# What answers them: a 400 for a control character or thousands of characters.


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("/tags/%00/", "the address contains a control character."),
        ("/tags/a%00b/", "the address contains a control character."),
        ("/articles/a%0Ab/", "the address contains a control character."),
        ("/years/1940%7F/", "the address contains a control character."),
        ("/%C2%85/", "the address contains a control character."),  # NEL, in UTF-8
        ("/search/?q=%00", "the query string contains a control character."),
        ("/search/?q=Trotsky&tag=%00", "the query string contains a control character."),
        ("/search/?q%00=Trotsky", "the query string contains a control character."),
        ("/?page=1%1B", "the query string contains a control character."),
        ("/tags/" + "a" * 5_000 + "/", "the address is too long."),
        ("/admin/articles/article/recover/" + "9" * 5_000 + "/", "the address is too long."),
    ],
)
def test_a_malformed_address_is_refused_with_a_400_in_plain_words(client, site, url, reason):
    response = client.get(url)
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == f"Bad request: {reason}\n"


def test_a_nul_in_the_session_cookie_is_refused_with_a_400(client, site):
    response = client.get("/admin/", HTTP_COOKIE="sessionid=abc\x00def")
    assert response.status_code == 400
    assert response.content == b"Bad request: a cookie contains a control character.\n"


def test_the_admin_refuses_a_nul_in_its_search_and_autocomplete(client, site):
    client.force_login(site["superuser"])
    autocomplete = "app_label=articles&model_name=article&field_name=author"
    assert client.get(f"/admin/autocomplete/?term=%00&{autocomplete}").status_code == 400
    assert client.get("/admin/articles/article/?q=%00").status_code == 400
    assert client.get(f"/admin/autocomplete/?term=Author&{autocomplete}").status_code == 200


def test_a_tab_or_a_line_break_in_a_query_value_is_text_like_any_other(client, site):
    response = client.get("/search/?q=the%09blitz%0D%0Abegins")
    assert response.status_code == 200
    assert response.context["result"].query.text == "the blitz begins"


def test_a_long_path_within_the_limit_and_a_long_query_reach_the_view(client, site):
    assert client.get("/tags/" + "a" * 4_000 + "/").status_code == 404
    response = client.get("/search/?q=" + "blitz+" * 2_000)
    assert response.status_code == 200
    assert response.context["result"].query.truncated


# In the admin, what views of other libraries fail on: a 404 or a 400.


@pytest.mark.parametrize(
    ("url", "status"),
    [
        # django-otp looks the device up with get(), not get_object_or_404().
        ("/admin/otp_totp/totpdevice/99999/config/", 404),
        ("/admin/otp_totp/totpdevice/99999/qrcode/", 404),
        # Django 5.2's date hierarchy (ticket #37357): year 10000, and a year too large.
        ("/admin/articles/article/?publish_at__year=9999", 400),
        ("/admin/articles/article/?publish_at__year=99999999999999999999", 400),
        ("/admin/axes/accessattempt/?attempt_time__year=9999", 400),
    ],
)
def test_admin_views_of_other_libraries_answer_a_bad_value_with_a_4xx(client, site, url, status):
    client.force_login(site["superuser"])
    assert client.get(url).status_code == status


def test_outside_the_admin_a_failed_lookup_is_left_to_the_site_to_report(rf):
    request = rf.get("/tags/no-such-tag/")
    request.resolver_match = resolve("/tags/no-such-tag/")
    middleware = MalformedAddressMiddleware(lambda request: None)
    assert middleware.process_exception(request, Article.DoesNotExist()) is None
    assert middleware.process_exception(request, OverflowError()) is None


# Through the WSGI application, with the page cache in front of Django.


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
