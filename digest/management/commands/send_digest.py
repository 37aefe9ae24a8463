"""manage.py send_digest: the day's e-mail to every confirmed subscriber, once."""

import datetime
import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from tqdm import tqdm

from digest.sending import send_digest


def day_argument(text):
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--date must be a date such as 2026-08-20, not {text!r}.") from None


class Command(BaseCommand):
    help = (
        "Sends the day's anniversaries to every confirmed subscriber who has not had "
        "them yet. Safe to run again, or on two servers at once: each subscriber gets "
        "one e-mail a day; a later run retries the sends that failed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            type=day_argument,
            help="The day to send (YYYY-MM-DD). Default: today in TIME_ZONE.",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            help="E-mails per connection to the mail server. Default: DIGEST_BATCH_SIZE.",
        )

    def handle(self, *args, date=None, batch_size=None, **options):
        if batch_size is not None and batch_size < 1:
            raise CommandError("--batch-size must be 1 or more.")
        day = date or timezone.localdate()
        started = time.monotonic()
        # A progress bar when someone watches (a terminal), none in cron's mail or the
        # journal.
        bar = tqdm(
            unit="e-mail",
            file=sys.stderr,
            disable=not sys.stderr.isatty(),
            desc=f"Daily e-mail {day}",
        )

        def start(total):
            bar.total = total
            bar.refresh()

        with bar:
            run = send_digest(day, batch_size=batch_size, progress=bar.update, on_start=start)
        seconds = time.monotonic() - started
        self.stdout.write(
            f"Daily e-mail for {day}: {run.sent} sent, {run.failed} failed (to retry), "
            f"{run.bounced} bounced, {run.skipped} skipped, in {seconds:.1f} s."
        )
        if run.error:
            raise CommandError(
                f"The mail server could not be reached ({run.error}); what was not sent "
                "stays pending for the next run."
            )
