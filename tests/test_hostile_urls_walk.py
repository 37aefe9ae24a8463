"""Hostile values in every route's path parameters and query strings never get a 500."""

import itertools
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import quote

import pytest
from django.contrib.contenttypes.models import ContentType
from django.http import QueryDict
from django.test import RequestFactory
from django.urls import URLResolver, get_resolver
from django.utils.regex_helper import normalize

from articles.models import Article

from .hostile_urls_fixtures import site as site  # the fixture, for pytest

# Issue 12, point 3. A NUL byte, invalid UTF-8, 10,000 characters, a negative number or
# a huge one, in any path parameter or query-string value, gets a 400 or a 404 (or, for
# a query string, a redirect or the page without it), on SQLite and on PostgreSQL, which
# refuses NUL in text. historyblog.security.MalformedAddressMiddleware answers most of
# them (tests/test_hostile_urls_refusals.py).
#
# The routes are read from the URL configuration, includes and the admin's included, so
# that a route added later is covered without a change here; the query-string keys are
# those each view reads, found by reading along (keys_read), and those an admin
# changelist filters by. The admin is requested anonymously and as a superuser.

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
