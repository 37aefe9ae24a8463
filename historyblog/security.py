"""Security helpers: the client's real address behind proxies, the CSP middleware, and
the refusal of malformed addresses."""

import ipaddress
import logging
import re

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpResponseBadRequest, JsonResponse

logger = logging.getLogger(__name__)


def client_ip(request):
    """The address of the client that sent ``request``.

    Each of the TRUSTED_PROXY_COUNT proxies appends the address it received the request
    from to X-Forwarded-For, so the N-th entry from the right was written by the
    outermost trusted proxy: the client as the world sees it. Whatever a client puts to
    the left of it is forged and ignored, so rotating it changes nothing. Without
    trusted proxies, or when the header is shorter than it must be (the request came
    round the proxies), the address is REMOTE_ADDR, which a client cannot choose.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = settings.TRUSTED_PROXY_COUNT
    if trusted <= 0:
        return remote
    forwarded = [
        entry.strip()
        for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if entry.strip()
    ]
    if len(forwarded) < trusted:
        return remote
    try:
        return str(ipaddress.ip_address(forwarded[-trusted]))
    except ValueError:
        return remote


class CSPMiddleware(BaseCSPMiddleware):
    """django-csp's middleware, with one exception for the admin: it also allows inline
    style attributes there, which the picture previews of pictures/admin.py use. Public
    pages, and scripts everywhere, keep the strict policy of CONTENT_SECURITY_POLICY."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        match = getattr(request, "resolver_match", None)
        if match is not None and "admin" in match.namespaces:
            parts.update = {**(parts.update or {}), "style-src": [UNSAFE_INLINE]}
        return parts


# Control characters (C0, DEL and C1): no link or form of the site puts one in a path,
# and PostgreSQL refuses NUL in text, so one that reached a query would be a 500. A
# query value may hold a tab or a line break, as text typed into a form can.
PATH_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
QUERY_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Characters of a path. The site's longest are a hundred or so, and gunicorn refuses a
# request line over 4,094 bytes. Above it, a run of digits that a pattern such as
# [0-9]+ accepts could be too long for int() (4,300 digits), which the view converting
# it would not expect. A query string is read by code that expects anything.
MAX_PATH_LENGTH = 4094


def bad_request(reason, path=""):
    """A short 400: plain text, or JSON under /api/ (opendata answers every error there
    in JSON, for any origin); no template, no database."""
    if path.startswith("/api/"):
        response = JsonResponse(
            {"status": 400, "error": "bad_request", "message": f"Bad request: {reason}"},
            status=400,
        )
        response["Access-Control-Allow-Origin"] = "*"
        return response
    return HttpResponseBadRequest(
        f"Bad request: {reason}\n", content_type="text/plain; charset=utf-8"
    )


def address_problem(request):
    """Why the request's address is malformed (None if it is not), as a sentence."""
    if len(request.path_info) > MAX_PATH_LENGTH:
        return "the address is too long."
    if PATH_CONTROL_CHARACTERS.search(request.path_info):
        return "the address contains a control character."
    for key, values in request.GET.lists():
        if any(QUERY_CONTROL_CHARACTERS.search(text) for text in (key, *values)):
            return "the query string contains a control character."
    # A browser sends none either; a NUL in the session cookie reaches PostgreSQL.
    if PATH_CONTROL_CHARACTERS.search(request.META.get("HTTP_COOKIE", "")):
        return "a cookie contains a control character."
    return None


class MalformedAddressMiddleware:
    """First of the middleware: answers 400 to an address that no page of the site makes
    (a control character, NUL included, in the path or the query string, or a path of
    thousands of characters), before anything else reads it, the page cache included.

    In the admin it also answers with a 404 or a 400, not a 500, the values from the
    address that its views, most from other libraries, fail on: django-otp's TOTP
    device pages let DoesNotExist escape for a device that is not there; Django 5.2's
    changelist lets a date-hierarchy year past 9998 raise ValueError or OverflowError
    (Django ticket #37357), and SQLite raises OverflowError for a huge number in a list
    filter."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        problem = address_problem(request)
        if problem is not None:
            return bad_request(problem, request.path_info)
        return self.get_response(request)

    def process_exception(self, request, exception):
        match = request.resolver_match
        if match is None or "admin" not in match.namespaces:
            return None
        # Logged with the traceback, in case it was a bug rather than a bad address.
        if isinstance(exception, ObjectDoesNotExist):
            logger.warning("Admin lookup failed: %r", exception, exc_info=exception)
            raise Http404(str(exception)) from exception
        changelist = (match.url_name or "").endswith("_changelist")
        if changelist and request.GET and isinstance(exception, ValueError | OverflowError):
            logger.warning("Admin changelist failed: %r", exception, exc_info=exception)
            return bad_request("a value in the query string is out of range.")
        return None
