"""Settling tables after a bulk load, so that the first reader after it meets the
database as later readers do.

After many rows arrive at once, PostgreSQL's planner still has the statistics of the
table before (and may choose, say, a nested loop over "a few" rows that are now
100,000), the new rows' entries in a GIN index wait in the index's pending list, which
every search reads in full until autovacuum merges it, and no page is marked
all-visible, so index-only scans visit the table. Measured on 100,000 seeded articles:
the first search took 1,656 ms, the same after settling 233 ms (docs/performance.md).
Seeding, the WordPress import and the briefs import end with :func:`settle`.
"""

from django.db import connections


def settle(*models, using: str = "default") -> None:
    """Settle the tables of ``models`` (and of their many-to-many tables) on PostgreSQL:
    ``VACUUM (ANALYZE)``, which merges GIN pending lists, marks pages all-visible and
    gathers statistics; inside a transaction, where VACUUM cannot run, each GIN index's
    pending list is merged with ``gin_clean_pending_list`` and the tables analysed.
    Other databases plan without such statistics: nothing to do there."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return
    tables = []
    for model in models:
        tables.append(model._meta.db_table)
        tables.extend(
            field.remote_field.through._meta.db_table
            for field in model._meta.local_many_to_many
            if hasattr(field.remote_field, "through")
        )
    tables = list(dict.fromkeys(tables))
    names = ", ".join(connection.ops.quote_name(table) for table in tables)
    in_transaction = connection.in_atomic_block
    with connection.cursor() as cursor:
        # No statement timeout meanwhile; then the timeout as it was (in a transaction,
        # a caller's "SET LOCAL statement_timeout = 0" too: RESET would end it).
        cursor.execute("SELECT current_setting('statement_timeout')")
        previous = cursor.fetchone()[0]
        cursor.execute("SELECT set_config('statement_timeout', '0', %s)", [in_transaction])
        try:
            if in_transaction:
                cursor.execute(
                    "SELECT gin_clean_pending_list(i.indexrelid) FROM pg_index i"
                    " JOIN pg_class c ON c.oid = i.indexrelid"
                    " JOIN pg_am am ON am.oid = c.relam"
                    " WHERE am.amname = 'gin' AND i.indrelid = ANY(%s::regclass[])",
                    [tables],
                )
                cursor.execute(f"ANALYZE {names}")
            else:
                cursor.execute(f"VACUUM (ANALYZE) {names}")
        finally:
            cursor.execute(
                "SELECT set_config('statement_timeout', %s, %s)", [previous, in_transaction]
            )
