"""historyblog.settle: bulk loads (seeding, the WordPress and briefs imports) leave
the tables settled on PostgreSQL, GIN pending lists merged and statistics fresh, so the
first search after them is as fast as the next; nothing to do on SQLite."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from articles.models import Article
from briefs.models import Brief
from historyblog.settle import settle

from .factories import make_article

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="VACUUM, GIN pending lists: PostgreSQL"
)


def pending_pages(model):
    """Pages merged out of the pending lists of the GIN indexes of ``model``'s table
    (gin_clean_pending_list empties them as it counts)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT coalesce(sum(gin_clean_pending_list(i.indexrelid)), 0) FROM pg_index i"
            " JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam"
            " WHERE am.amname = 'gin' AND i.indrelid = %s::regclass",
            [model._meta.db_table],
        )
        return cursor.fetchone()[0]


def analysed(table):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT last_analyze IS NOT NULL, last_vacuum IS NOT NULL"
            " FROM pg_stat_user_tables WHERE relname = %s",
            [table],
        )
        return cursor.fetchone()


@on_postgresql
@pytest.mark.django_db
def test_new_vectors_wait_in_the_pending_list_until_settled():
    call_command("seed_articles", "40", "--seed", "2", stdout=StringIO())  # settles
    for number in range(40):
        make_article(title=f"Waiting {number}", body="In the pending list.")
    assert pending_pages(Article) > 0
    make_article(title="Waiting again", body="In the pending list.")
    settle(Article)
    assert pending_pages(Article) == 0


@on_postgresql
@pytest.mark.django_db
def test_seeding_and_importing_leave_no_pending_list(tmp_path):
    call_command("seed_articles", "60", "--seed", "4", stdout=StringIO())
    assert pending_pages(Article) == 0
    call_command("seed_briefs", "500", stdout=StringIO())
    assert pending_pages(Brief) == 0
    csv = tmp_path / "briefs.csv"
    csv.write_text("date,kind,text\n1789-07-14,event,The Bastille is stormed.\n")
    call_command("import_briefs", str(csv), stdout=StringIO())
    assert Brief.objects.filter(text__startswith="The Bastille").exists()
    assert pending_pages(Brief) == 0


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_the_tables_are_vacuumed_and_analysed():
    make_article(title="Alone", body="One article.")
    settle(Article)
    assert analysed("articles_article") == (True, True)
    # The tags of articles (a many-to-many table) are settled with them.
    assert analysed("articles_taggedarticle") == (True, True)


@on_postgresql
@pytest.mark.django_db
def test_settling_leaves_the_statement_timeout_as_it_was():
    # Seeding lifts the timeout for its whole transaction (the checks of deferred
    # constraints at its end may take long); settling inside it must not restore it.
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL statement_timeout = 0")
        settle(Article)
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "0"
        cursor.execute("SET LOCAL statement_timeout = '7s'")
        settle(Article)
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "7s"


@pytest.mark.django_db
def test_elsewhere_settling_does_nothing(django_assert_num_queries):
    if connection.vendor == "postgresql":
        pytest.skip("SQLite: nothing to settle")
    with django_assert_num_queries(0):
        settle(Article, Brief)
