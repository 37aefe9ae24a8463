"""historyblog.ratelimit: counts per scope and key, in fixed windows, and lets requests
through when the cache cannot count them."""

import time_machine
from django.core.cache import cache

from historyblog import ratelimit


@time_machine.travel("2026-05-01 12:00:00", tick=False)
def test_a_key_is_refused_once_over_its_limit_until_the_next_window():
    assert [ratelimit.allow("test", "10.0.0.1", 3, 60) for _ in range(5)] == [
        True,
        True,
        True,
        False,
        False,
    ]
    # Other keys and other scopes are counted apart.
    assert ratelimit.allow("test", "10.0.0.2", 3, 60)
    assert ratelimit.allow("other", "10.0.0.1", 3, 60)
    with time_machine.travel("2026-05-01 12:01:00", tick=False):
        assert ratelimit.allow("test", "10.0.0.1", 3, 60)


def test_a_limit_of_zero_or_less_allows_everything():
    assert all(ratelimit.allow("test", "k", 0, 60) for _ in range(10))


def test_a_cache_that_fails_lets_the_request_through(monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise ConnectionError("cache is down")

    monkeypatch.setattr(cache, "add", broken)
    assert ratelimit.allow("test", "10.0.0.1", 1, 60)
    assert "not counted" in caplog.text
