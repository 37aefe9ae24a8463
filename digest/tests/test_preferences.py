"""The subscriber's own link: the preferences page (not cached, CSRF-protected forms)
and RFC 8058's one-click unsubscribe (a POST without a CSRF token)."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.test import Client
from lxml import html
from taggit.models import Tag

from digest.emails import preferences_url, unsubscribe_url
from digest.models import Subscriber
from tests.factories import make_article

from .factories import make_subscriber

pytestmark = pytest.mark.django_db


def path(url):
    return url.removeprefix("https://history.example.org")


def test_the_unsubscribe_link_opens_the_preferences_page_uncached(client):
    subscriber = make_subscriber("reader@example.net")
    # A signed link holds the second it was made: the page's and the one expected below
    # are made in the same second only with the clock held.
    with time_machine.travel(datetime.datetime(2026, 8, 20, 6, tzinfo=datetime.UTC), tick=False):
        response = client.get(path(unsubscribe_url(subscriber)))
        expected = path(preferences_url(subscriber))
    assert response.status_code == 200
    assert b"reader@example.net" in response.content
    assert "no-cache" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    page = html.fromstring(response.content)
    forms = page.xpath("//form[@method='post']")
    assert forms
    for form in forms:
        assert form.get("action") == expected
        assert form.xpath(".//input[@name='csrfmiddlewaretoken']")


def test_one_click_unsubscribes_with_a_post_and_no_csrf_token():
    subscriber = make_subscriber()
    client = Client(enforce_csrf_checks=True)
    response = client.post(path(unsubscribe_url(subscriber)), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert b"You are unsubscribed" in response.content
    subscriber.refresh_from_db()
    assert subscriber.state == Subscriber.State.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None
    # Again, as a mail provider may: the same answer.
    assert client.post(path(unsubscribe_url(subscriber))).status_code == 200


def test_the_preferences_forms_refuse_a_post_without_csrf_token():
    subscriber = make_subscriber()
    client = Client(enforce_csrf_checks=True)
    response = client.post(path(preferences_url(subscriber)), {"action": "unsubscribe"})
    assert response.status_code == 403
    subscriber.refresh_from_db()
    assert subscriber.state == Subscriber.State.CONFIRMED


def test_a_subscriber_chooses_tags_unsubscribes_and_comes_back(client):
    make_article(tags=["Space", "Science"])
    space = Tag.objects.get(name="Space")
    subscriber = make_subscriber()
    url = path(preferences_url(subscriber))

    response = client.post(url, {"action": "tags", "tags": [space.pk]})
    assert response.status_code == 200
    assert b"Your choice of tags is saved" in response.content
    assert list(subscriber.tags.all()) == [space]
    assert html.fromstring(response.content).xpath(
        "//input[@name='tags' and @checked]/@value"
    ) == [str(space.pk)]

    response = client.post(url, {"action": "unsubscribe"})
    assert b"You are unsubscribed" in response.content
    subscriber.refresh_from_db()
    assert subscriber.state == Subscriber.State.UNSUBSCRIBED

    response = client.post(url, {"action": "resubscribe"})
    assert b"You are subscribed again" in response.content
    subscriber.refresh_from_db()
    assert subscriber.state == Subscriber.State.CONFIRMED
    assert list(subscriber.tags.all()) == [space]
    assert mail.outbox == []  # the link proved the address: no new confirmation


def test_an_unknown_tag_is_a_message_on_the_form(client):
    subscriber = make_subscriber()
    response = client.post(path(preferences_url(subscriber)), {"action": "tags", "tags": ["x"]})
    assert response.status_code == 400
    assert b"field-errors" in response.content


def test_a_link_to_a_deleted_subscriber_is_a_clear_400(client):
    subscriber = make_subscriber()
    url = path(unsubscribe_url(subscriber))
    subscriber.delete()
    assert client.get(url).status_code == 400
    assert client.post(url).status_code == 400


def test_one_subscribers_link_does_not_open_anothers_page(client):
    first, second = make_subscriber(), make_subscriber()
    response = client.get(path(preferences_url(first)))
    assert first.email.encode() in response.content
    assert second.email.encode() not in response.content


def test_the_pages_cost_a_few_queries_however_many_tags(client, django_assert_max_num_queries):
    for number in range(30):
        make_article(tags=[f"Tag {number}"])
    subscriber = make_subscriber(tags=Tag.objects.all()[:10])
    with django_assert_max_num_queries(1):  # the tags to offer
        assert client.get("/newsletter/").status_code == 200
    # The subscriber, the tags they follow, the tags to offer (which the page cache's
    # remembered() keeps until the next change, when it is on).
    with django_assert_max_num_queries(3):
        assert client.get(path(preferences_url(subscriber))).status_code == 200
