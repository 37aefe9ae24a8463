"""Parts of pages, rendered once per generation and kept in this process's memory.

A page rendered for staff, or for the first reader after a change, is rendered afresh;
but most of what it shows (an article's card, Today in History, a day's briefs) is the
same on every page that shows it until the next change. ``fragment(name, vary,
render)`` keeps what ``render()`` returns under the current generation and day, so that
each process renders each part once per change (the ``{% fragment %}`` tag, in
pagecache/templatetags/fragments.py, is its template form).

Nothing is kept when the page cache is off or its state cannot be read (the cache
unavailable, the database down): the part is rendered, as without the page cache.
Reading the state costs no round trip while this process may trust its copy
(state.StateWatch); otherwise one cache read.
"""

import sys
from functools import wraps

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone

from . import backend, state
from .store import fragments as memory


def current_key():
    """(generation, today) while the page cache is on and its state is known; else None."""
    if not settings.PAGE_CACHE:
        return None
    current = state.watch.get()
    if current is None:
        epoch = state.watch.epoch
        current = backend.call("get", state.STATE_KEY)
        if current is None or state.has_expired(current):
            current = state.renew_state(current)  # as a cached page's lookup would
            if current is None:
                return None
        state.watch.learn(current, epoch)
    return current["generation"], timezone.localdate()


def fragment(name, vary, render, size=sys.getsizeof):
    """What ``render()`` returns (a string, or any value ``size`` can measure, in
    bytes of memory), kept until the next change for this ``name`` and ``vary`` (a tuple of
    what else the part depends on: an article's id, a heading level). Whoever gets a
    kept value shares it: it is not to be changed."""
    key = current_key()
    if key is None:
        return render()
    part = (name, *vary)
    value = memory.get(key, part)
    if value is None:
        value = render()
        memory.keep(key, part, value, size(value))
    return value


def kept_response(name, request, respond):
    """The response ``respond()`` makes, made once per change for this request's address
    and query, and given to every request for them as a new response (the middleware
    adds its headers to each). An error raised is not kept."""
    if current_key() is None:
        return respond()
    status, content, headers = fragment(
        name,
        (request.get_full_path(),),
        lambda: _written(respond()),
        size=lambda kept: sys.getsizeof(kept[1]),
    )
    response = HttpResponse(content, status=status)
    for header, value in headers:
        response[header] = value
    return response


def kept(name):
    """A view's GET and HEAD answers, kept as ``kept_response`` keeps them."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method not in ("GET", "HEAD"):
                return view(request, *args, **kwargs)
            return kept_response(name, request, lambda: view(request, *args, **kwargs))

        return wrapper

    return decorator


def _written(response):
    if hasattr(response, "render"):
        response.render()  # a TemplateResponse
    return response.status_code, response.content, tuple(response.items())
