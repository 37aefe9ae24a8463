"""Two runs at the same moment, as two servers' timers would start them: on PostgreSQL,
in two threads with connections of their own, each subscriber still gets one e-mail."""

import datetime
import threading

import pytest
from django.core import mail
from django.db import connection

from digest.models import Delivery
from digest.sending import send_digest
from tests.factories import make_article, noon_utc

from .factories import make_subscriber

AUGUST_20 = datetime.date(2026, 8, 20)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks (SELECT ... FOR UPDATE SKIP LOCKED) are PostgreSQL's; SQLite "
        "runs one writer at a time, which the claim's condition covers",
    ),
]


def test_two_runs_at_once_send_each_subscriber_one_email(settings):
    settings.DIGEST_BATCH_SIZE = 5
    with noon_utc(2026, 8, 20):
        make_article()
    subscribers = [make_subscriber() for _ in range(40)]
    runs, errors = [], []
    start = threading.Barrier(2)

    def run():
        try:
            start.wait()
            runs.append(send_digest(AUGUST_20))
        except Exception as error:  # reported below, with the other thread's result
            errors.append(error)
        finally:
            connection.close()

    with noon_utc(2026, 8, 20):
        threads = [threading.Thread(target=run) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    assert errors == []
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        subscriber.email for subscriber in subscribers
    )
    assert sum(run.sent for run in runs) == 40
    assert Delivery.objects.filter(state=Delivery.State.SENT).count() == 40
