"""Subscribing: the small form on cached pages, the subscription page (CSRF, honeypot,
rate limits), the one neutral answer, and the double opt-in."""

import datetime
import re

import pytest
import time_machine
from django.core import mail
from django.test import Client
from lxml import html
from taggit.models import Tag

from digest.models import Subscriber
from tests.factories import make_article, noon_utc

from .factories import make_subscriber

pytestmark = pytest.mark.django_db


def subscribe(client, email, **data):
    return client.post("/newsletter/", {"email": email, "website": "", **data})


def confirmation_link(message):
    [link] = re.findall(
        r"https://history\.example\.org(/newsletter/confirm/[^/\s]+/)", message.body
    )
    return link


def test_the_home_and_article_pages_carry_a_small_get_form_and_no_csrf_cookie(client):
    article = make_article(slug="trotsky")
    for path in ("/", article.get_absolute_url()):
        response = client.get(path)
        assert response.status_code == 200
        [form] = html.fromstring(response.content).xpath("//form[@action='/newsletter/']")
        assert form.get("method") == "get"
        assert form.xpath(".//input[@type='email']/@name") == ["email"]
        assert b"csrfmiddlewaretoken" not in response.content
        assert "csrftoken" not in response.cookies


def test_with_the_small_form_the_home_and_article_pages_are_still_cached(client, settings):
    settings.PAGE_CACHE = True
    article = make_article(slug="trotsky")
    for path in ("/", article.get_absolute_url()):
        assert client.get(path)["X-Cache"] == "MISS"
        again = client.get(path)
        assert again["X-Cache"] == "HIT"
        assert b'action="/newsletter/"' in again.content
    # The subscription page, with its CSRF token, is never cached.
    client.get("/newsletter/")
    assert client.get("/newsletter/").get("X-Cache") != "HIT"


def test_the_subscription_page_fills_in_the_address_and_offers_the_tags(client):
    make_article(tags=["Space"])
    response = client.get("/newsletter/?email=reader@example.net")
    assert response.status_code == 200
    page = html.fromstring(response.content)
    assert page.xpath("//input[@name='email']/@value") == ["reader@example.net"]
    assert page.xpath("//input[@name='tags']/following-sibling::label/text()") == ["Space"]
    assert page.xpath("//input[@name='csrfmiddlewaretoken']")
    assert "no-cache" in response["Cache-Control"]


def test_the_form_refuses_a_post_without_its_csrf_token():
    client = Client(enforce_csrf_checks=True)
    response = subscribe(client, "reader@example.net")
    assert response.status_code == 403
    assert not Subscriber.objects.exists()


def test_subscribing_sends_only_the_confirmation_and_says_check_your_inbox(client):
    response = subscribe(client, "Reader@Example.net")
    assert response.status_code == 302
    assert response["Location"] == "/newsletter/check-your-inbox/"
    subscriber = Subscriber.objects.get()
    assert subscriber.state == Subscriber.State.PENDING
    [message] = mail.outbox
    assert message.to == ["Reader@Example.net"]
    assert message.subject == "Confirm your subscription to historyblog"
    assert confirmation_link(message) in html.fromstring(message.alternatives[0][0]).xpath(
        "//a/@href"
    )[1].removeprefix("https://history.example.org")
    page = client.get(response["Location"])
    assert b"Check your inbox" in page.content


def test_the_same_address_twice_is_one_row_and_the_same_answer(client):
    first = subscribe(client, "reader@example.net")
    second = subscribe(client, "READER@example.net ")
    assert Subscriber.objects.count() == 1
    assert (first.status_code, first["Location"]) == (second.status_code, second["Location"])
    assert len(mail.outbox) == 2  # a confirmation link each time


def test_a_subscribed_address_gets_the_same_answer_and_a_note_not_a_confirmation(client):
    subscriber = make_subscriber("reader@example.net", tags=[])
    unknown = subscribe(client, "someone@example.net")
    known = subscribe(client, "reader@example.net")
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    note = mail.outbox[-1]
    assert note.to == ["reader@example.net"]
    assert note.subject == "You are subscribed to historyblog"
    assert "/newsletter/preferences/" in note.body
    subscriber.refresh_from_db()
    assert subscriber.state == Subscriber.State.CONFIRMED


