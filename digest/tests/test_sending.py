"""Sending once: a delivery per subscriber and day, claimed before it is sent; batches
over one connection; the command's summary."""

import datetime
import io
import smtplib

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from digest import sending
from digest.models import Delivery, Run, Subscriber
from digest.sending import claim, is_permanent, prepare, send_digest
from tests.factories import make_article, noon_utc

from .factories import make_subscriber

pytestmark = pytest.mark.django_db

AUGUST_20 = datetime.date(2026, 8, 20)


@pytest.fixture
def day_with_an_article():
    with noon_utc(2026, 8, 20):
        make_article(title="Trotsky Assassinated")
        yield


def test_running_twice_sends_one_email_each(day_with_an_article):
    subscribers = [make_subscriber() for _ in range(3)]
    first = send_digest(AUGUST_20)
    second = send_digest(AUGUST_20)
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        subscriber.email for subscriber in subscribers
    )
    assert (first.sent, second.sent) == (3, 0)
    assert Delivery.objects.filter(state=Delivery.State.SENT).count() == 3


def test_a_subscriber_confirmed_after_the_first_run_gets_it_from_the_next(day_with_an_article):
    make_subscriber()
    send_digest(AUGUST_20)
    late = make_subscriber()
    run = send_digest(AUGUST_20)
    assert run.sent == 1
    assert mail.outbox[-1].to == [late.email]


def test_two_runs_at_once_never_claim_the_same_delivery(day_with_an_article):
    for _ in range(5):
        make_subscriber()
    prepare(AUGUST_20)
    prepare(AUGUST_20)  # the second server makes no second row
    assert Delivery.objects.count() == 5
    one, other = Run.objects.create(day=AUGUST_20), Run.objects.create(day=AUGUST_20)
    first, second, third = claim(one, 3), claim(other, 3), claim(other, 3)
    claimed = [delivery.pk for delivery in first + second + third]
    assert len(claimed) == len(set(claimed)) == 5
    assert third == []


def test_each_batch_goes_over_one_connection(day_with_an_article, monkeypatch, settings):
    settings.DIGEST_BATCH_SIZE = 2
    for _ in range(5):
        make_subscriber()
    opened = []

    def counting_connection(*args, **kwargs):
        connection = mail.get_connection(*args, **kwargs)
        opened.append(connection)
        return connection

    monkeypatch.setattr(sending, "get_connection", counting_connection)
    run = send_digest(AUGUST_20)
    assert run.sent == 5
    assert len(opened) == 3


def test_a_claim_left_by_a_run_that_died_is_sent_by_a_later_run(day_with_an_article):
    subscriber = make_subscriber()
    prepare(AUGUST_20)
    dead = Run.objects.create(day=AUGUST_20)
    [delivery] = claim(dead, 10)
    assert send_digest(AUGUST_20).sent == 0  # still someone else's
    Delivery.objects.filter(pk=delivery.pk).update(
        claimed_at=timezone.now() - datetime.timedelta(hours=2)
    )
    assert send_digest(AUGUST_20).sent == 1
    assert mail.outbox[0].to == [subscriber.email]


def test_the_pending_deliveries_of_an_earlier_day_are_given_up(day_with_an_article):
    subscriber = make_subscriber()
    old = Delivery.objects.create(subscriber=subscriber, day=AUGUST_20 - datetime.timedelta(1))
    send_digest(AUGUST_20)
    old.refresh_from_db()
    assert old.state == Delivery.State.EXPIRED
    assert [message.subject for message in mail.outbox] == [
        "August 20 in history: Trotsky Assassinated"
    ]


@pytest.mark.parametrize(
    "error, permanent",
    [
        (smtplib.SMTPRecipientsRefused({"a@example.net": (550, b"No such user")}), True),
        (smtplib.SMTPRecipientsRefused({"a@example.net": (450, b"Mailbox busy")}), False),
        (smtplib.SMTPDataError(554, b"Rejected"), True),
        (smtplib.SMTPDataError(451, b"Try later"), False),
        (smtplib.SMTPSenderRefused(550, b"Not our sender", "daily@example.org"), False),
        (smtplib.SMTPServerDisconnected("gone"), False),
        (ConnectionRefusedError("refused"), False),
    ],
)
def test_only_a_5xx_about_the_recipient_is_permanent(error, permanent):
    assert is_permanent(error) is permanent


def test_the_command_prints_a_summary_line(day_with_an_article):
    make_subscriber()
    output = io.StringIO()
    call_command("send_digest", "--date", "2026-08-20", stdout=output, stderr=io.StringIO())
    assert output.getvalue().startswith(
        "Daily e-mail for 2026-08-20: 1 sent, 0 failed (to retry), 0 bounced, 0 skipped, in "
    )
    run = Run.objects.get()
    assert (run.day, run.sent) == (AUGUST_20, 1)
    assert run.finished_at is not None


@pytest.mark.parametrize(
    "arguments", [["--date", "2026-02-30"], ["--date", "yesterday"], ["--batch-size", "0"]]
)
def test_the_command_refuses_bad_arguments_clearly(arguments):
    with pytest.raises(CommandError):
        call_command("send_digest", *arguments, stdout=io.StringIO())


def test_queries_grow_by_one_write_an_email_whatever_the_subscribers(day_with_an_article):
    """Per batch a fixed number of queries (claim, subscribers and their tags, the run's
    counts), and once per set of tags the content; then one write per e-mail, in a
    transaction of its own (a savepoint here, inside the test's transaction), on
    PostgreSQL with its SET LOCAL."""
    per_email = 4 if connection.vendor == "postgresql" else 3

    def queries_for(count):
        Subscriber.objects.all().delete()
        for _ in range(count):
            make_subscriber()
        with CaptureQueriesContext(connection) as queries:
            assert send_digest(AUGUST_20).sent == count
        return len(queries)

    few, many = queries_for(4), queries_for(8)
    assert many - few == 4 * per_email
    assert few - 4 * per_email <= 18  # the content's queries include the day's briefs
