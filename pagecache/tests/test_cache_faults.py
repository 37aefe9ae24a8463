"""The page cache when Redis hangs: a Redis server of the test's own, on its own port,
paused with SIGSTOP (not stopped: connections stay open and nothing answers) while an
editor changes an article on a production gunicorn with two workers.

The deploy guide's promise: a change is on every page within STALE_BOUND seconds of
Redis answering again, and while it does not answer, no worker serves a page from its
own memory for longer than a few seconds after the change."""

import os
import time

import pytest

import pagecache.state
from tests.servers import (
    Browser,
    Gunicorn,
    RedisServer,
    log_in,
    production_env,
    set_up_site,
    submit_change_form,
)

PASSWORD = "Correct-Horse-42"
SETUP = f"""
from django.contrib.auth import get_user_model
from articles.models import Article, Author
author = Author.objects.create(display_name="Ada Clerk", slug="ada-clerk")
article = Article.objects.create(
    title="Rosetta Stone Found", slug="rosetta-stone-found", event_year=1799,
    event_month=7, event_day=15, body="Soldiers found a stone.", author=author,
    status="published",
)
get_user_model().objects.create_superuser("ops", "ops@example.org", "{PASSWORD}")
print(article.pk)
"""
# Seconds after Redis answers again by which every page shows a change made while it
# hung: the watch thread retries the failed invalidation every second.
STALE_BOUND = 5


@pytest.fixture
def redis_server(tmp_path):
    if not os.path.exists("/usr/bin/redis-server") and os.environ.get("CI") != "true":
        pytest.skip("needs redis-server")
    server = RedisServer(tmp_path)
    yield server
    server.stop()


@pytest.fixture
def site(tmp_path, redis_server):
    env = production_env(
        tmp_path,
        REDIS_URL=redis_server.url,
        ALLOWED_HOSTS="127.0.0.1",
        SITE_URL="http://127.0.0.1",
        CSRF_TRUSTED_ORIGINS="",
        TRUSTED_PROXY_COUNT="0",
    )
    article_id = set_up_site(env, SETUP)
    server = Gunicorn(env, workers=2, log_path=tmp_path / "gunicorn.log")
    yield server, f"/admin/articles/article/{article_id}/change/"
    server.stop()


def titles_seen(reader, requests=8):
    """The title each of ``requests`` requests shows (spread over both workers)."""
    seen = []
    for _ in range(requests):
        page = reader.get("/articles/rosetta-stone-found/").text
        seen.append("Stone Deciphered" if "Stone Deciphered" in page else "Stone Found")
    return seen


def test_a_change_made_while_redis_hangs_is_on_every_page_soon_after(redis_server, site):
    server, change_form = site
    reader, editor = Browser(server.port), Browser(server.port)
    for _ in range(8):  # both workers keep the page, and the state, in memory
        reader.get("/articles/rosetta-stone-found/")
    assert reader.get("/articles/rosetta-stone-found/")["X-Cache"] == "HIT"
    log_in(editor, PASSWORD)

    # Connections Redis dropped (an idle timeout, a restart): the edit's invalidation
    # needs a new one, whose handshake gets no answer, so nothing of it reaches Redis.
    redis_server.command("CLIENT", "KILL", "TYPE", "normal")
    redis_server.pause()
    submit_change_form(editor, change_form, title="Rosetta Stone Deciphered")
    # Without an answer from Redis, a worker trusts its own copies for a few seconds.
    time.sleep(pagecache.state.StateWatch.TRUST_FOR + 1)
    assert set(titles_seen(reader)) == {"Stone Deciphered"}

    redis_server.resume()
    time.sleep(STALE_BOUND)
    assert set(titles_seen(reader)) == {"Stone Deciphered"}
    # ...and cached again, under a generation every worker follows.
    assert reader.get("/articles/rosetta-stone-found/")["X-Cache"] == "HIT"
