"""Settings for historyblog, read from the environment.

Development defaults are safe to run on a laptop; production sets the variables listed
in .env.example.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


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
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "taggit",
    "reversion",
    "articles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
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

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# "Today" in Today in History is the calendar day in this time zone.
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

TAGGIT_CASE_INSENSITIVE = True

# Articles per page in lists; widget size on the home page.
ARTICLES_PER_PAGE = 12
TODAY_IN_HISTORY_LIMIT = 5

# ---------- Pictures (articles/pictures.py; README "Pictures") ----------
# Uploads are checked by decoding them; these limits refuse the rest with a clear
# message. Bytes are checked first, then pixels from the header, so a small file that
# claims billions of pixels (a decompression bomb) is refused before it is decoded.
# A proxy in front of the site should also cap request bodies (a bit above this).
PICTURE_MAX_BYTES = int(os.environ.get("PICTURE_MAX_BYTES", 10 * 1024 * 1024))  # 10 MB
PICTURE_MAX_PIXELS = int(os.environ.get("PICTURE_MAX_PIXELS", 40_000_000))  # 40 megapixels
# Widths of the article renditions, each in WebP and JPEG; never wider than the upload.
# A change applies to pictures uploaded after it.
PICTURE_WIDTHS = (480, 960, 1600)
# Sides of the square author-photo renditions (crops around the centre).
PICTURE_AUTHOR_SIZES = (160, 320)

# ---------- Search (articles/search.py; README "Search") ----------
# The PostgreSQL text search configuration: its language's stemming and stop words.
# Where the unaccent extension exists, migration 0003 made "<config>_unaccent" beside
# it, and search uses that to ignore accents. After changing it, run
# `manage.py update_search_vectors`. SQLite searches without it.
SEARCH_CONFIG = os.environ.get("SEARCH_CONFIG", "english")

# ---------- Roles (articles/admin.py; README "Roles, preview and revisions") ----------
# Whether authors may publish (and unpublish, and schedule) their own articles. Off by
# default, so every article an author writes is published by an editor who reviewed it.
ARTICLES_AUTHORS_CAN_PUBLISH = env_bool("ARTICLES_AUTHORS_CAN_PUBLISH", False)
