"""The day page's briefs come from an index, checked by the plan PostgreSQL chooses at a
million briefs (SQLite has no planner worth asking)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from briefs.models import Brief
from briefs.queries import briefs_on_day, days_with_briefs
from tests.factories import noon_utc

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "postgresql", reason="query plans: PostgreSQL")
def test_a_days_briefs_are_read_through_an_index_at_a_million_rows():
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL statement_timeout = 0")
        # A million briefs over every day of the year and 3,200 years, in one statement.
        cursor.execute(
            f"""
            INSERT INTO {Brief._meta.db_table} (event_year, event_month, event_day,
                event_approximate, event_old_style, text, text_html, kind, source_url,
                status, publish_at, created_at, updated_at)
            SELECT n % 3200 - 1200, 1 + n % 12, 1 + n / 12 % 28, false, false,
                'Brief ' || n, 'Brief ' || n, 'event', '', 'published', '2000-01-01',
                now(), now()
            FROM generate_series(1, 1000000) AS n
            """
        )
        cursor.execute(f"ANALYZE {Brief._meta.db_table}")
    with noon_utc(2026, 8, 20), CaptureQueriesContext(connection) as queries:
        assert len(list(briefs_on_day(8, 20))) > 2000
        assert 20 in days_with_briefs(8)
    assert len(queries) == 2
    for query in queries:
        plan = explain(query["sql"])
        assert "Seq Scan on briefs_brief" not in plan, plan
        assert "brief_day" in plan, plan


def explain(sql):
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql)
        return "\n".join(row[0] for row in cursor.fetchall())
