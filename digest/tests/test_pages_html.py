"""The daily e-mail's pages are valid HTML (the Nu HTML Checker, as in
tests/test_valid_html.py), and their honeypot stays out of the way."""

import json
import subprocess

import pytest
from django.core import mail
from taggit.models import Tag

from digest.emails import preferences_url, unsubscribe_url
from digest.models import Subscriber
from tests.factories import make_article
from tests.test_valid_html import VNU_JAR
from tests.test_valid_html import java as java  # the fixture, for pytest

from .factories import make_subscriber

pytestmark = pytest.mark.django_db


def path(url):
    return url.removeprefix("https://history.example.org")


def pages(client, settings):
    make_article(tags=["Space", "Science"])
    subscriber = make_subscriber("reader@example.net", tags=[Tag.objects.get(name="Space")])
    gone = make_subscriber("gone@example.net", state=Subscriber.State.BOUNCING)
    client.post("/newsletter/", {"email": "new@example.net", "website": ""})
    [confirmation] = [message for message in mail.outbox if message.to == ["new@example.net"]]
    confirm = (
        "/newsletter/confirm/" + confirmation.body.split("/newsletter/confirm/")[1].split()[0]
    )
    settings.DIGEST_SUBSCRIBE_PER_ADDRESS = 1
    return {
        "subscribe": (client.get("/newsletter/?email=reader@example.net"), 200),
        "subscribe-errors": (client.post("/newsletter/", {"email": "nope"}), 400),
        "too-many": (client.post("/newsletter/", {"email": "new@example.net"}), 429),
        "check-inbox": (client.get("/newsletter/check-your-inbox/"), 200),
        "confirm": (client.get(confirm), 200),
        "preferences": (client.get(path(unsubscribe_url(subscriber))), 200),
        "preferences-bouncing": (client.get(path(preferences_url(gone))), 200),
        "unsubscribed": (client.post(path(unsubscribe_url(subscriber))), 200),
        "bad-link": (client.get("/newsletter/confirm/made-up/"), 400),
    }


def test_the_pages_are_valid_html(client, settings, tmp_path, java):
    files = []
    for name, (response, status) in pages(client, settings).items():
        assert response.status_code == status, name
        files.append(tmp_path / f"{name}.html")
        files[-1].write_bytes(response.content)
    checked = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout"]
        + [str(file) for file in files],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    errors = [
        f"{message.get('url', '').rsplit('/', 1)[-1]} line {message.get('lastLine')}: "
        f"{message['message']}"
        for message in json.loads(checked.stdout)["messages"]
        if message["type"] in ("error", "non-document-error")
    ]
    assert not errors, "\n".join(errors)


def test_the_honeypot_is_out_of_the_tab_order_and_hidden_from_screen_readers(client):
    response = client.get("/newsletter/")
    content = response.content.decode()
    assert 'class="newsletter-honeypot" aria-hidden="true"' in content
    assert 'name="website" value="" tabindex="-1" autocomplete="off"' in content
