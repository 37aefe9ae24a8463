"""End to end through a real SMTP server on 127.0.0.1 (aiosmtpd): what arrives parses
with the email package, its headers and links work, and failures are handled as the
server answers them."""

import datetime
import io
import re
from urllib.parse import urlsplit

import pytest
from django.core.management import CommandError, call_command
from lxml import html

from digest.models import Delivery, Subscriber
from digest.sending import send_digest
from tests.factories import make_article, noon_utc
from tests.servers import free_port

from .factories import make_subscriber

pytestmark = pytest.mark.django_db

AUGUST_20 = datetime.date(2026, 8, 20)


@pytest.fixture
def day_with_an_article():
    with noon_utc(2026, 8, 20):
        make_article(title="Trotsky Assassinated", dek="An ice axe in Coyoacán.")
        yield


def parts(message):
    return {
        part.get_content_type(): part.get_content()
        for part in message.walk()
        if not part.is_multipart()
    }


def test_the_digest_arrives_whole_and_its_links_and_one_click_work(
    smtp_server, day_with_an_article, client
):
    subscriber = make_subscriber("reader@example.net")
    run = send_digest(AUGUST_20)
    assert run.sent == 1
    [message] = smtp_server.messages
    assert message["To"] == "reader@example.net"
    assert message["From"] == "History <daily@history.example.org>"
    assert message["Message-ID"].endswith("@history.example.org>")
    assert message["Subject"] == "August 20 in history: Trotsky Assassinated"
    assert message.get_content_type() == "multipart/alternative"
    content = parts(message)
    assert "An ice axe in Coyoacán." in content["text/plain"]
    assert "An ice axe in Coyoacán." in content["text/html"]

    # Folded onto a line of its own by the sender: the value is the same.
    unsubscribe = message["List-Unsubscribe"].strip()
    assert re.fullmatch(
        r"<https://history\.example\.org/newsletter/unsubscribe/[^>]+/>", unsubscribe
    )
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    for link in set(html.fromstring(content["text/html"]).xpath("//a/@href")):
        assert client.get(urlsplit(link).path).status_code == 200, link

    # What a mail provider does for its "unsubscribe" button (RFC 8058).
    response = client.post(
        urlsplit(unsubscribe[1:-1]).path,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.state == Subscriber.State.UNSUBSCRIBED


def test_the_confirmation_arrives_and_its_link_subscribes(smtp_server, client):
    client.post("/newsletter/", {"email": "new@example.net", "website": ""})
    [message] = smtp_server.messages
    assert message["Subject"] == "Confirm your subscription to historyblog"
    [link] = re.findall(r"https://\S+/newsletter/confirm/\S+/", parts(message)["text/plain"])
    assert "List-Unsubscribe" not in message
    client.post(urlsplit(link).path)
    assert Subscriber.objects.get().state == Subscriber.State.CONFIRMED


def test_an_address_refused_for_good_is_marked_and_the_others_still_get_theirs(
    smtp_server, day_with_an_article
):
    make_subscriber("first@example.net")
    gone = make_subscriber("gone@example.net")
    make_subscriber("last@example.net")
    smtp_server.refuse("gone@example.net", "550 5.1.1 No such user")
    run = send_digest(AUGUST_20)
    assert (run.sent, run.bounced, run.failed) == (2, 1, 0)
    assert sorted(message["To"] for message in smtp_server.messages) == [
        "first@example.net",
        "last@example.net",
    ]
    gone.refresh_from_db()
    assert gone.state == Subscriber.State.BOUNCING
    assert "No such user" in gone.bounce_reason
    delivery = gone.deliveries.get()
    assert delivery.state == Delivery.State.BOUNCED
    assert "550" in delivery.last_error
    # Nothing more is sent to it, on the next day either.
    with noon_utc(2026, 8, 21):
        make_article(event_day=21)
        assert send_digest(AUGUST_20 + datetime.timedelta(1)).sent == 2
    assert "gone@example.net" not in [message["To"] for message in smtp_server.messages]


def test_a_temporary_refusal_stays_pending_and_is_sent_by_the_next_run(
    smtp_server, day_with_an_article
):
    busy = make_subscriber("busy@example.net")
    smtp_server.refuse("busy@example.net", "451 4.2.0 Mailbox busy, try later")
    run = send_digest(AUGUST_20)
    assert (run.sent, run.failed) == (0, 1)
    delivery = busy.deliveries.get()
    assert (delivery.state, delivery.attempts) == (Delivery.State.PENDING, 1)
    assert "451" in delivery.last_error
    smtp_server.handler.refused.clear()
    assert send_digest(AUGUST_20).sent == 1
    delivery.refresh_from_db()
    assert (delivery.state, delivery.attempts) == (Delivery.State.SENT, 2)
    busy.refresh_from_db()
    assert busy.state == Subscriber.State.CONFIRMED


def test_a_server_that_is_down_leaves_everything_pending_for_the_next_run(
    smtp_server, day_with_an_article, settings
):
    for _ in range(3):
        make_subscriber()
    settings.EMAIL_PORT = free_port()  # nothing listens there
    output = io.StringIO()
    with pytest.raises(CommandError, match="could not be reached"):
        call_command("send_digest", "--date", "2026-08-20", stdout=output)
    assert "0 sent, 3 failed (to retry)" in output.getvalue()
    assert set(Delivery.objects.values_list("state", "attempts")) == {(Delivery.State.PENDING, 1)}
    assert "ConnectionRefusedError" in Delivery.objects.first().last_error

    settings.EMAIL_PORT = smtp_server.port
    call_command("send_digest", "--date", "2026-08-20", stdout=io.StringIO())
    assert len(smtp_server.messages) == 3
    assert set(Delivery.objects.values_list("state", "attempts")) == {(Delivery.State.SENT, 2)}
