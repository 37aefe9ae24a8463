"""Serving: HTTPS behind the proxy, security headers, media and static storage, the
Content Security Policy and request limits."""

import os
from pathlib import Path
from urllib.parse import urlsplit

from csp.constants import NONE, SELF

from historyblog.environment import env_bool, env_int
from historyblog.settings.base import BASE_DIR, DEBUG, SITE_URL
from historyblog.storage import media_storage

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
