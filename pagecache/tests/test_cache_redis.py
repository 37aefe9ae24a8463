"""The page cache on Redis, as production runs it: each process keeps the state, and
learns of every change from Redis publish/subscribe, so a hit costs no round trip.
Needs Redis (REDIS_URL); CI runs these with PostgreSQL and Redis."""

import os
import time

import pytest
from django.core.cache import cache

import pagecache.backend
import pagecache.state
from tests.factories import make_article

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs Redis: set REDIS_URL"),
]


@pytest.fixture(autouse=True)
def redis_page_cache(settings):
    settings.PAGE_CACHE = True
    settings.CACHES = {
        "default": {
            "BACKEND": "historyblog.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "test-pagecache",
        }
    }
    cache.clear()


@pytest.fixture
def watch(monkeypatch):
    """A StateWatch of its own, as a freshly started process has."""
    watch = pagecache.state.StateWatch()
    watch.get()
    eventually(lambda: watch.subscribed)
    monkeypatch.setattr(pagecache.state, "watch", watch)
    yield watch
    watch.stop()


def eventually(condition, timeout=5):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "did not happen in time"
        time.sleep(0.01)


STATE = {"generation": "g1", "next_publish": None}


def test_a_change_published_by_another_process_is_heard(watch):
    watch.learn(STATE, watch.epoch)
    assert watch.get() == STATE
    cache.publish(pagecache.state.CHANGES_CHANNEL, "changed")  # as another server does
    eventually(lambda: watch.get() is None, timeout=2)


def test_a_state_read_before_a_change_is_not_kept_after_it(watch):
    epoch = watch.epoch
    watch.forget()  # a change heard while the state was being read
    watch.learn(STATE, epoch)
    assert watch.get() is None


def test_without_a_subscription_the_state_is_not_kept(watch):
    watch.stop()
    watch.learn(STATE, watch.epoch)
    assert watch.get() is None


class NoCache:
    def __getattr__(self, name):
        raise AssertionError(f"the cache was asked ({name})")


def test_a_hit_on_a_known_page_needs_no_round_trip(client, watch, monkeypatch):
    make_article(title="The Blitz Begins")
    assert client.get("/")["X-Cache"] == "MISS"
    assert client.get("/")["X-Cache"] == "HIT"  # the state is known here now

    monkeypatch.setattr(pagecache.backend, "cache", NoCache())
    response = client.get("/")
    assert response["X-Cache"] == "HIT" and b"The Blitz Begins" in response.content


def test_a_change_in_this_process_shows_at_once(client, watch):
    article = make_article(title="First Title")
    client.get("/")
    client.get("/")
    article.title = "Second Title"
    article.save()
    response = client.get("/")
    assert response["X-Cache"] == "MISS" and b"Second Title" in response.content


def test_the_copy_is_not_trusted_once_redis_stops_answering(watch):
    watch.learn(STATE, watch.epoch)
    assert watch.get() == STATE
    # As if Redis had answered no ping for longer than the copy is trusted.
    watch.heard = time.monotonic() - pagecache.state.StateWatch.TRUST_FOR - 0.1
    assert watch.get() is None


class RefusingWrites:
    """The cache, refusing writes until ``refusing`` is cleared (Redis hung a moment)."""

    def __init__(self):
        self.refusing = True

    def set(self, *args):
        if self.refusing:
            raise ConnectionError("Redis did not answer")
        return cache.set(*args)

    def __getattr__(self, name):
        return getattr(cache, name)


def test_a_change_that_did_not_reach_redis_is_retried_by_a_process_that_served_no_page(
    monkeypatch,
):
    # A worker whose first request is an editor's save: nothing has started its watch yet.
    watch = pagecache.state.StateWatch()
    monkeypatch.setattr(pagecache.state, "watch", watch)
    flaky = RefusingWrites()
    monkeypatch.setattr(pagecache.backend, "cache", flaky)
    cache.set(pagecache.state.STATE_KEY, STATE, None)
    try:
        pagecache.state.invalidate()
        assert cache.get(pagecache.state.STATE_KEY) == STATE
        flaky.refusing = False  # Redis answers again
        eventually(lambda: cache.get(pagecache.state.STATE_KEY) != STATE, timeout=4)
    finally:
        watch.stop()
