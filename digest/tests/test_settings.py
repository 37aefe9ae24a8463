"""The mail server's settings: EMAIL_URL, or the EMAIL_* variables; the console in
development."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from historyblog.email_url import parse_email_url
from tests.servers import production_env
from tests.test_production import settings_in


def test_an_smtp_url_with_starttls_and_a_password_to_decode():
    assert parse_email_url("smtp+tls://mailer:p%40ss%2Fword@smtp.example.net") == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "smtp.example.net",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "mailer",
        "EMAIL_HOST_PASSWORD": "p@ss/word",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
    }


@pytest.mark.parametrize(
    "url, port, tls, ssl",
    [
        ("smtp://localhost", 25, False, False),
        ("smtp://relay.internal:2525", 2525, False, False),
        ("smtp+ssl://u:p@smtp.example.net", 465, False, True),
        ("SMTP+TLS://smtp.example.net:1587", 1587, True, False),
    ],
)
def test_the_scheme_sets_the_port_and_the_encryption(url, port, tls, ssl):
    settings = parse_email_url(url)
    assert (settings["EMAIL_PORT"], settings["EMAIL_USE_TLS"], settings["EMAIL_USE_SSL"]) == (
        port,
        tls,
        ssl,
    )


def test_console_prints_the_messages():
    assert parse_email_url("console://") == {
        "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"
    }


@pytest.mark.parametrize(
    "url", ["https://smtp.example.net", "smtp.example.net", "smtp://", "smtp://host:port"]
)
def test_a_url_that_names_no_mail_server_is_a_clear_error(url):
    with pytest.raises(ImproperlyConfigured, match="EMAIL_URL"):
        parse_email_url(url)


def test_from_the_environment_development_prints_and_production_sends(tmp_path):
    names = (
        "[settings.EMAIL_BACKEND, settings.EMAIL_HOST, settings.EMAIL_PORT, "
        "settings.EMAIL_USE_TLS, settings.DEFAULT_FROM_EMAIL, settings.EMAIL_TIMEOUT]"
    )
    development = production_env(tmp_path, DEBUG="true")
    assert settings_in(development, names)[0] == "django.core.mail.backends.console.EmailBackend"
    production = production_env(
        tmp_path,
        EMAIL_HOST="smtp.example.net",
        EMAIL_PORT="587",
        EMAIL_USE_TLS="true",
        DEFAULT_FROM_EMAIL="History <daily@history.example.org>",
    )
    assert settings_in(production, names) == [
        "django.core.mail.backends.smtp.EmailBackend",
        "smtp.example.net",
        587,
        True,
        "History <daily@history.example.org>",
        30,
    ]
    from_url = production_env(tmp_path, EMAIL_URL="smtp+ssl://u:p@mail.example.net")
    assert settings_in(from_url, names)[:4] == [
        "django.core.mail.backends.smtp.EmailBackend",
        "mail.example.net",
        465,
        False,
    ]
