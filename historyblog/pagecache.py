"""Pages for anonymous readers, kept in the shared cache and served by every app server.

A GET or HEAD from anyone but staff is answered from the cache when the page is there;
otherwise the page is rendered and, if it is public (a 200 that sets no cookie, is not
private or no-store, and is not the admin), stored. Staff, known by a signed cookie
(historyblog/staff.py), always get freshly rendered pages.

A page is kept under a key made of its full URL (and, for a page that varies on
request headers, their values), with:

- the *generation* it was rendered in: a token kept in the cache and replaced whenever
  an article, an author, a tag or a tagging is saved or deleted, on any server. A page
  of an older generation is never served again; it is replaced, or expires;
- the day it was rendered, in TIME_ZONE, so pages that depend on "today" change at
  midnight.

A hit costs one cache round trip at most, reading the current generation and the page
together; none when the process knows both (RecentPages, StateWatch).

A scheduled article becomes public when its time comes, with no save: the cache keeps
the next publish time beside the generation, and once it has passed the generation is
replaced, so every page is rendered again and shows the article.

The cache is an optimisation, never a dependency: when Redis fails, pages are rendered
as if there were no cache, and a warning is logged.

Changes made with ``QuerySet.update()`` send no signals: call ``invalidate()`` after
them.
"""

import hashlib
import logging
import os
import threading
import time
import uuid
from http.client import responses
from typing import NamedTuple

from django import db
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models import Min
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import (
    cc_delim_re,
    get_conditional_response,
    patch_cache_control,
    set_response_etag,
)

from .staff import is_staff_request

logger = logging.getLogger(__name__)

STATE_KEY = "pagecache:state"
# After a failed cache call, the seconds this process serves pages without trying the
# cache again: a Redis that is down or unreachable then costs one failed call every
# few seconds, not one (or a timeout) for every request.
RETRY_INTERVAL = 5
# Cache-Control directives that forbid keeping a response for everyone.
PRIVATE_DIRECTIVES = {"private", "no-cache", "no-store"}

_unavailable_until = 0.0


def _cache_call(operation, *args):
    """``operation(*args)``, or None if the cache fails (or failed a moment ago)."""
    global _unavailable_until
    if time.monotonic() < _unavailable_until:
        return None
    try:
        return operation(*args)
    except Exception as error:  # any Redis or network error: the cache is optional
        _unavailable_until = time.monotonic() + RETRY_INTERVAL
        logger.warning(
            "Page cache unavailable, serving pages without it: %s: %s", type(error).__name__, error
        )
        return None


class Entry(NamedTuple):
    """A cached page, as its URL's key holds it. When the page varies on request
    headers, the URL's entry only names them (``status`` is None), and each variant
    has an entry of its own under a key that adds their values."""

    generation: str
    date: str
    vary: tuple
    status: int | None = None
    headers: tuple = ()
    content: bytes = b""


class RecentPages:
    """The entries this process read or stored lately, up to ``limit`` bytes of pages,
    so that a hit need not read the page from the cache again. An entry is served only
    if its generation is the current one."""

    def __init__(self, limit):
        self.limit = limit
        self.size = 0
        self.entries = {}
        self.lock = threading.Lock()

    def get(self, key):
        return self.entries.get(key)

    def clear(self):
        with self.lock:
            self.entries, self.size = {}, 0

    def keep(self, key, entry):
        with self.lock:
            if (old := self.entries.pop(key, None)) is not None:
                self.size -= len(old.content)
            self.entries[key] = entry
            self.size += len(entry.content)
            while self.size > self.limit:  # the oldest go first
                oldest = next(iter(self.entries))
                self.size -= len(self.entries.pop(oldest).content)


_recent = RecentPages(limit=16 * 1024 * 1024)


CHANGES_CHANNEL = "pagecache:changes"


