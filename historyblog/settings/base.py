"""The core: the site's address, apps, middleware, templates, database, cache, page
cache, logging and time zone."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from historyblog.environment import env_bool, env_int, env_list
from historyblog.logs import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent.parent


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it to a long random string, or set DEBUG=true "
            "for local development."
        )
    SECRET_KEY = "development-only-key-not-for-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The public address of the site, used wherever an absolute URL is needed.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_NAME = os.environ.get("SITE_NAME", "historyblog")

INSTALLED_APPS = [
    # django.contrib.admin, with the admin site that can require two-factor login.
    "historyblog.apps.AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "taggit",
    "reversion",
    "pagecache",
    "pictures",
    "articles",
    "sharing",
    "digest",
    "opendata",
    "desk",
    "wordpress",
    "briefs",
    "historyblog",
]
# The demo app (demo/): sample content, the benchmark's synthetic articles and the
# development admin login. Installed in development, not in production unless asked;
# the test suite's settings (historyblog/settings_test.py) install it whatever DEMO says.
DEMO = env_bool("DEMO", DEBUG)
if DEMO:
    INSTALLED_APPS.append("demo")

MIDDLEWARE = [
    # Before anything reads the request: a 400 for an address with a control character
    # (NUL included) or a path of thousands of characters (historyblog/security.py).
    "historyblog.security.MalformedAddressMiddleware",
    # Before anything that may query the database: the request waits at most
    # DATABASE_WAIT seconds for each answer from PostgreSQL.
    "historyblog.database_wait.DatabaseWaitMiddleware",
    # Then: a hit is served with the headers stored with the page, and skips the rest.
    # (historyblog.wsgi serves hits before Django's request handling; this serves them
    # to every other caller, and stores the pages.)
    "pagecache.middleware.PageCacheMiddleware",
    # Headers every response carries; none of these touches the database.
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "historyblog.security.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Answers If-None-Match with 304, from the ETag set just below.
    "django.middleware.http.ConditionalGetMiddleware",
    "pagecache.middleware.CacheHeadersMiddleware",
    "historyblog.errors.DatabaseUnavailableMiddleware",
    # Old WordPress addresses (/?p=12, /2020/08/20/slug/) answer 301 to their articles.
    "wordpress.middleware.OldAddressMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Gives staff the signed cookie that has them bypass the page cache, and takes it
    # back at logout (historyblog/staff.py).
    "historyblog.staff.StaffCookieMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Last, as django-axes asks: it turns a refused login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "historyblog.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "articles.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "historyblog.wsgi.application"

# ---------- Database ----------
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    # A database that does not answer fails the request in seconds (a 503 page), not
    # after the operating system's TCP timeout of minutes.
    _options.setdefault("connect_timeout", env_int("DATABASE_CONNECT_TIMEOUT", 5))
    # PostgreSQL cancels a statement running longer than this (milliseconds; 0 for
    # none): a request gives up sooner (DATABASE_WAIT, below), but the server would
    # otherwise run on with the query, and management commands have no other limit.
    _statement_timeout = env_int("DATABASE_STATEMENT_TIMEOUT", 15_000)
    _options["options"] = " ".join(
        filter(None, [_options.get("options"), f"-c statement_timeout={_statement_timeout}"])
    )
    # The cursor that lets a request stop waiting (historyblog/database_wait.py).
    from historyblog.database_wait import Cursor as _WatchedCursor

    _options["cursor_factory"] = _WatchedCursor

# Seconds a request waits for PostgreSQL to answer a query before it gives up with the
# 503 page (0: as long as it takes). A server that stopped running keeps its connections
# open, and nothing else would end the wait before gunicorn kills the worker.
DATABASE_WAIT = env_int("DATABASE_WAIT", 5)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# ---------- Cache ----------
# Redis is shared by every app server: the page cache, and its invalidation, reach all
# of them. Without it each process has a cache of its own, so the page cache is off.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    # Seconds to wait for Redis. Short, because every cache call is optional: the site
    # serves pages without the cache when Redis is slow or gone.
    _redis_timeout = float(os.environ.get("REDIS_TIMEOUT") or 0.25)
    CACHES = {
        "default": {
            # Django's backend, keeping its redis-py clients (historyblog/cache.py).
            "BACKEND": "historyblog.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX") or "historyblog",
            "OPTIONS": {
                "socket_connect_timeout": _redis_timeout,
                "socket_timeout": _redis_timeout,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Pages for anonymous readers are kept in the cache (the pagecache app) and
# dropped whenever an article, author or tag changes. Off in development, where a
# changed template must show at once, and without a shared cache (see above).
PAGE_CACHE = env_bool("PAGE_CACHE", bool(REDIS_URL) and not DEBUG)
# Seconds a cached page is kept at most. Changes drop pages at once; this only bounds
# how long one could outlive a change whose invalidation could not reach Redis.
PAGE_CACHE_TIMEOUT = env_int("PAGE_CACHE_TIMEOUT", 600)
# Seconds browsers and CDNs may reuse a public page without asking again
# (Cache-Control max-age); a repeat visit after that costs a 304.
PAGE_CACHE_MAX_AGE = env_int("PAGE_CACHE_MAX_AGE", 60)
# What public pages show: a save or deletion of any of these models drops every cached
# page (and so does a change to the many-to-many relation a through model among them
# holds: an article's tags).
PAGE_CACHE_MODELS = [
    "articles.Article",
    "articles.Author",
    "taggit.Tag",
    "articles.TaggedArticle",
    "articles.EditorsPick",
    "briefs.Brief",
    "briefs.TaggedBrief",
    # An old WordPress address added in the admin must not find /?p=ID cached as home.
    "wordpress.OldAddress",
    # Not on public pages, but on the desk's calendar, which is kept as a fragment.
    "desk.Idea",
]
# When pages change next without a save (a scheduled article or brief becomes public):
# a function returning an aware datetime, or None; pages are rendered afresh from then.
PAGE_CACHE_NEXT_CHANGE = "historyblog.publication.next_publication_time"
# Who always gets freshly rendered pages, never cached ones: a function given the raw
# Cookie header (staff, by their signed cookie, checked without a query).
PAGE_CACHE_PRIVATE_REQUEST = "historyblog.staff.is_staff_request"

# Sessions live in the database, so a login survives a Redis restart and needs no Redis.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# ---------- Logging ----------
# One JSON object a line on stdout for the process manager or log shipper to collect;
# readable text in development.
LOG_LEVEL = (os.environ.get("LOG_LEVEL") or "INFO").upper()
LOG_FORMAT = os.environ.get("LOG_FORMAT") or ("text" if DEBUG else "json")
if LOG_FORMAT not in ("json", "text"):
    raise ImproperlyConfigured(f"LOG_FORMAT must be json or text, not {LOG_FORMAT!r}.")
LOGGING = logging_config(LOG_LEVEL, LOG_FORMAT)

LANGUAGE_CODE = "en"
# "Today" in Today in History is the calendar day in this time zone.
TIME_ZONE = os.environ.get("TIME_ZONE") or "UTC"
# Strings are marked for translation, but the site is in one language: with Django's
# translation machinery off, each of the hundreds of marked strings on a page costs
# nothing to look up (a sixth of an uncached page's time). Set True to translate.
USE_I18N = False
USE_TZ = True
