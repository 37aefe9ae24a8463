"""What every answer of the API and the calendars shares: JSON errors, CORS for any
origin, the answer to a CORS preflight, and the per-client rate limit.

Only requests the page cache does not answer reach a view, so only those are counted
against the limit; an answer from the cache costs the site next to nothing.
"""

import math
import time
from functools import wraps

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse

from historyblog import ratelimit
from historyblog.security import client_ip
from historyblog.staff import is_staff_request
from pagecache.fragments import kept_response

ALLOWED_METHODS = "GET, HEAD, OPTIONS"
RATE_LIMIT_WINDOW = 60  # seconds
PREFLIGHT_MAX_AGE = 86_400  # seconds browsers may keep a preflight's answer


class ApiError(Exception):
    """A request the API cannot answer: becomes a JSON body with ``status``."""

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message


ERROR_NAMES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    429: "too_many_requests",
}


def error_response(status, message):
    """The JSON body of every error: its status, a short code and a sentence."""
    return JsonResponse(
        {"status": status, "error": ERROR_NAMES[status], "message": message},
        status=status,
        json_dumps_params={"ensure_ascii": False},
    )


def json_response(data):
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


def allow_any_origin(response):
    """Any site may read the answer from a browser (no credentials are involved)."""
    response["Access-Control-Allow-Origin"] = "*"
    return response


def preflight_response(request):
    """The answer to a CORS preflight (OPTIONS): GET and HEAD from any origin, with
    whatever request headers the browser asks to send."""
    response = HttpResponse(status=204)
    response["Allow"] = ALLOWED_METHODS
    response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
    requested = request.headers.get("Access-Control-Request-Headers")
    if requested:
        response["Access-Control-Allow-Headers"] = requested
    response["Access-Control-Max-Age"] = str(PREFLIGHT_MAX_AGE)
    return response


def rate_limited(request):
    """A 429 answer if the client is over OPENDATA_RATE_LIMIT, else None."""
    if is_staff_request(request.headers.get("Cookie", "")):
        return None
    if ratelimit.allow(
        "opendata", client_ip(request), settings.OPENDATA_RATE_LIMIT, RATE_LIMIT_WINDOW
    ):
        return None
    response = error_response(
        429,
        f"Too many requests: at most {settings.OPENDATA_RATE_LIMIT} a minute from one "
        "client. Wait for the time Retry-After gives, in seconds.",
    )
    response["Retry-After"] = str(math.ceil(RATE_LIMIT_WINDOW - time.time() % RATE_LIMIT_WINDOW))
    return response


def open_data_view(view):
    """A view of the API or the calendars: read-only, open to any origin, limited per
    client, and answering every error with a JSON body."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = preflight_response(request)
        elif request.method not in ("GET", "HEAD"):
            response = error_response(405, "Only GET and HEAD are allowed: the API is read-only.")
            response["Allow"] = ALLOWED_METHODS
        else:
            response = rate_limited(request) or answer(view, request, *args, **kwargs)
        return allow_any_origin(response)

    return wrapper


def answer(view, request, *args, **kwargs):
    """The view's answer, made once per change for each address and query (it is the
    same for every client); errors are made each time."""
    try:
        return kept_response("open-data", request, lambda: view(request, *args, **kwargs))
    except ApiError as error:
        return error_response(error.status, error.message)
    except Http404 as error:
        return error_response(404, str(error) or "Nothing here.")