class StateWatch:
    """This process's copy of the state, so that a hit needs no cache round trip.

    It is trusted only while a subscription to CHANGES_CHANNEL, which every change of
    generation is published on, is provably up: a thread listens, and each message
    makes the copy be forgotten, to be read again from the cache by the next request.
    The thread pings Redis on the subscription's connection every second; Redis
    answers after every message published before, so an answer proves no change was
    missed. The copy is trusted for TRUST_FOR seconds after the last answer. Without a
    subscription (a cache without publish/subscribe, Redis down or hung, the
    connection lost and not yet back) every request reads the state from the cache, as
    if there were no copy.

    The thread also retries an invalidation that could not reach Redis, every second
    until it does (see _replace_generation).
    """

    # Seconds without a message after which the thread pings Redis; seconds after the
    # last answer for which the copy is trusted; seconds after which a connection that
    # does not answer is given up and made again.
    PING_AFTER = 1
    TRUST_FOR = 3
    GIVE_UP_AFTER = 5

    def __init__(self):
        self.state = None
        self.epoch = 0  # counts the changes heard of, and the subscriptions lost
        self.subscribed = False
        self.heard = 0.0  # time.monotonic() of the last message or answer from Redis
        self.invalidation_due = False
        self.pid = None
        self.lock = threading.Lock()

    def get(self):
        """The state, if this process knows it and may trust it; otherwise None."""
        if self.pid != os.getpid():  # first call in this process (a forked worker)
            self.start()
        state = self.state
        if state is None or time.monotonic() - self.heard > self.TRUST_FOR or _has_expired(state):
            return None
        return state

    def learn(self, state, epoch):
        """Keep ``state``, read from the cache when ``epoch`` was current, unless a change
        or a lost subscription came since."""
        with self.lock:
            if self.subscribed and epoch == self.epoch:
                self.state = state

    def forget(self, subscribed=None):
        with self.lock:
            self.epoch += 1
            self.state = None
            if subscribed is not None:
                self.subscribed = subscribed

    def stop(self):
        """Ends the listening thread within a second (tests)."""
        self.pid = None
        self.forget(subscribed=False)

    def start(self):
        self.pid = os.getpid()
        self.forget(subscribed=False)
        if settings.PAGE_CACHE and hasattr(cache, "subscribe"):
            threading.Thread(target=self.listen, name="pagecache-watch", daemon=True).start()

    def listen(self):
        while self.pid == os.getpid():
            try:
                self.follow(cache.subscribe(CHANGES_CHANNEL))
            except Exception as error:  # any Redis or network error
                logger.warning(
                    "Page cache change subscription lost, reading the state for every "
                    "request until it is back: %s: %s",
                    type(error).__name__,
                    error,
                )
            self.forget(subscribed=False)
            for _ in range(RETRY_INTERVAL):
                time.sleep(1)
                self.retry_invalidation()

    def follow(self, pubsub):
        started = time.monotonic()
        try:
            while self.pid == os.getpid():
                message = pubsub.get_message(timeout=1)
                now = time.monotonic()
                last = max(started, self.heard)
                if message is not None:
                    if message["type"] == "subscribe":
                        self.forget(subscribed=True)
                    elif message["type"] == "message":
                        self.forget()
                    self.heard = now
                elif now - last > self.GIVE_UP_AFTER:
                    raise ConnectionError(f"no answer from Redis in {self.GIVE_UP_AFTER} s")
                elif now - last > self.PING_AFTER:
                    pubsub.ping()
                self.retry_invalidation()
        finally:
            pubsub.close()

    def invalidate_later(self):
        """After an invalidation that did not reach Redis: this process forgets its
        copies at once, and the thread retries until Redis takes it."""
        self.invalidation_due = True
        forget_local_copies()

    def retry_invalidation(self):
        if not self.invalidation_due:
            return
        self.invalidation_due = False
        try:
            _replace_generation()  # which calls invalidate_later() again if it fails
        finally:
            db.connection.close()  # this thread's own connection


_watch = StateWatch()


def forget_local_copies():
    """Forget the state and pages this process keeps: for when the cache was emptied
    by other means than a change (tests; an operator's FLUSHDB)."""
    _watch.forget()
    _recent.clear()


def _announce_change():
    """Tells every process that the state changed (this one at once)."""
    _watch.forget()
    if hasattr(cache, "publish"):
        _cache_call(cache.publish, CHANGES_CHANNEL, "changed")


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


def may_serve_from_cache(environ):
    """Whether the request (its WSGI environ, or Django's request.META) may get a page
    from the cache: a GET or HEAD from anyone but staff (historyblog.staff: a signed
    cookie, checked without a query; a session cookie alone does not count), for
    anything but a static file."""
    if not (settings.PAGE_CACHE and environ.get("REQUEST_METHOD") in ("GET", "HEAD")):
        return False
    if is_staff_request(environ.get("HTTP_COOKIE", "")):
        return False
    return not environ.get("PATH_INFO", "").startswith(settings.STATIC_URL)


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
        key = _page_key(url)
        recent = _recent.get(key)
        state = _watch.get()
        found = {}
        if state is None or recent is None:
            # Read what this process does not know: the state, the page, or both.
            epoch = _watch.epoch
            keys = ([STATE_KEY] if state is None else []) + ([key] if recent is None else [])
            found = _cache_call(cache.get_many, keys)
            if found is None:
                return None
            if state is None:
                state = found.get(STATE_KEY)
                if state is None or _has_expired(state):
                    if not renew:
                        return None
                    state = _renew_state(state)
                _watch.learn(state, epoch)
        lookup = cls(environ, url, state)
        entry = lookup.fetch(key, recent, found)
        if entry is not None and entry.vary:
            variant = lookup.variant_key(entry.vary)
            entry = lookup.fetch(variant, _recent.get(variant))
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
            entry = self.current(_cache_call(cache.get, key))
        if entry is not None:
            _recent.keep(key, entry)
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
        return _page_key(self.url, varied)

    def store(self, response):
        vary = tuple(sorted({header.lower() for header in _vary_headers(response)}))
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
            entries = {_page_key(self.url): page._replace(status=None, headers=(), content=b"")}
            entries[self.variant_key(vary)] = page
        else:
            entries = {_page_key(self.url): page}
        if _cache_call(cache.set_many, entries, settings.PAGE_CACHE_TIMEOUT) is not None:
            for key, entry in entries.items():
                _recent.keep(key, entry)


