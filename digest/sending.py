"""Sending the day's e-mail to every confirmed subscriber, once.

1. A Delivery row is made for each confirmed subscriber who has none for the day; the
   unique (subscriber, day) makes this safe when two runs do it at once.
2. Batches of DIGEST_BATCH_SIZE pending deliveries are claimed (pending -> sending, in
   one transaction; on PostgreSQL, rows another run has locked are skipped), then sent
   over one connection to the mail server.
3. Each send is recorded as it happens: sent; a permanent refusal of the address (a
   5xx reply) marks the subscriber as bouncing; any other failure leaves the delivery
   pending, with its attempts and error, for the next run. A mail server that cannot be
   reached stops the run.
"""

import datetime
import logging
import smtplib
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F, Prefetch
from django.utils import timezone
from taggit.models import Tag

from .content import digest_for
from .emails import DigestEmail
from .models import Delivery, Run, Subscriber

logger = logging.getLogger(__name__)

# A claim older than this was left by a run that died: its deliveries are pending again.
STALE_CLAIM = datetime.timedelta(hours=1)


class ServerUnreachable(Exception):
    """The mail server could not be reached, or dropped the connection and could not
    be reached again: the run stops, and what it had not sent stays pending."""


def is_permanent(error):
    """Whether ``error`` says the address will never accept mail: a 5xx reply refusing
    the recipient or the message to them (RFC 5321), as opposed to a 4xx (try later), a
    refusal of our own sender or login, or a network failure."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in error.recipients.values()]
        return bool(codes) and all(500 <= code < 600 for code in codes)
    if isinstance(error, smtplib.SMTPDataError):
        return 500 <= error.smtp_code < 600
    return False


def connection_lost(error):
    """A failure of the connection rather than an answer of the server about one message
    (smtplib's exceptions are OSErrors too)."""
    return isinstance(error, smtplib.SMTPServerDisconnected) or not isinstance(
        error, smtplib.SMTPException
    )


def describe(error):
    return f"{type(error).__name__}: {error}"[:1000]


def prepare(day):
    """Makes the day's deliveries; gives up those of earlier days still pending, and
    returns claims left by a run that died to the pending ones."""
    now = timezone.now()
    Delivery.objects.filter(state=Delivery.State.PENDING, day__lt=day).update(
        state=Delivery.State.EXPIRED
    )
    Delivery.objects.filter(state=Delivery.State.SENDING, claimed_at__lt=now - STALE_CLAIM).update(
        state=Delivery.State.PENDING
    )
    subscribers = (
        Subscriber.objects.filter(state=Subscriber.State.CONFIRMED)
        .exclude(deliveries__day=day)
        .values_list("pk", flat=True)
    )
    Delivery.objects.bulk_create(
        [Delivery(subscriber_id=pk, day=day) for pk in subscribers.iterator()],
        batch_size=1000,
        ignore_conflicts=True,
    )


def pending_count(day, run):
    return Delivery.objects.filter(day=day, state=Delivery.State.PENDING).exclude(run=run).count()


def claim(run, batch_size):
    """Up to ``batch_size`` of the day's pending deliveries that this run has not tried
    yet, taken for this run; none once there are no more."""
    with transaction.atomic():
        ids = list(
            Delivery.objects.select_for_update(skip_locked=True)
            .filter(day=run.day, state=Delivery.State.PENDING)
            .exclude(run=run)
            .order_by("pk")
            .values_list("pk", flat=True)[:batch_size]
        )
        # The state in the condition makes the claim safe without row locks (SQLite).
        Delivery.objects.filter(pk__in=ids, state=Delivery.State.PENDING).update(
            state=Delivery.State.SENDING, run=run, claimed_at=timezone.now()
        )
    return list(
        Delivery.objects.filter(pk__in=ids, run=run, state=Delivery.State.SENDING)
        .select_related("subscriber")
        .prefetch_related(Prefetch("subscriber__tags", queryset=Tag.objects.order_by("pk")))
        .order_by("pk")
    )


@dataclass
class Sender:
    """One run: sends the claimed deliveries, counts and records what happened."""

    run: Run
    batch_size: int
    progress: Callable[[int], None] = lambda count: None

    def __post_init__(self):
        self.digests = {}

    def digest(self, subscriber):
        """The day's digest and e-mail for the subscriber's tags, made once per set of
        tags (the e-mail is None when there is nothing to send)."""
        tags = tuple(subscriber.tags.all())
        key = tuple(tag.pk for tag in tags)
        if key not in self.digests:
            digest = digest_for(self.run.day, tags)
            self.digests[key] = None if digest.is_empty else DigestEmail(digest)
        return self.digests[key]

    def send_all(self):
        try:
            while batch := claim(self.run, self.batch_size):
                self.send_batch(batch)
        except ServerUnreachable as error:
            self.run.error = str(error)
        finally:
            self.run.finished_at = timezone.now()
            self.run.save()
        return self.run

    def send_batch(self, batch):
        messages = []
        for delivery in batch:
            email = self.digest(delivery.subscriber)
            if delivery.subscriber.state != Subscriber.State.CONFIRMED or email is None:
                self.finish(delivery, Delivery.State.SKIPPED)
                self.run.skipped += 1
                self.progress(1)
            else:
                messages.append((delivery, email.to(delivery.subscriber)))
        if not messages:
            return
        connection = get_connection()
        try:
            self.open(connection, [delivery for delivery, _message in messages])
            for index, (delivery, message) in enumerate(messages):
                try:
                    connection.send_messages([message])
                except OSError as error:  # smtplib's errors and the network's
                    self.failed(delivery, error)
                    if connection_lost(error):
                        connection.close()
                        rest = [later for later, _message in messages[index + 1 :]]
                        self.open(connection, rest)
                else:
                    self.finish(delivery, Delivery.State.SENT, sent_at=timezone.now())
                    self.run.sent += 1
                self.progress(1)
        finally:
            connection.close()
            self.run.save(update_fields=["sent", "failed", "bounced", "skipped"])

    def open(self, connection, deliveries):
        """Opens the connection; when the server cannot be reached, the deliveries wait
        for the next run, with the error, and the run stops."""
        if not deliveries:
            return
        try:
            connection.open()
        except OSError as error:
            for delivery in deliveries:
                self.failed(delivery, error)
            raise ServerUnreachable(describe(error)) from error

    def failed(self, delivery, error):
        logger.warning("Daily e-mail to subscriber %s failed: %s", delivery.subscriber_id, error)
        if is_permanent(error):
            self.finish(delivery, Delivery.State.BOUNCED, error=error)
            Subscriber.objects.filter(pk=delivery.subscriber_id).update(
                state=Subscriber.State.BOUNCING,
                bounced_at=timezone.now(),
                bounce_reason=describe(error),
            )
            self.run.bounced += 1
        else:
            self.finish(delivery, Delivery.State.PENDING, error=error)
            self.run.failed += 1

    def finish(self, delivery, state, *, error=None, sent_at=None):
        """Records one delivery's outcome at once, so a run that dies later sends none
        of them again."""
        fields = {"state": state}
        if state != Delivery.State.SKIPPED:
            fields["attempts"] = F("attempts") + 1
        if error is not None:
            fields["last_error"] = describe(error)
        if sent_at is not None:
            fields["sent_at"] = sent_at
        with transaction.atomic():
            database = transaction.get_connection()
            if database.vendor == "postgresql":
                # Without waiting for the write-ahead log to reach the disk: a commit
                # a time, at most a fraction of a second of them lost if PostgreSQL
                # itself crashes (then those e-mails go again), instead of a disk
                # flush per e-mail that would take longer than sending it.
                with database.cursor() as cursor:
                    cursor.execute("SET LOCAL synchronous_commit TO OFF")
            Delivery.objects.filter(pk=delivery.pk).update(**fields)


def send_digest(day, *, batch_size=None, progress=None, on_start=None):
    """Sends the e-mail of ``day`` to every confirmed subscriber who has not had it;
    returns the Run with its counts."""
    prepare(day)
    run = Run.objects.create(day=day)
    if on_start is not None:
        on_start(pending_count(day, run))
    sender = Sender(run, batch_size or settings.DIGEST_BATCH_SIZE)
    if progress is not None:
        sender.progress = progress
    return sender.send_all()
