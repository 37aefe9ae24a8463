"""Fill the database with N synthetic briefs, fast, for benchmarks.

    manage.py seed_briefs 300000 [--clear]

One INSERT … SELECT over a series of numbers (PostgreSQL's generate_series, a
recursive common table expression on SQLite): briefs on every day 1 to 28 of every
month, over 3,000 years, of the three kinds, one in fifty a draft; every tenth has the
tag "Seeded briefs". Their texts start with "Seeded brief", so ``--clear`` deletes only
them. Search vectors are left empty (searching them is measured with the articles')."""

import datetime
import time

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone
from taggit.models import Tag

from briefs import rows
from briefs.models import Brief, TaggedBrief

MARK = "Seeded brief"
TAG = "Seeded briefs"

COLUMNS = """event_year, event_month, event_day, event_approximate, event_old_style, text,
    text_html, kind, source_url, status, publish_at, created_at, updated_at"""
# Parameters by name; "%%" is a literal "%" (the modulo) for the database adapter.
VALUES = """n %% 3000 - 1000, 1 + n %% 12, 1 + (n / 12) %% 28, %(no)s, %(no)s,
    %(mark)s || ' ' || n || ': the council meets at the harbour.',
    %(mark)s || ' ' || n || ': the council meets at the harbour.',
    CASE n %% 3 WHEN 0 THEN 'event' WHEN 1 THEN 'birth' ELSE 'death' END, '',
    CASE WHEN n %% 50 = 0 THEN 'draft' ELSE 'published' END,
    CASE WHEN n %% 50 = 0 THEN NULL ELSE %(published)s END, %(now)s, %(now)s"""


class Command(BaseCommand):
    help = "Add N synthetic briefs (texts starting “Seeded brief”) for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int)
        parser.add_argument("--clear", action="store_true", help="Delete seeded briefs first.")

    def handle(self, count, clear, **options):
        started = time.monotonic()
        with transaction.atomic():
            if clear:
                Brief.objects.filter(text__startswith=MARK).delete()
            first = (Brief.objects.aggregate(last=Max("pk"))["last"] or 0) + 1
            insert_series(first, count)
            tag, _created = Tag.objects.get_or_create(name=TAG, defaults={"slug": "seeded-briefs"})
            TaggedBrief.objects.bulk_create(
                TaggedBrief(tag=tag, content_object_id=pk)
                for pk in Brief.objects.filter(pk__gte=first, text__startswith=MARK)
                .order_by()
                .values_list("pk", flat=True)
                .iterator(chunk_size=10_000)
                if pk % 10 == 0
            )
        rows.settle()
        self.stdout.write(f"{count} briefs in {time.monotonic() - started:.1f} s.")


def insert_series(first, count):
    now = timezone.now()
    adapt = connection.ops.adapt_datetimefield_value
    params = {
        "mark": MARK,
        "no": False,
        "now": adapt(now),
        "published": adapt(now - datetime.timedelta(days=1)),
        "first": first,
        "last": first + count - 1,
    }
    insert = f"INSERT INTO {Brief._meta.db_table} ({COLUMNS}) SELECT {VALUES}"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL statement_timeout = 0")
            cursor.execute(f"{insert} FROM generate_series(%(first)s, %(last)s) AS n", params)
        else:
            cursor.execute(
                "WITH RECURSIVE series(n) AS (SELECT %(first)s UNION ALL SELECT n + 1"
                f" FROM series WHERE n < %(last)s) {insert} FROM series",
                params,
            )