def remembered(name, compute):
    """``compute()``, kept in the cache until the next change of generation (or of day):
    for figures over the whole site (how many articles each tag has) that change only
    when pages do, and that many pages show. Computed afresh when the page cache is
    off, or the cache is unavailable, or the state is due for renewal (the middleware
    renews it)."""
    if not settings.PAGE_CACHE:
        return compute()
    state = _watch.get() or _cache_call(cache.get, STATE_KEY)
    if state is None or _has_expired(state):
        return compute()
    key = f"pagecache:data:{state['generation']}:{timezone.localdate()}:{name}"
    value = _cache_call(cache.get, key)
    if value is None:
        value = compute()
        _cache_call(cache.set, key, value, settings.PAGE_CACHE_TIMEOUT)
    return value


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
        and "*" not in _vary_headers(response)
    )


def add_cache_headers(request, response):
    """Cache-Control for browsers and CDNs (unless the view chose its own, or in
    development, where an edited template must show at once), and an ETag so that a
    visit after max-age costs a 304."""
    if not response.has_header("Cache-Control") and not settings.DEBUG:
        if is_staff_request(request.META.get("HTTP_COOKIE", "")):
            # Staff see every change at once, even in their own browser's cache.
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


def _vary_headers(response):
    return [header for header in cc_delim_re.split(response.get("Vary", "")) if header]


def _digest(text):
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()


def _page_key(url, varied=None):
    key = f"pagecache:page:{_digest(url)}"
    return key if varied is None else f"{key}:{_digest(varied)}"


# Generations


def _has_expired(state):
    next_publish = state["next_publish"]
    return next_publish is not None and time.time() >= next_publish


def _new_state():
    """A new generation, with the next time a scheduled article becomes public; None if
    the database does not answer."""
    Article = apps.get_model("articles", "Article")
    try:
        # The published-status articles that published() does not show yet.
        next_publish = Article.objects.filter(
            status=Article.Status.PUBLISHED, publish_at__gt=timezone.now()
        ).aggregate(next=Min("publish_at"))["next"]
    except DatabaseError:
        return None
    return {
        "generation": uuid.uuid4().hex[:16],
        "next_publish": next_publish.timestamp() if next_publish else None,
    }


def _renew_state(expired):
    """The state to use when there is none in the cache, or when ``expired`` has."""
    state = _new_state()
    if state is None:
        return None
    if expired is None:
        # Several servers may start at once: keep whichever generation came first.
        if not _cache_call(cache.add, STATE_KEY, state, None):
            state = _cache_call(cache.get, STATE_KEY) or state
    else:
        _cache_call(cache.set, STATE_KEY, state, None)
        _announce_change()
    return state


def _replace_generation():
    state = _new_state()
    try:
        if state is None:
            raise DatabaseError("the next publish time could not be read")
        cache.set(STATE_KEY, state, None)
        _announce_change()
    except Exception as error:
        logger.error(
            "Cached pages could not be invalidated after a change, retrying every second: %s: %s",
            type(error).__name__,
            error,
        )
        _watch.invalidate_later()


def invalidate(**kwargs):
    """Drop every cached page, on every server.

    Called at once, and again when the transaction (if any) commits: a page rendered
    from the not-yet-committed data in between would otherwise be stored under the new
    generation and outlive the change.
    """
    if not settings.PAGE_CACHE:
        return
    _replace_generation()
    connection = transaction.get_connection(kwargs.get("using"))
    if connection.in_atomic_block:
        transaction.on_commit(_replace_generation, using=kwargs.get("using"))


def _invalidate_on_m2m_change(action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        invalidate(**kwargs)


def connect_invalidation():
    """Invalidate cached pages whenever what public pages show changes.

    Signals are the right tool here, and only here: cache invalidation cuts across
    every way a change reaches the database (the admin, revisions, management
    commands, the shell), which no single call site can promise.
    """
    Tag = apps.get_model("taggit", "Tag")
    Article = apps.get_model("articles", "Article")
    Author = apps.get_model("articles", "Author")
    TaggedArticle = apps.get_model("articles", "TaggedArticle")
    for model in (Article, Author, Tag, TaggedArticle):
        uid = f"pagecache:{model._meta.label}"
        post_save.connect(invalidate, sender=model, dispatch_uid=uid, weak=False)
        post_delete.connect(invalidate, sender=model, dispatch_uid=uid, weak=False)
    m2m_changed.connect(
        _invalidate_on_m2m_change,
        sender=TaggedArticle,
        dispatch_uid="pagecache:tags",
        weak=False,
    )
