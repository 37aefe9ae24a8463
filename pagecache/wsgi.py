"""CachedPages: the WSGI application with cache hits served in front of it, before any
of Django's request handling."""

from http.client import responses

from .lookup import Lookup, may_serve_from_cache


class CachedPages:
    """The WSGI application, with cache hits served in front of it.

    A hit needs none of Django's request handling: at most one cache round trip, and the
    stored bytes go out with the headers every middleware had added when the page was
    stored.
    Anything else (misses, and revalidations with If-None-Match, which Django answers
    with a 304) goes to ``application``, where PageCacheMiddleware stores public pages,
    and serves the same hits to clients that do not come through WSGI (the test client).
    """

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        if may_serve_from_cache(environ) and "HTTP_IF_NONE_MATCH" not in environ:
            lookup = Lookup.find(environ, renew=False)
            if lookup is not None and lookup.entry is not None:
                entry = lookup.entry
                start_response(
                    f"{entry.status} {responses[entry.status]}",
                    [*entry.headers, ("X-Cache", "HIT")],
                )
                return [] if environ["REQUEST_METHOD"] == "HEAD" else [entry.content]
        return self.application(environ, start_response)
