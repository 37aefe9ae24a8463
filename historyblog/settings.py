"""Settings for historyblog, read from the environment.

Development defaults are safe to run on a laptop (DEBUG=true); production sets the
variables listed, with their defaults, in docs/deploy.md and .env.example.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from historyblog.environment import env_bool, env_int, env_list
from historyblog.logs import logging_config
from historyblog.storage import media_storage

BASE_DIR = Path(__file__).resolve().parent.parent


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
PAGE_CACHE_MODELS = ["articles.Article", "articles.Author", "taggit.Tag", "articles.TaggedArticle"]
# When pages change next without a save (a scheduled article becomes public): a
# function returning an aware datetime, or None; pages are rendered afresh from then.
PAGE_CACHE_NEXT_CHANGE = "articles.models.next_publication_time"
# Who always gets freshly rendered pages, never cached ones: a function given the raw
# Cookie header (staff, by their signed cookie, checked without a query).
PAGE_CACHE_PRIVATE_REQUEST = "historyblog.staff.is_staff_request"

# Sessions live in the database, so a login survives a Redis restart and needs no Redis.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# ---------- HTTPS and the reverse proxy ----------
# HTTPS settings follow SITE_URL: an https:// site redirects plain HTTP, sends HSTS and
# marks cookies Secure. A site served over plain HTTP (a test server) works as is.
HTTPS = urlsplit(SITE_URL).scheme == "https"
# How many reverse proxies (nginx, a load balancer, a CDN) stand between the clients
# and gunicorn, each appending the address it saw to X-Forwarded-For. With 0 the client
# is REMOTE_ADDR; with N it is the N-th address from the right of X-Forwarded-For (see
# historyblog/security.py). Too high a number lets clients forge their address.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
# Trust X-Forwarded-Proto: https from the proxy, which must set (not pass on) it.
if env_bool("SECURE_PROXY_SSL_HEADER", TRUSTED_PROXY_COUNT > 0):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", HTTPS)
# Load balancers often check health over plain HTTP, straight to the app server.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000 if HTTPS else 0)  # a year
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
# Preloading commits the whole domain, every subdomain included, to HTTPS in browsers
# for months: the operator's decision, so it is off unless asked for, and Django's
# reminder about it (security.W021) is silenced while it is off.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

# ---------- Security headers and cookies ----------
SECURE_CONTENT_TYPE_NOSNIFF = True
# Other sites learn nothing from a reader's clicks: not even our origin.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SAMESITE = "Lax"

# Features no page uses, refused to the page and to anything it might embed.
_UNUSED_FEATURES = """accelerometer autoplay camera display-capture encrypted-media geolocation
gyroscope magnetometer microphone midi payment usb"""
PERMISSIONS_POLICY = {feature: [] for feature in _UNUSED_FEATURES.split()}

# ---------- Uploaded media: local folder, or S3-compatible object storage ----------
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or BASE_DIR / "media")
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL", "")
AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME", "")
AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN", "")
# Credentials come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, which boto3 reads
# from the environment itself (or from the server's instance role).
_media_storage, MEDIA_ORIGINS = media_storage(
    bucket=AWS_STORAGE_BUCKET_NAME,
    endpoint_url=AWS_S3_ENDPOINT_URL,
    region=AWS_S3_REGION_NAME,
    custom_domain=AWS_S3_CUSTOM_DOMAIN,
)

# ---------- Content Security Policy (django-csp) ----------
# Nothing is allowed unless listed. Pages run only our own script files, with no inline
# script or handler anywhere, so a cached page needs no per-response nonce. JSON-LD
# blocks are data, which CSP does not govern. The admin works under the same policy,
# except for inline style attributes (see historyblog/security.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, *MEDIA_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],  # the admin's autocomplete fields fetch from the admin
        "manifest-src": [SELF],
        "form-action": [SELF],
        "base-uri": [NONE],
        "object-src": [NONE],
        "frame-ancestors": [NONE],
    }
}

# ---------- Logins ----------
AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a locked-out client before a password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Argon2 for new and changed passwords; the others only verify older hashes (which are
# upgraded to Argon2 at the next login).
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling (django-axes): after AXES_FAILURE_LIMIT failed logins from one
# client address, that address is refused for AXES_COOLOFF_MINUTES. Counted per address,
# never per username, so nobody can lock a colleague out by guessing at their name.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_CLIENT_IP_CALLABLE = "historyblog.security.client_ip"
# Attempts are counted in the database, shared by every app server and not in Redis.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_LOCKOUT_TEMPLATE = "lockout.html"
AXES_RESET_ON_SUCCESS = True

# Two-factor login (django-otp): with OTP_REQUIRED, the admin lets in only staff who
# also gave a one-time password from a registered device (a TOTP app).
OTP_REQUIRED = env_bool("OTP_REQUIRED", False)
OTP_TOTP_ISSUER = SITE_NAME

# ---------- Request and upload limits ----------
# Form fields other than files: a long article's Markdown is tens of kilobytes, so
# 1 MB refuses only abuse, before it is held in memory. With the largest picture
# (PICTURE_MAX_BYTES) it stays under the proxy's body limit (docs/deploy.md).
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
# The admin's article form has one picture field; the author form one photo.
DATA_UPLOAD_MAX_NUMBER_FILES = 10
# An admin changelist posts one field per ticked row; Django's default suffices.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
# Uploads larger than this go to a temporary file instead of memory while they are
# checked (PICTURE_MAX_BYTES, below, limits their size).
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # 2.5 MB, Django's default

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

# ---------- Static files (whitenoise) ----------
# collectstatic writes hashed, compressed copies here; whitenoise serves them with a
# year-long immutable Cache-Control, since a changed file gets a new name.
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]

STORAGES = {
    "default": _media_storage,
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

TAGGIT_CASE_INSENSITIVE = True
# Tags are separated by commas only, as the tags field says (articles/tagging.py).
TAGGIT_TAGS_FROM_STRING = "articles.tagging.parse_tags"
TAGGIT_STRING_FROM_TAGS = "articles.tagging.tags_to_text"

# Articles per page in lists; widget size on the home page.
ARTICLES_PER_PAGE = 12
TODAY_IN_HISTORY_LIMIT = 5

# ---------- Pictures (the pictures app; README "Pictures") ----------
# Uploads are checked by decoding them; these limits refuse the rest with a clear
# message. Bytes are checked first, then pixels from the header, so a small file that
# claims billions of pixels (a decompression bomb) is refused before it is decoded.
# A proxy in front of the site should also cap request bodies (a bit above this).
PICTURE_MAX_BYTES = env_int("PICTURE_MAX_BYTES", 10 * 1024 * 1024)  # 10 MB
PICTURE_MAX_PIXELS = env_int("PICTURE_MAX_PIXELS", 40_000_000)  # 40 megapixels
# Widths of the article renditions, each in WebP and JPEG; never wider than the upload.
# A change applies to pictures uploaded after it.
PICTURE_WIDTHS = (480, 960, 1600)
# Sides of the square author-photo renditions (crops around the centre).
PICTURE_AUTHOR_SIZES = (160, 320)

# ---------- Search (articles/search/; README "Search") ----------
# The PostgreSQL text search configuration: its language's stemming and stop words.
# Where the unaccent extension exists, migration 0003 made "<config>_unaccent" beside
# it, and search uses that to ignore accents. After changing it, run
# `manage.py update_search_vectors`. SQLite searches without it.
SEARCH_CONFIG = os.environ.get("SEARCH_CONFIG") or "english"

# ---------- Roles (articles/roles.py; README "Roles, preview and revisions") ----------
# Whether authors may publish (and unpublish, and schedule) their own articles. Off by
# default, so every article an author writes is published by an editor who reviewed it.
ARTICLES_AUTHORS_CAN_PUBLISH = env_bool("ARTICLES_AUTHORS_CAN_PUBLISH", False)
