"""The site as an operator runs it: settings from the environment, `check --deploy`,
gunicorn with the repository's config, whitenoise, the headers a browser receives, the
Mozilla HTTP Observatory grade, and the 503 page when the database is down."""

import json
import os
import re
import subprocess

import pytest
from django.conf import settings
from django.contrib.sessions.middleware import SessionMiddleware
from django.db import InterfaceError, OperationalError, connection

from articles.models import ArticleQuerySet

from . import observatory
from .servers import PYTHON, REPO, Browser, Gunicorn, manage, production_env, set_up_site

# What a reverse proxy in front of gunicorn adds to every request it forwards.
VIA_PROXY = {
    "Host": "history.example.org",
    "X-Forwarded-Proto": "https",
    "X-Forwarded-For": "203.0.113.7",
}

SETUP = """
from django.contrib.auth import get_user_model
from articles.models import Article, Author
author = Author.objects.create(display_name="Ada Clerk", slug="ada-clerk")
Article.objects.create(
    title="Rosetta Stone Found", slug="rosetta-stone-found", event_year=1799,
    event_month=7, event_day=15, body="Soldiers found a stone.", author=author,
    status="published",
)
get_user_model().objects.create_superuser("ops", "ops@example.org", "Correct-Horse-42")
"""


def settings_in(env, expression):
    """``expression`` evaluated against the settings a process with ``env`` reads."""
    code = (
        "import django, json; django.setup(); from django.conf import settings; "
        f"print(json.dumps({expression}, default=str))"
    )
    finished = subprocess.run(
        [PYTHON, "-c", code],
        cwd=REPO,
        env={**env, "DJANGO_SETTINGS_MODULE": "historyblog.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert finished.returncode == 0, finished.stderr
    return json.loads(finished.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def site_files(tmp_path_factory):
    """A production environment with its static files collected and a small database."""
    folder = tmp_path_factory.mktemp("production")
    env = production_env(folder)
    set_up_site(env, SETUP)
    return folder, env


@pytest.fixture(scope="module")
def server(site_files):
    folder, env = site_files
    gunicorn = Gunicorn(env, workers=2, log_path=folder / "gunicorn.log")
    yield gunicorn
    gunicorn.stop()


@pytest.fixture
def browser(server):
    return Browser(server.port, **VIA_PROXY)


# Settings from the environment


def test_secret_key_is_required_when_debug_is_off(tmp_path):
    env = production_env(tmp_path)
    del env["SECRET_KEY"]
    finished = subprocess.run(
        [PYTHON, "manage.py", "check"], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert finished.returncode != 0
    assert "SECRET_KEY is not set" in finished.stderr


def test_check_deploy_finds_nothing_to_warn_about(tmp_path):
    env = production_env(tmp_path, REDIS_URL="redis://127.0.0.1:6379/15")
    output = manage(env, "check", "--deploy", "--fail-level", "WARNING")
    assert "System check identified no issues" in output


def test_postgresql_gets_a_statement_timeout_and_a_connect_timeout(tmp_path):
    env = production_env(
        tmp_path,
        DATABASE_URL="postgres://blog@db.internal:5432/blog?sslmode=require",
        DATABASE_STATEMENT_TIMEOUT="2500",
    )
    database = settings_in(env, "settings.DATABASES['default']")
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert database["CONN_MAX_AGE"] == 60
    assert database["CONN_HEALTH_CHECKS"] is True
    assert database["OPTIONS"]["sslmode"] == "require"
    assert database["OPTIONS"]["connect_timeout"] == 5
    assert database["OPTIONS"]["options"] == "-c statement_timeout=2500"


def test_redis_url_selects_the_redis_cache_and_turns_the_page_cache_on(tmp_path):
    env = production_env(tmp_path, REDIS_URL="redis://cache.internal:6379/2")
    caches, page_cache = settings_in(env, "[settings.CACHES, settings.PAGE_CACHE]")
    assert caches["default"]["BACKEND"] == "historyblog.cache.RedisCache"
    assert caches["default"]["LOCATION"] == "redis://cache.internal:6379/2"
    assert page_cache is True


def test_without_redis_each_process_has_its_own_cache_and_no_page_cache(tmp_path):
    caches, page_cache = settings_in(
        production_env(tmp_path), "[settings.CACHES, settings.PAGE_CACHE]"
    )
    assert caches["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert page_cache is False


@pytest.mark.parametrize(
    "variables",
    [
        {"AWS_S3_CUSTOM_DOMAIN": "media.example.org"},
        {"AWS_S3_ENDPOINT_URL": "https://s3.eu-central.example.net"},
        {"AWS_S3_REGION_NAME": "eu-west-1"},
    ],
    ids=["cdn-domain", "s3-compatible-endpoint", "aws"],
)
def test_object_storage_serves_media_from_an_origin_the_csp_allows(tmp_path, variables):
    env = production_env(
        tmp_path,
        AWS_STORAGE_BUCKET_NAME="history-media",
        AWS_ACCESS_KEY_ID="test-key",
        AWS_SECRET_ACCESS_KEY="test-secret",
        **variables,
    )
    backend, url, image_sources = settings_in(
        env,
        "[settings.STORAGES['default']['BACKEND'], "
        "__import__('django.core.files.storage').core.files.storage.default_storage"
        ".url('articles/2026/stone.jpg'), "
        "settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']]",
    )
    assert backend == "storages.backends.s3.S3Storage"
    assert "?" not in url  # plain public URLs, no signature that expires
    origin = "/".join(url.split("/")[:3])
    assert origin in image_sources


@pytest.mark.django_db
def test_statement_timeout_reaches_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("the statement timeout is a PostgreSQL setting")
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        (value,) = cursor.fetchone()
    assert value in ("15s", "15000ms")


def test_a_slow_query_is_cancelled_by_the_statement_timeout(tmp_path):
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        pytest.skip("the statement timeout is a PostgreSQL setting: set DATABASE_URL")
    env = production_env(
        tmp_path,
        DATABASE_URL=os.environ["DATABASE_URL"],
        DATABASE_STATEMENT_TIMEOUT="200",
    )
    code = """
from django.db import connection
try:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_sleep(3)")
except Exception as error:
    print(type(error.__cause__).__name__)
"""
    assert manage(env, "shell", "-c", code).splitlines()[-1] == "QueryCanceled"


# gunicorn, whitenoise and the headers


def test_gunicorn_logs_json_lines_to_stdout(server, browser):
    logged = server.output().count('"gunicorn.access"')
    browser.get("/")
    output = server.output_once(lambda text: text.count('"gunicorn.access"') > logged)
    lines = [line for line in output.splitlines() if line.strip()]
    entries = [json.loads(line) for line in lines]
    assert any(entry["logger"] == "gunicorn.error" for entry in entries)
    access = [entry for entry in entries if entry["logger"] == "gunicorn.access"]
    assert access and access[-1]["path"] == "/" and access[-1]["status"] == "200"


def test_plain_http_is_redirected_to_https_on_the_same_host(server):
    response = Browser(server.port, Host="history.example.org").get("/timeline/")
    assert response.status == 301
    assert response["Location"] == "https://history.example.org/timeline/"


def test_load_balancer_health_checks_need_no_https(server):
    response = Browser(server.port, Host="127.0.0.1").get("/healthz")
    assert (response.status, response.text) == (200, "ok\n")


def test_static_files_are_hashed_compressed_and_cached_for_ever(browser):
    home = browser.get("/").text
    stylesheet = home.split('<link rel="stylesheet" href="', 1)[1].split('"', 1)[0]
    assert stylesheet.startswith("/static/css/site.") and stylesheet.endswith(".css")
    assert stylesheet != "/static/css/site.css"  # a hashed name
    response = browser.get(stylesheet, **{"Accept-Encoding": "gzip"})
    assert response.status == 200
    assert response["Content-Encoding"] == "gzip"
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert {"public", "immutable"} <= directives
    assert "max-age=315360000" in directives


@pytest.mark.parametrize("path", ["/", "/articles/rosetta-stone-found/", "/admin/login/"])
def test_security_headers(browser, path):
    response = browser.get(path)
    assert response.status == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    policy = observatory.parse_csp(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'none'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]


def test_cookies_are_secure_httponly_and_samesite(browser):
    login = browser.get("/admin/login/")
    (csrf_cookie,) = login.headers.get_all("Set-Cookie")
    assert "Secure" in csrf_cookie and "SameSite=Lax" in csrf_cookie
    token = login.text.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    logged_in = browser.post(
        "/admin/login/?next=/admin/",
        f"csrfmiddlewaretoken={token}&username=ops&password=Correct-Horse-42&next=/admin/",
        Referer="https://history.example.org/admin/login/",
    )
    assert logged_in.status == 302
    session = next(c for c in logged_in.headers.get_all("Set-Cookie") if c.startswith("sessionid"))
    assert all(flag in session for flag in ("Secure", "HttpOnly", "SameSite=Lax"))


@pytest.mark.parametrize("path", ["/", "/articles/rosetta-stone-found/", "/admin/login/"])
def test_mozilla_observatory_grades_the_page_a_plus(browser, path):
    response = browser.get(path)
    report = observatory.evaluate(
        f"https://history.example.org{path}", response.headers, response.text
    )
    assert report.score >= 100, str(report)
    assert report.grade == "A+"


# The database down


def test_database_down_gives_a_styled_503_page_and_healthz_503(site_files, tmp_path):
    _folder, env = site_files
    env = {
        **env,
        "DATABASE_URL": "postgres://historyblog@127.0.0.1:1/historyblog",
        "SITE_URL": "http://127.0.0.1",
    }
    gunicorn = Gunicorn(env, log_path=tmp_path / "gunicorn.log")
    try:
        browser = Browser(gunicorn.port)
        page = browser.get("/")
        health = browser.get("/healthz")
        stylesheet = page.text.split('<link rel="stylesheet" href="', 1)[1].split('"', 1)[0]
        css = browser.get(stylesheet)
    finally:
        gunicorn.stop()
    assert page.status == 503
    assert page["Retry-After"] == "30"
    assert "no-store" in page["Cache-Control"]
    assert "We will be back in a moment" in page.text
    assert css.status == 200  # styled by the hashed stylesheet, served without the database
    assert health.status == 503
    assert '"logger": "historyblog.errors"' in gunicorn.output()


@pytest.mark.django_db
def test_a_database_error_in_a_view_gives_the_503_page(client, monkeypatch):
    def unreachable(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(ArticleQuerySet, "published", unreachable)
    response = client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert b"We will be back in a moment" in response.content


@pytest.mark.django_db
def test_a_database_error_outside_a_view_gives_the_503_page_too(client, monkeypatch):
    def unreachable(*args, **kwargs):
        raise InterfaceError("connection already closed")

    monkeypatch.setattr(SessionMiddleware, "process_response", unreachable)
    client.raise_request_exception = False
    response = client.get("/timeline/")
    assert response.status_code == 503
    assert b"We will be back in a moment" in response.content


def test_every_environment_variable_is_documented_with_its_default():
    read = set()
    sources = [*(REPO / "historyblog" / "settings").glob("*.py"), REPO / "gunicorn.conf.py"]
    for source in sources:
        text = source.read_text()
        read |= set(
            re.findall(r'(?:environ\.get|env_bool|env_int|env_list)\("([A-Z0-9_]+)"', text)
        )
    assert {"DATABASE_URL", "REDIS_URL", "AWS_S3_ENDPOINT_URL", "WEB_CONCURRENCY"} <= read
    deploy = (REPO / "docs" / "deploy.md").read_text()
    example = (REPO / ".env.example").read_text()
    assert sorted(name for name in read if f"| `{name}` |" not in deploy) == []
    assert sorted(name for name in read if f"\n{name}=" not in example) == []


def test_upload_limits_are_set_deliberately():
    assert settings.DATA_UPLOAD_MAX_NUMBER_FILES == 10
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE == 1024 * 1024
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE == 2_621_440
    # docs/deploy.md tells the proxy to accept a picture and its form, and no more.
    deploy = (REPO / "docs" / "deploy.md").read_text()
    assert "client_max_body_size 12m;" in deploy
    # The largest picture and form still fit under the proxy's limit, framing included.
    assert settings.PICTURE_MAX_BYTES + settings.DATA_UPLOAD_MAX_MEMORY_SIZE < 12 * 1024 * 1024
