"""What the daily e-mail says: the day's anniversaries in the site's time zone, for the
subscriber's tags, with both parts, absolute links that work and the unsubscribe
headers; the coming days (or nothing) on a day without."""

import datetime
import io
from urllib.parse import urlsplit

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from lxml import html
from taggit.models import Tag

from digest.models import Delivery, Subscriber
from digest.sending import send_digest
from tests.factories import make_article, noon_utc
from tests.sample_site import with_picture

from .factories import make_subscriber

pytestmark = pytest.mark.django_db

AUGUST_20 = datetime.date(2026, 8, 20)


def html_part(message):
    [(content, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return content


def links(message):
    return html.fromstring(html_part(message)).xpath("//a/@href")


def test_the_days_anniversaries_go_to_a_confirmed_subscriber_in_both_parts():
    with noon_utc(2026, 8, 20):
        make_article(
            title="Trotsky Assassinated",
            dek="An ice axe in Coyoacán.",
            event_year=1940,
            event_month=8,
            event_day=20,
        )
        make_article(title="Another day", event_year=1940, event_month=8, event_day=21)
        make_subscriber("reader@example.net")
        run = send_digest(AUGUST_20)
    assert (run.sent, run.failed, run.bounced, run.skipped) == (1, 0, 0, 0)
    [message] = mail.outbox
    assert message.to == ["reader@example.net"]
    assert message.from_email == "History <daily@history.example.org>"
    assert message.subject == "August 20 in history: Trotsky Assassinated"
    for part in (message.body, html_part(message)):
        assert "Trotsky Assassinated" in part
        assert "An ice axe in Coyoac" in part
        assert "86 years ago today" in part
        assert "Another day" not in part
    assert "https://history.example.org/articles/" in message.body
    # No tracking pixel, no remote font or stylesheet: the only images are pictures.
    document = html.fromstring(html_part(message))
    assert document.xpath("//img") == []
    assert document.xpath("//link") == [] and document.xpath("//style") == []


def test_a_round_anniversary_is_named_as_on_the_site():
    with noon_utc(2026, 8, 20):
        make_article(title="A Century Ago", event_year=1926)
        make_article(title="Not Round", event_year=1927)
        make_subscriber()
        send_digest(AUGUST_20)
    [message] = mail.outbox
    assert "August 20, 1926, 100 years ago today: the 100th anniversary" in message.body
    assert "the 99th anniversary" not in message.body
    assert "the 100th anniversary" in html_part(message)


def test_every_link_is_absolute_and_opens_with_the_test_client(client):
    with noon_utc(2026, 8, 20):
        for number in range(10):
            make_article(title=f"Event {number}", event_year=1900 + number)
        make_subscriber("reader@example.net")
        send_digest(AUGUST_20)
        [message] = mail.outbox
        found = links(message)
        assert found and all(link.startswith("https://history.example.org/") for link in found)
        for link in set(found):
            response = client.get(urlsplit(link).path)
            assert response.status_code == 200, link
    # Eight articles at most; the rest are a link to the day page away.
    assert html_part(message).count("Read the story") == 8
    assert "https://history.example.org/on-this-day/august-20/" in found
    assert message.subject == "August 20 in history: Event 0 and 7 more"


def test_the_one_click_unsubscribe_headers_name_the_https_link():
    with noon_utc(2026, 8, 20):
        make_article()
        subscriber = make_subscriber()
        send_digest(AUGUST_20)
    [message] = mail.outbox
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith("<https://history.example.org/newsletter/unsubscribe/")
    assert unsubscribe.endswith("/>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe[1:-1] in links(message)
    assert unsubscribe[1:-1] in message.body
    assert subscriber.email in message.to


def test_a_picture_is_shown_at_its_absolute_address_with_its_alt_text(client):
    with noon_utc(2026, 8, 20):
        with_picture(make_article())
        make_subscriber()
        send_digest(AUGUST_20)
    [message] = mail.outbox
    [image] = html.fromstring(html_part(message)).xpath("//img")
    assert image.get("src").startswith("https://history.example.org/media/renditions/")
    assert image.get("src").endswith(".jpg")  # JPEG: WebP is not shown by every mail client
    assert (image.get("width"), image.get("height")) == ("560", "373")
    assert image.get("alt") == "A drawing of the house in Coyoacán"


def test_a_subscriber_following_tags_gets_only_those_tags():
    with noon_utc(2026, 8, 20):
        make_article(title="Moon Landing Planned", tags=["Space"])
        make_article(title="Treaty Signed", tags=["Diplomacy"])
        make_subscriber("space@example.net", tags=[Tag.objects.get(name="Space")])
        make_subscriber("everything@example.net")
        send_digest(AUGUST_20)
    by_address = {message.to[0]: message for message in mail.outbox}
    assert "Moon Landing Planned" in by_address["space@example.net"].body
    assert "Treaty Signed" not in by_address["space@example.net"].body
    assert "For your tags: Space" in html_part(by_address["space@example.net"])
    assert "Treaty Signed" in by_address["everything@example.net"].body
    assert "Moon Landing Planned" in by_address["everything@example.net"].body


def test_on_a_day_with_nothing_the_coming_days_are_sent():
    with noon_utc(2026, 8, 20):
        make_article(title="Two Days Later", event_year=1940, event_month=8, event_day=22)
        make_subscriber()
        send_digest(AUGUST_20)
    [message] = mail.outbox
    assert message.subject == "Coming up in history: Two Days Later"
    assert "No anniversaries on August 20" in message.body
    assert "August 22: the 86th anniversary" in message.body


def test_on_a_day_with_nothing_for_the_tags_the_coming_days_of_those_tags(settings):
    with noon_utc(2026, 8, 20):
        make_article(title="Today, not space", tags=["Diplomacy"])
        make_article(title="Rocket", event_month=8, event_day=25, tags=["Space"])
        make_subscriber(tags=[Tag.objects.get(name="Space")])
        send_digest(AUGUST_20)
    [message] = mail.outbox
    assert "Rocket" in message.body
    assert "Today, not space" not in message.body
    assert "for your tags (Space)" in message.body


def test_with_empty_days_skipped_nothing_is_sent_and_the_delivery_says_why(settings):
    settings.DIGEST_EMPTY_DAY = "skip"
    with noon_utc(2026, 8, 20):
        make_article(title="Two Days Later", event_year=1940, event_month=8, event_day=22)
        subscriber = make_subscriber()
        run = send_digest(AUGUST_20)
    assert mail.outbox == []
    assert (run.sent, run.skipped) == (0, 1)
    assert subscriber.deliveries.get().state == Delivery.State.SKIPPED


def test_an_empty_site_sends_nothing():
    with noon_utc(2026, 8, 20):
        make_subscriber()
        run = send_digest(AUGUST_20)
    assert mail.outbox == []
    assert run.skipped == 1


@pytest.mark.parametrize(
    "state",
    [Subscriber.State.PENDING, Subscriber.State.UNSUBSCRIBED, Subscriber.State.BOUNCING],
)
def test_nothing_goes_to_an_address_that_is_not_confirmed(state):
    with noon_utc(2026, 8, 20):
        make_article()
        make_subscriber(state=state)
        run = send_digest(AUGUST_20)
    assert mail.outbox == []
    assert run.sent == 0
    assert not Delivery.objects.exists()


def test_the_day_is_the_sites_calendar_day_not_utcs(settings):
    """At 03:00 UTC on 21 August it is still 20 August in Los Angeles: the command sends
    20 August's anniversaries, and 21 August's once the day has come there."""
    settings.TIME_ZONE = "America/Los_Angeles"
    with noon_utc(2026, 8, 1):
        make_article(title="On the 20th", event_month=8, event_day=20)
        make_article(title="On the 21st", event_month=8, event_day=21)
        make_subscriber()
    with time_machine.travel(
        datetime.datetime(2026, 8, 21, 3, 0, tzinfo=datetime.UTC), tick=False
    ):
        call_command("send_digest", stdout=io.StringIO())
    with time_machine.travel(
        datetime.datetime(2026, 8, 21, 7, 5, tzinfo=datetime.UTC), tick=False
    ):
        call_command("send_digest", stdout=io.StringIO())
    assert [message.subject for message in mail.outbox] == [
        "August 20 in history: On the 20th",
        "August 21 in history: On the 21st",
    ]
    assert sorted(Delivery.objects.values_list("day", flat=True)) == [
        datetime.date(2026, 8, 20),
        datetime.date(2026, 8, 21),
    ]
