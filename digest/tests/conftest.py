"""Fixtures of the daily e-mail's tests: subscribers, and a real SMTP server."""

import pytest

from .smtp import SMTPServer


@pytest.fixture(autouse=True)
def site_address(settings):
    """An https site, as in production: RFC 8058 wants https unsubscribe links."""
    settings.SITE_URL = "https://history.example.org"
    settings.ALLOWED_HOSTS = ["testserver", "history.example.org"]
    settings.DEFAULT_FROM_EMAIL = "History <daily@history.example.org>"
    settings.DIGEST_EMPTY_DAY = "coming"


@pytest.fixture
def smtp_server(settings):
    """An SMTP server on 127.0.0.1 (aiosmtpd), which the site sends through."""
    server = SMTPServer()
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    yield server
    server.stop()
