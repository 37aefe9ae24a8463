"""Proof that the app servers share nothing but PostgreSQL and Redis: two gunicorn
servers on two ports, an article published in the admin of the first, seen at once on
the second, whose cached pages a later edit invalidates.

Needs PostgreSQL (DATABASE_URL) and Redis (REDIS_URL); skipped where they are not
configured, and failing, not skipped, where CI=true and either does not answer.
"""

import os
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
import redis

from .servers import (
    Browser,
    Gunicorn,
    log_in,
    production_env,
    set_up_site,
    submit_change_form,
)

DATABASE_URL = os.environ.get("DATABASE_URL", "")
REDIS_URL = os.environ.get("REDIS_URL", "")
DATABASE = "historyblog_stateless"
# A Redis database of its own, emptied before and after.
REDIS_DATABASE = 14
PASSWORD = "Correct-Horse-42"

SETUP = f"""
from django.contrib.auth import get_user_model
from articles.models import Article, Author
author = Author.objects.create(display_name="Ada Clerk", slug="ada-clerk")
Article.objects.create(
    title="Already Out", slug="already-out", event_year=1799, author=author,
    status="published",
)
draft = Article.objects.create(
    title="Treaty of Paris Signed", slug="treaty-of-paris", event_year=1783,
    event_month=9, event_day=3, body="Peace at last.", author=author,
)
get_user_model().objects.create_superuser("ops", "ops@example.org", "{PASSWORD}")
print(draft.pk)
"""


def with_path(url, path):
    return urlunsplit(urlsplit(url)._replace(path=path))


@pytest.fixture(scope="module")
def services():
    """The URLs of a fresh database and an empty Redis database of our own."""
    if not DATABASE_URL.startswith(("postgres://", "postgresql://")) or not REDIS_URL:
        pytest.skip("needs PostgreSQL and Redis: set DATABASE_URL and REDIS_URL")
    server_url = with_path(DATABASE_URL, "/postgres")
    redis_url = with_path(REDIS_URL, f"/{REDIS_DATABASE}")
    try:
        with psycopg.connect(server_url, autocommit=True, connect_timeout=5) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
            admin.execute(f"CREATE DATABASE {DATABASE}")
        redis.Redis.from_url(redis_url, socket_connect_timeout=2).flushdb()
    except (psycopg.OperationalError, redis.ConnectionError) as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL or Redis is configured but does not answer: {error}")
        pytest.skip(f"PostgreSQL or Redis does not answer: {error}")
    yield with_path(DATABASE_URL, f"/{DATABASE}"), redis_url
    redis.Redis.from_url(redis_url).flushdb()
    with psycopg.connect(server_url, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")


def test_two_app_servers_share_only_the_database_and_the_cache(services, tmp_path):
    database_url, redis_url = services
    env = production_env(
        tmp_path,
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        ALLOWED_HOSTS="127.0.0.1",
        SITE_URL="http://127.0.0.1",
        CSRF_TRUSTED_ORIGINS="",
        TRUSTED_PROXY_COUNT="0",
    )
    draft_id = set_up_site(env, SETUP)
    change_form = f"/admin/articles/article/{draft_id}/change/"

    first = second = None
    try:
        first = Gunicorn(env, workers=2, log_path=tmp_path / "first.log")
        second = Gunicorn(env, workers=2, log_path=tmp_path / "second.log")
        editor, reader = Browser(first.port), Browser(second.port)

        # The second server caches its home page; the draft is nowhere to be seen.
        assert reader.get("/")["X-Cache"] == "MISS"
        home = reader.get("/")
        assert home["X-Cache"] == "HIT"
        assert "Treaty of Paris Signed" not in home.text
        assert reader.get("/articles/treaty-of-paris/").status == 404

        # Published in the admin of the first server...
        log_in(editor, PASSWORD)
        submit_change_form(editor, change_form, status="published")

        # ...it is on the second at once: its page, and its cached home page.
        article = reader.get("/articles/treaty-of-paris/")
        assert article.status == 200
        assert "Treaty of Paris Signed" in article.text
        home = reader.get("/")
        assert home["X-Cache"] == "MISS"
        assert "Treaty of Paris Signed" in home.text
        assert reader.get("/articles/treaty-of-paris/")["X-Cache"] == "HIT"

        # An edit on the first invalidates the second's cached pages.
        submit_change_form(editor, change_form, title="Treaty of Paris Ends the War")
        article = reader.get("/articles/treaty-of-paris/")
        assert article["X-Cache"] == "MISS"
        assert "Treaty of Paris Ends the War" in article.text

        # The login made on the first server is good on the second: sessions are shared.
        staff_on_second = Browser(second.port)
        staff_on_second.cookies = dict(editor.cookies)
        assert staff_on_second.get("/admin/").status == 200
    finally:
        for server in (first, second):
            if server is not None:
                server.stop()
