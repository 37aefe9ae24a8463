"""Security in the running app: the Content Security Policy that every page works under,
Argon2 passwords and login throttling by the real client address (two-factor login is in
tests/test_two_factor.py)."""

from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import identify_hasher
from django.test import RequestFactory

from historyblog.security import client_ip

from . import observatory
from .factories import make_article, make_author, noon_utc

pytestmark = pytest.mark.django_db

PASSWORD = "Correct-Horse-42"


@pytest.fixture
def staff():
    return get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)


class InlineCode(HTMLParser):
    """Collects what a strict CSP would block: inline scripts, event handler attributes,
    javascript: URLs and style attributes."""

    def __init__(self):
        super().__init__()
        self.scripts, self.handlers, self.styles = [], [], []
        self._in_inline_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        # JSON-LD and JSON data blocks are not executed, and CSP ignores them.
        if (
            tag == "script"
            and "src" not in attributes
            and attributes.get("type") not in ("application/ld+json", "application/json")
        ):
            self._in_inline_script = True
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"<{tag} {name}>")
            if name in ("href", "src", "action") and (value or "").startswith("javascript:"):
                self.handlers.append(f"<{tag} {name}={value}>")
            if name == "style":
                self.styles.append(f"<{tag} style={value}>")

    def handle_endtag(self, tag):
        self._in_inline_script = False

    def handle_data(self, data):
        if self._in_inline_script and data.strip():
            self.scripts.append(data.strip()[:80])


def inline_code(html):
    parser = InlineCode()
    parser.feed(html)
    return parser


@pytest.fixture
def site():
    with noon_utc(2026, 8, 20):
        author = make_author(slug="ada")
        make_article(slug="blitz", author=author, tags=["War"], event_year=1940)
        make_article(slug="caesar", author=author, event_year=-43, event_month=3, event_day=15)
        yield


PUBLIC_PAGES = [
    "/",
    "/articles/blitz/",
    "/on-this-day/august-20/",
    "/tags/",
    "/tags/war/",
    "/authors/",
    "/authors/ada/",
    "/years/1940/",
    "/years/44-bc/",
    "/timeline/",
    "/search/?q=blitz",
    "/no-such-page/",
]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_have_nothing_the_csp_would_block(client, site, path):
    response = client.get(path)
    assert response.status_code in (200, 404)
    found = inline_code(response.content.decode())
    assert (found.scripts, found.handlers, found.styles) == ([], [], [])


def test_article_keeps_its_json_ld_which_csp_does_not_govern(client, site):
    assert b'<script type="application/ld+json">' in client.get("/articles/blitz/").content


ADMIN_PAGES = [
    "/admin/",
    "/admin/articles/article/",
    "/admin/articles/article/add/",
    "/admin/articles/author/add/",
    "/admin/otp_totp/totpdevice/add/",
    "/admin/auth/user/",
]


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_admin_pages_run_no_inline_script(client, site, staff, path):
    client.force_login(staff)
    response = client.get(path)
    assert response.status_code == 200
    found = inline_code(response.content.decode())
    assert (found.scripts, found.handlers) == ([], [])


def test_admin_change_form_runs_no_inline_script(client, site, staff):
    client.force_login(staff)
    article = make_article()
    response = client.get(f"/admin/articles/article/{article.pk}/change/")
    found = inline_code(response.content.decode())
    assert (found.scripts, found.handlers) == ([], [])


def test_only_the_admin_allows_inline_styles(client, site, staff):
    public = observatory.parse_csp(client.get("/")["Content-Security-Policy"])
    client.force_login(staff)
    admin = observatory.parse_csp(client.get("/admin/")["Content-Security-Policy"])
    assert public["style-src"] == ["'self'"]
    assert admin["style-src"] == ["'self'", "'unsafe-inline'"]
    assert admin["script-src"] == public["script-src"] == ["'self'"]


def test_csp_scores_the_observatory_bonus_on_public_pages(client, site):
    policy = observatory.parse_csp(client.get("/")["Content-Security-Policy"])
    assert observatory.content_security_policy(policy).score == 10


def test_passwords_are_hashed_with_argon2(staff):
    assert identify_hasher(staff.password).algorithm == "argon2"


# Login throttling (django-axes)


def log_in(client, password="wrong password", **meta):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": "editor", "password": password, "next": "/admin/"},
        **meta,
    )


@pytest.fixture
def three_failures_lock(settings):
    settings.AXES_FAILURE_LIMIT = 3


def test_a_client_is_locked_out_after_repeated_failures(client, staff, three_failures_lock):
    attempts = [log_in(client, REMOTE_ADDR="198.51.100.1").status_code for _ in range(3)]
    assert attempts == [200, 200, 429]
    locked = log_in(client, password=PASSWORD, REMOTE_ADDR="198.51.100.1")
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Too many login attempts" in page
    assert "Please try again in 15 minutes." in page


def test_another_client_is_not_locked_out(client, staff, three_failures_lock):
    for _ in range(3):
        log_in(client, REMOTE_ADDR="198.51.100.1")
    assert log_in(client, password=PASSWORD, REMOTE_ADDR="198.51.100.2").status_code == 302


def test_without_trusted_proxies_x_forwarded_for_is_ignored(client, staff, three_failures_lock):
    statuses = [
        log_in(
            client, REMOTE_ADDR="198.51.100.1", HTTP_X_FORWARDED_FOR=f"203.0.113.{number}"
        ).status_code
        for number in range(3)
    ]
    assert statuses[-1] == 429


def test_forged_x_forwarded_for_does_not_reset_the_count_behind_a_proxy(
    client, staff, three_failures_lock, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    statuses = [
        # The attacker rotates what they send; the proxy appends their real address.
        log_in(
            client,
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{number}, 203.0.113.9",
        ).status_code
        for number in range(3)
    ]
    assert statuses == [200, 200, 429]
    # Another reader behind the same proxy logs in as usual.
    other = log_in(
        client, password=PASSWORD, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.10"
    )
    assert other.status_code == 302


@pytest.mark.parametrize(
    ("trusted", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "10.0.0.2"),
        (1, None, "10.0.0.2"),
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "192.0.2.1, 203.0.113.9", "203.0.113.9"),
        (2, "192.0.2.1, 203.0.113.9, 10.0.0.1", "203.0.113.9"),
        (2, "203.0.113.9", "10.0.0.2"),  # came round a proxy: never trust the header
        (1, "not-an-address", "10.0.0.2"),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_client_ip(settings, trusted, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = trusted
    meta = {"REMOTE_ADDR": "10.0.0.2"}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    assert client_ip(RequestFactory().get("/", **meta)) == expected
