"""Which requests may get a page from the cache, the key a request's page is kept
under, and finding that page (Lookup): in this process's memory, or in the cache, for
the current generation and today."""

from django.conf import settings
from django.utils import timezone
from django.utils.cache import cc_delim_re

from . import backend, conf, state
from .store import Entry, page_key, recent_pages


def may_serve_from_cache(environ):
    """Whether the request (its WSGI environ, or Django's request.META) may get a page
    from the cache: a GET or HEAD, not private (settings.PAGE_CACHE_PRIVATE_REQUEST,
    given the raw Cookie header: a check that costs no query), for anything but a
    static file."""
    if not (settings.PAGE_CACHE and environ.get("REQUEST_METHOD") in ("GET", "HEAD")):
        return False
    if conf.is_private_request(environ.get("HTTP_COOKIE", "")):
        return False
    return not environ.get("PATH_INFO", "").startswith(settings.STATIC_URL)


def vary_headers(response):
    """The request headers ``response`` varies on (its Vary header)."""
    return [header for header in cc_delim_re.split(response.get("Vary", "")) if header]


def _request_key(environ):
    """What tells requests apart for the page cache: the scheme, host, path and query as
    received, with the proxy headers Django is configured to trust. Raw values, read the
    same way when a page is stored (from request.META) and served (from the environ);
    a request for a host Django refuses never got a page stored under its key."""
    names = ["wsgi.url_scheme", "HTTP_HOST", "SERVER_NAME", "SERVER_PORT"]
    names += ["SCRIPT_NAME", "PATH_INFO", "QUERY_STRING"]
    if settings.SECURE_PROXY_SSL_HEADER:
        names.append(settings.SECURE_PROXY_SSL_HEADER[0])
    if settings.USE_X_FORWARDED_HOST:
        names.append("HTTP_X_FORWARDED_HOST")
    if settings.USE_X_FORWARDED_PORT:
        names.append("HTTP_X_FORWARDED_PORT")
    return "\n".join(str(environ.get(name, "")) for name in names)


def _header(environ, name):
    key = name.upper().replace("-", "_")
    if key not in ("CONTENT_TYPE", "CONTENT_LENGTH"):
        key = "HTTP_" + key
    return environ.get(key, "")


class Lookup:
    def __init__(self, environ, url, state):
        self.environ = environ
        self.url = url
        self.state = state
        self.entry = None

    @classmethod
    def find(cls, environ, renew=True):
        """A Lookup, with the cached entry if there is one; None if the cache is
        unavailable (or, without ``renew``, when the state has to be renewed from the
        database). Costs no database query, and at most one cache round trip (two for
        a page that varies on headers): none when this process knows the state and has
        the page."""
        url = _request_key(environ)
        key = page_key(url)
        recent = recent_pages.get(key)
        current_state = state.watch.get()
        found = {}
        if current_state is None or recent is None:
            # Read what this process does not know: the state, the page, or both.
            epoch = state.watch.epoch
            keys = [state.STATE_KEY] if current_state is None else []
            if recent is None:
                keys.append(key)
            found = backend.call("get_many", keys)
            if found is None:
                return None
            if current_state is None:
                current_state = found.get(state.STATE_KEY)
                if current_state is None or state.has_expired(current_state):
                    if not renew:
                        return None
                    current_state = state.renew_state(current_state)
                state.watch.learn(current_state, epoch)
        lookup = cls(environ, url, current_state)
        entry = lookup.fetch(key, recent, found)
        if entry is not None and entry.vary:
            variant = lookup.variant_key(entry.vary)
            entry = lookup.fetch(variant, recent_pages.get(variant))
        if entry is not None and entry.status is not None:
            lookup.entry = entry
        return lookup

    def fetch(self, key, recent, found=None):
        """The current entry at ``key``: the recent copy if it still is, else the
        cache's (from ``found``, or read now)."""
        if self.current(recent) is not None:
            return recent
        if found is not None and key in found:
            entry = self.current(found[key])
        else:
            entry = self.current(backend.call("get", key))
        if entry is not None:
            recent_pages.keep(key, entry)
        return entry

    def current(self, entry):
        """``entry`` if it belongs to the current generation and today."""
        if (
            self.state is not None
            and isinstance(entry, Entry)
            and entry.generation == self.state["generation"]
            and entry.date == timezone.localdate().isoformat()
        ):
            return entry
        return None

    def variant_key(self, vary):
        varied = "\n".join(_header(self.environ, header) for header in vary)
        return page_key(self.url, varied)

    def store(self, response):
        vary = tuple(sorted({header.lower() for header in vary_headers(response)}))
        if "*" in vary:
            return
        page = Entry(
            self.state["generation"],
            timezone.localdate().isoformat(),
            vary,
            response.status_code,
            tuple(response.items()),
            response.content,
        )
        if vary:
            entries = {page_key(self.url): page._replace(status=None, headers=(), content=b"")}
            entries[self.variant_key(vary)] = page
        else:
            entries = {page_key(self.url): page}
        if backend.call("set_many", entries, settings.PAGE_CACHE_TIMEOUT) is not None:
            for key, entry in entries.items():
                recent_pages.keep(key, entry)
