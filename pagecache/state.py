"""The state every cached page is checked against: the *generation*, a token kept in
the cache and replaced by every change, on any server (invalidate()), with the time of
the next change that comes without a save (settings.PAGE_CACHE_NEXT_CHANGE), after
which it is replaced too.

Each process keeps a copy of the state (StateWatch), trusted while Redis
publish/subscribe proves that no change was missed, so that a hit needs no cache round
trip. remembered() keeps figures in the cache until the next change of generation.
"""

import logging
import os
import threading
import time
import uuid

from django import db
from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils import timezone

from . import backend, conf
from .store import fragments, recent_pages

logger = logging.getLogger(__name__)

STATE_KEY = "pagecache:state"
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
        self.start_once()
        state = self.state
        if state is None or time.monotonic() - self.heard > self.TRUST_FOR or has_expired(state):
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

    def start_once(self):
        if self.pid != os.getpid():  # first call in this process (a forked worker)
            self.start()

    def start(self):
        self.pid = os.getpid()
        self.forget(subscribed=False)
        if settings.PAGE_CACHE and hasattr(backend.cache, "subscribe"):
            threading.Thread(target=self.listen, name="pagecache-watch", daemon=True).start()

    def listen(self):
        while self.pid == os.getpid():
            try:
                self.follow(backend.cache.subscribe(CHANGES_CHANNEL))
            except Exception as error:  # any Redis or network error
                logger.warning(
                    "Page cache change subscription lost, reading the state for every "
                    "request until it is back: %s: %s",
                    type(error).__name__,
                    error,
                )
            self.forget(subscribed=False)
            for _ in range(backend.RETRY_INTERVAL):
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
        copies at once, and the thread retries until Redis takes it (started now if
        this process has not served a page yet: an editor's first request may be the
        change)."""
        self.invalidation_due = True
        self.start_once()
        forget_local_copies()

    def retry_invalidation(self):
        if not self.invalidation_due:
            return
        self.invalidation_due = False
        try:
            _replace_generation()  # which calls invalidate_later() again if it fails
        finally:
            db.connection.close()  # this thread's own connection


watch = StateWatch()


def forget_local_copies():
    """Forget the state, pages and fragments this process keeps: for when the cache was emptied
    by other means than a change (tests; an operator's FLUSHDB)."""
    watch.forget()
    recent_pages.clear()
    fragments.clear()


def _announce_change():
    """Tells every process that the state changed (this one at once)."""
    watch.forget()
    if hasattr(backend.cache, "publish"):
        backend.call("publish", CHANGES_CHANNEL, "changed")


def has_expired(state):
    """Whether the time of the next change ``state`` knows of has come."""
    next_publish = state["next_publish"]
    return next_publish is not None and time.time() >= next_publish


def _new_state():
    """A new generation, with the next time pages change without a save; None if the
    database does not answer."""
    try:
        next_change = conf.next_change()
    except DatabaseError:
        return None
    return {
        "generation": uuid.uuid4().hex[:16],
        "next_publish": next_change.timestamp() if next_change else None,
    }


def renew_state(expired):
    """The state to use when there is none in the cache, or when ``expired`` has."""
    state = _new_state()
    if state is None:
        return None
    if expired is None:
        # Several servers may start at once: keep whichever generation came first.
        if not backend.call("add", STATE_KEY, state, None):
            state = backend.call("get", STATE_KEY) or state
    else:
        backend.call("set", STATE_KEY, state, None)
        _announce_change()
    return state


def _replace_generation():
    state = _new_state()
    try:
        if state is None:
            raise DatabaseError("the time of the next change could not be read")
        backend.cache.set(STATE_KEY, state, None)
        _announce_change()
    except Exception as error:
        logger.error(
            "Cached pages could not be invalidated after a change, retrying every second: %s: %s",
            type(error).__name__,
            error,
        )
        watch.invalidate_later()


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


def remembered(name, compute):
    """``compute()``, kept in the cache until the next change of generation (or of day):
    for figures over the whole site that change only when pages do, and that many
    pages show. Computed afresh when the page cache is off, or the cache is
    unavailable, or the state is due for renewal (the middleware renews it)."""
    if not settings.PAGE_CACHE:
        return compute()
    state = watch.get() or backend.call("get", STATE_KEY)
    if state is None or has_expired(state):
        return compute()
    key = f"pagecache:data:{state['generation']}:{timezone.localdate()}:{name}"
    value = backend.call("get", key)
    if value is None:
        value = compute()
        backend.call("set", key, value, settings.PAGE_CACHE_TIMEOUT)
    return value
