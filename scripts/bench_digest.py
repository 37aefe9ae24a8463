#!/usr/bin/env python3
"""The daily e-mail's sending speed: `send_digest` to 2,000 confirmed subscribers on
PostgreSQL, through an SMTP server on 127.0.0.1 (aiosmtpd, in a process of its own,
accepting and discarding every message).

Uses a database of its own (created and migrated if needed), where it replaces the
subscribers, deliveries and runs and the articles it wrote before. A tenth of the
subscribers follow a tag, so the e-mail is built for several sets of tags. Prints the
time of the run, e-mails a second and seconds per 1,000, then the time of a second run
of the same day, which sends nothing.

Environment: BENCH_DIGEST_DATABASE_URL (default a historyblog_bench_digest database on
127.0.0.1), BENCH_SUBSCRIBERS (2000), DIGEST_BATCH_SIZE (100), BENCH_PROFILE (a file for
a cProfile of the first run).
"""

import cProfile
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE_URL = os.environ.get(
    "BENCH_DIGEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/historyblog_bench_digest"
)
SUBSCRIBERS = int(os.environ.get("BENCH_SUBSCRIBERS", "2000"))
# A file to write a profile of the first run to (read it with python -m pstats).
PROFILE = os.environ.get("BENCH_PROFILE", "")
TAGS = ["Science", "War", "Politics", "Art", "Exploration"]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port, process, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit("the SMTP server exited")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    sys.exit("the SMTP server did not start")


def create_database():
    import psycopg

    name = DATABASE_URL.rsplit("/", 1)[1]
    admin = DATABASE_URL.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        if not connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')
            print(f"created database {name}")


def setup_django(smtp_port):
    os.environ.update(
        {
            "DATABASE_URL": DATABASE_URL,
            "SECRET_KEY": "bench-only-secret",
            "DEBUG": "false",
            "SITE_URL": "https://history.example.org",
            "ALLOWED_HOSTS": "history.example.org",
            "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
            "LOG_LEVEL": "WARNING",
            "DJANGO_SETTINGS_MODULE": "historyblog.settings",
        }
    )
    os.environ.pop("REDIS_URL", None)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def seed():
    """Ten of today's anniversaries, tagged, and SUBSCRIBERS confirmed subscribers."""
    import datetime

    from django.core.management import call_command
    from django.utils import timezone
    from taggit.models import Tag

    from articles.models import Article, Author
    from digest.models import Delivery, Run, Subscriber

    call_command("migrate", verbosity=0, interactive=False)
    Delivery.objects.all().delete()
    Run.objects.all().delete()
    Subscriber.objects.all().delete()
    Article.objects.filter(slug__startswith="bench-digest-").delete()
    author, _created = Author.objects.get_or_create(
        slug="bench-digest", defaults={"display_name": "Bench Writer"}
    )
    today = timezone.localdate()
    for number in range(10):
        article = Article.objects.create(
            title=f"An event of {1850 + number * 15}",
            slug=f"bench-digest-{number}",
            dek="What happened, in one sentence for the e-mail.",
            body="The story.",
            event_year=1850 + number * 15,
            event_month=today.month,
            event_day=28 if (today.month, today.day) == (2, 29) else today.day,
            author=author,
            status=Article.Status.PUBLISHED,
            publish_at=timezone.now() - datetime.timedelta(days=1),
        )
        article.tags.add(TAGS[number % len(TAGS)])
    tags = list(Tag.objects.filter(name__in=TAGS).order_by("name"))
    subscribers = Subscriber.objects.bulk_create(
        Subscriber(
            email=f"reader{number}@example.net",
            state=Subscriber.State.CONFIRMED,
            confirmed_at=timezone.now(),
        )
        for number in range(SUBSCRIBERS)
    )
    Through = Subscriber.tags.through
    Through.objects.bulk_create(
        Through(subscriber_id=subscriber.pk, tag_id=tags[number % len(tags)].pk)
        for number, subscriber in enumerate(subscribers)
        if number % 10 == 0
    )
    return today


def main():
    create_database()
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "aiosmtpd",
            "-n",
            "-l",
            f"127.0.0.1:{port}",
            "-c",
            "aiosmtpd.handlers.Sink",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, server)
        setup_django(port)
        day = seed()
        from django.conf import settings

        from digest.sending import send_digest

        started = time.perf_counter()
        if PROFILE:
            profile = cProfile.Profile()
            run = profile.runcall(send_digest, day)
            profile.dump_stats(PROFILE)
        else:
            run = send_digest(day)
        seconds = time.perf_counter() - started
        assert run.sent == SUBSCRIBERS, (run.sent, run.failed, run.skipped, run.error)
        again_started = time.perf_counter()
        again = send_digest(day)
        again_seconds = time.perf_counter() - again_started
        assert again.sent == 0
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(f"subscribers: {SUBSCRIBERS}, batch size: {settings.DIGEST_BATCH_SIZE}")
    print(f"first run:   {run.sent} sent in {seconds:.2f} s")
    rate = run.sent / seconds
    print(f"             {rate:.0f} e-mails/s, {1000 / rate:.2f} s per 1,000")
    print(f"second run:  {again.sent} sent in {again_seconds:.2f} s")


if __name__ == "__main__":
    main()