def test_the_honeypot_gets_the_same_answer_and_nothing_happens(client):
    response = subscribe(client, "reader@example.net", website="http://spam.example")
    assert response.status_code == 302
    assert response["Location"] == "/newsletter/check-your-inbox/"
    assert not Subscriber.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize("email", ["", "not an address", "a@b", "x" * 250 + "@example.net"])
def test_a_bad_address_gets_the_form_back_with_a_message(client, email):
    response = subscribe(client, email)
    assert response.status_code == 400
    assert b"field-errors" in response.content
    assert not Subscriber.objects.exists()


def test_too_many_requests_from_one_client_get_a_429_page(client, settings):
    settings.DIGEST_SUBSCRIBE_PER_CLIENT = 3
    with time_machine.travel(datetime.datetime(2026, 5, 1, 12, 5, tzinfo=datetime.UTC)):
        answers = [subscribe(client, f"reader{n}@example.net").status_code for n in range(4)]
    assert answers == [302, 302, 302, 429]
    assert len(mail.outbox) == 3


def test_too_many_requests_for_one_address_get_a_429_page(client, settings):
    settings.DIGEST_SUBSCRIBE_PER_ADDRESS = 2
    with time_machine.travel(datetime.datetime(2026, 5, 1, 12, 5, tzinfo=datetime.UTC)):
        answers = [
            subscribe(Client(REMOTE_ADDR=f"10.0.0.{n}"), "Reader@example.net").status_code
            for n in range(3)
        ]
        response = subscribe(client, "reader@EXAMPLE.net")
    assert answers == [302, 302, 429]
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert b"Too many requests" in response.content
    assert len(mail.outbox) == 2


def test_a_mail_server_that_fails_gets_a_please_try_again_page(client, monkeypatch):
    def refused(*args, **kwargs):
        raise ConnectionRefusedError("no mail server")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refused)
    response = subscribe(client, "reader@example.net")
    assert response.status_code == 503
    assert b"Please try again later" in response.content


def test_the_confirmation_link_asks_then_subscribes_with_the_tags_chosen(client):
    make_article(tags=["Space", "Science"])
    space = Tag.objects.get(name="Space")
    subscribe(client, "reader@example.net", tags=[space.pk])
    link = confirmation_link(mail.outbox[0])
    # Opening the link (as a mail scanner does) changes nothing.
    page = client.get(link)
    assert page.status_code == 200
    assert b"reader@example.net" in page.content
    assert Subscriber.objects.get().state == Subscriber.State.PENDING
    response = client.post(link)
    assert response.status_code == 302
    assert response["Location"].startswith("/newsletter/preferences/")
    subscriber = Subscriber.objects.get()
    assert subscriber.state == Subscriber.State.CONFIRMED
    assert list(subscriber.tags.all()) == [space]
    assert client.get(response["Location"]).status_code == 200


def test_typing_a_subscribers_address_does_not_change_their_tags(client):
    make_article(tags=["Space"])
    subscriber = make_subscriber("reader@example.net")
    subscribe(client, "reader@example.net", tags=[Tag.objects.get().pk])
    assert list(subscriber.tags.all()) == []


def test_a_confirmation_link_expires(client, settings):
    settings.DIGEST_CONFIRM_HOURS = 72
    with noon_utc(2026, 5, 1):
        subscribe(client, "reader@example.net")
    link = confirmation_link(mail.outbox[0])
    with noon_utc(2026, 5, 4):
        assert client.get(link).status_code == 200  # 72 hours, and not a second more
    with noon_utc(2026, 5, 5):
        response = client.post(link)
    assert response.status_code == 400
    assert b"This link has expired" in response.content
    assert Subscriber.objects.get().state == Subscriber.State.PENDING


@pytest.mark.parametrize("token", ["nonsense", "a" * 300, "eyJ:1:2"])
def test_a_made_up_link_gets_a_clear_400_page(client, token):
    for path in (f"/newsletter/confirm/{token}/", f"/newsletter/preferences/{token}/"):
        response = client.get(path)
        assert response.status_code == 400
        assert b"This link does not work" in response.content


def test_a_tag_deleted_before_the_link_is_followed_is_left_out(client):
    make_article(tags=["Space", "Science"])
    space, science = Tag.objects.get(name="Space"), Tag.objects.get(name="Science")
    subscribe(client, "reader@example.net", tags=[space.pk, science.pk])
    space.delete()
    response = client.post(confirmation_link(mail.outbox[0]))
    assert response.status_code == 302
    assert list(Subscriber.objects.get().tags.all()) == [science]
