"""The page cache's two middleware: PageCacheMiddleware serves hits and stores public
pages; CacheHeadersMiddleware gives public pages Cache-Control and an ETag for browsers
and CDNs. is_public() decides which responses may be kept for everyone."""

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import (
    cc_delim_re,
    get_conditional_response,
    patch_cache_control,
    set_response_etag,
)

from . import conf
from .lookup import Lookup, may_serve_from_cache, vary_headers

# Cache-Control directives that forbid keeping a response for everyone.
PRIVATE_DIRECTIVES = {"private", "no-cache", "no-store"}


class PageCacheMiddleware:
    """First of the middleware: serves hits, and stores public pages with every header
    the other middleware add (security headers, CSP), so a hit needs none of them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        lookup = Lookup.find(request.META) if may_serve_from_cache(request.META) else None
        if lookup is not None and lookup.entry is not None:
            return _rebuild(request, lookup.entry)
        response = self.get_response(request)
        if (
            lookup is not None
            and lookup.state is not None
            and request.method == "GET"
            and is_public(request, response)
        ):
            lookup.store(response)
        if lookup is not None:
            response["X-Cache"] = "MISS"
        return response


class CacheHeadersMiddleware:
    """Cache-Control and ETag on public pages, inside ConditionalGetMiddleware so that a
    repeat visit with the ETag gets a 304."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_public(request, response):
            add_cache_headers(request, response)
        return response


def is_public(request, response):
    """Whether ``response`` is the same for every reader and may be kept for them."""
    match = request.resolver_match
    return (
        request.method in ("GET", "HEAD")
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and match is not None
        and "admin" not in match.namespaces
        and not PRIVATE_DIRECTIVES & _cache_control_directives(response)
        and "*" not in vary_headers(response)
    )


def add_cache_headers(request, response):
    """Cache-Control for browsers and CDNs (unless the view chose its own, or in
    development, where an edited template must show at once), and an ETag so that a
    visit after max-age costs a 304."""
    if not response.has_header("Cache-Control") and not settings.DEBUG:
        if conf.is_private_request(request.META.get("HTTP_COOKIE", "")):
            # Private requests (staff) see every change at once, even in their own
            # browser's cache.
            patch_cache_control(response, private=True, no_cache=True)
        else:
            max_age = settings.PAGE_CACHE_MAX_AGE
            patch_cache_control(
                response,
                public=True,
                max_age=max_age,
                s_maxage=max_age,
                stale_while_revalidate=max_age // 2,
            )
    if not response.has_header("ETag"):
        set_response_etag(response)


def _rebuild(request, entry):
    """The response for a cached ``entry``: a 304 when the request's If-None-Match
    names its ETag."""
    response = HttpResponse(entry.content, status=entry.status)
    for name, value in entry.headers:
        response[name] = value
    response["X-Cache"] = "HIT"
    return get_conditional_response(request, etag=response.get("ETag"), response=response)


def _cache_control_directives(response):
    return {
        directive.split("=")[0].strip().lower()
        for directive in cc_delim_re.split(response.get("Cache-Control", ""))
        if directive.strip()
    }
