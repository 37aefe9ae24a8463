"""The daily e-mail in the admin: subscribers searched, filtered and exported; runs and
deliveries read-only."""

import csv
import datetime
import io

import pytest
from taggit.models import Tag

from digest.models import Delivery, Run, Subscriber
from tests.factories import make_article, make_user

from .factories import make_subscriber

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(make_user("superuser"))
    return client


def listed(response):
    return [str(row) for row in response.context["cl"].result_list]


def test_subscribers_are_searched_by_address_and_filtered_by_state_and_tag(admin_client):
    make_article(tags=["Space"])
    space = Tag.objects.get()
    make_subscriber("ada@example.net", tags=[space])
    make_subscriber("bob@example.net", state=Subscriber.State.PENDING)
    make_subscriber("cyd@example.org", state=Subscriber.State.BOUNCING)
    url = "/admin/digest/subscriber/"
    assert listed(admin_client.get(url, {"q": "example.net"})) == [
        "bob@example.net",
        "ada@example.net",
    ]
    assert listed(admin_client.get(url, {"state": "bouncing"})) == ["cyd@example.org"]
    assert listed(admin_client.get(url, {"tags__id__exact": space.pk})) == ["ada@example.net"]


def test_the_selected_subscribers_export_as_csv(admin_client):
    make_article(tags=["Space"])
    ada = make_subscriber("ada@example.net", tags=[Tag.objects.get()])
    formula = make_subscriber("=cmd|'/c calc'!A1@example.net")
    make_subscriber("not-chosen@example.net")
    response = admin_client.post(
        "/admin/digest/subscriber/",
        {"action": "export_csv", "_selected_action": [ada.pk, formula.pk]},
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment;" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["email", "state", "tags", "subscribed", "confirmed", "unsubscribed"]
    assert [row[:3] for row in rows[1:]] == [
        ["ada@example.net", "confirmed", "Space"],
        ["'=cmd|'/c calc'!A1@example.net", "confirmed", ""],
    ]


def test_runs_show_their_counts_and_failures_and_cannot_be_changed(admin_client):
    subscriber = make_subscriber("busy@example.net")
    run = Run.objects.create(day=datetime.date(2026, 8, 20), sent=10, failed=1)
    Delivery.objects.create(
        subscriber=subscriber, day=run.day, run=run, attempts=1, last_error="451 try later"
    )
    response = admin_client.get("/admin/digest/run/")
    assert response.status_code == 200
    assert b"Add run" not in response.content
    page = admin_client.get(f"/admin/digest/run/{run.pk}/change/")
    assert page.status_code == 200
    assert b"451 try later" in page.content
    assert b"busy@example.net" in page.content
    assert b'name="_save"' not in page.content
    deliveries = admin_client.get("/admin/digest/delivery/", {"state": "pending"})
    assert listed(deliveries) == ["busy@example.net on 2026-08-20"]
