"""E-mail: the mail server, the sender, and the daily e-mail (the digest app; README
"The daily e-mail")."""

import os

from django.core.exceptions import ImproperlyConfigured

from historyblog.email_url import CONSOLE_BACKEND, SMTP_BACKEND, parse_email_url
from historyblog.environment import env_bool, env_int
from historyblog.settings.base import DEBUG, SITE_NAME, SITE_URL

# ---------- The mail server ----------
# EMAIL_URL, when set, says it all; otherwise Django's usual variables. In development
# with neither, messages are printed on the console instead of sent.
EMAIL_URL = os.environ.get("EMAIL_URL", "")
_host = os.environ.get("EMAIL_HOST", "")
if EMAIL_URL:
    _server = parse_email_url(EMAIL_URL)
else:
    _server = {
        "EMAIL_BACKEND": CONSOLE_BACKEND if DEBUG and not _host else SMTP_BACKEND,
        "EMAIL_HOST": _host or "localhost",
        "EMAIL_PORT": env_int("EMAIL_PORT", 25),
        "EMAIL_HOST_USER": os.environ.get("EMAIL_HOST_USER", ""),
        "EMAIL_HOST_PASSWORD": os.environ.get("EMAIL_HOST_PASSWORD", ""),
        "EMAIL_USE_TLS": env_bool("EMAIL_USE_TLS", False),
        "EMAIL_USE_SSL": env_bool("EMAIL_USE_SSL", False),
    }
EMAIL_BACKEND = _server["EMAIL_BACKEND"]
EMAIL_HOST = _server.get("EMAIL_HOST", "localhost")
EMAIL_PORT = _server.get("EMAIL_PORT", 25)
EMAIL_HOST_USER = _server.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = _server.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _server.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _server.get("EMAIL_USE_SSL", False)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("EMAIL_USE_TLS and EMAIL_USE_SSL cannot both be true.")
# Seconds to wait for the mail server: a cron job must not hang on one that stopped
# answering (Django's default is to wait for ever).
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
# The sender of every e-mail: "Name <address>" or an address.
_site_host = SITE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL") or f"{SITE_NAME} <noreply@{_site_host}>"

# ---------- The daily e-mail (digest) ----------
# E-mails sent over one connection to the mail server before it is closed and the
# next batch is taken.
DIGEST_BATCH_SIZE = env_int("DIGEST_BATCH_SIZE", 100)
# On a day without anniversaries (for a subscriber's tags): "coming" sends the next
# ones, "skip" sends nothing that day.
DIGEST_EMPTY_DAY = os.environ.get("DIGEST_EMPTY_DAY") or "coming"
if DIGEST_EMPTY_DAY not in ("coming", "skip"):
    raise ImproperlyConfigured(
        f"DIGEST_EMPTY_DAY must be coming or skip, not {DIGEST_EMPTY_DAY!r}."
    )
# Hours a confirmation link works after it was sent.
DIGEST_CONFIRM_HOURS = env_int("DIGEST_CONFIRM_HOURS", 72)
# Anniversaries in one e-mail at most (round ones first, as on the home page).
DIGEST_ARTICLES = 8
# Subscription requests allowed per client address and per e-mail address, per hour.
DIGEST_SUBSCRIBE_PER_CLIENT = env_int("DIGEST_SUBSCRIBE_PER_CLIENT", 10)
DIGEST_SUBSCRIBE_PER_ADDRESS = env_int("DIGEST_SUBSCRIBE_PER_ADDRESS", 3)
