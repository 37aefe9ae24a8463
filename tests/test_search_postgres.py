"""What only PostgreSQL search does: the stored vector, its GIN index on a large table,
accents, the text search configuration. Skipped on SQLite; CI runs them on PostgreSQL.
"""

import datetime
import importlib
import time

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import search
from articles.models import Article

from .factories import make_article

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="PostgreSQL full-text search: set DATABASE_URL to a PostgreSQL database",
    ),
]


def titles(query):
    result = search.search(query)
    return [] if result.articles is None else [article.title for article in result.articles]


def vector_of(article):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT search_vector::text FROM articles_article WHERE id = %s", [article.pk]
        )
        return cursor.fetchone()[0]


def test_the_vector_weights_title_a_dek_and_tags_b_body_c():
    article = make_article(
        title="Trotsky", dek="An exile.", body="In Coyoacán.", tags=["Revolutions"]
    )
    vector = vector_of(article)
    assert "'trotski':1A" in vector
    assert "'exil':" in vector and "B" in vector.split("'exil':")[1].split(" ")[0]
    assert "'revolut':" in vector and "B" in vector.split("'revolut':")[1].split(" ")[0]
    assert "C" in vector.split("'coyoacan':")[1].split(" ")[0]


def test_the_body_is_searched_as_text_not_as_html_or_markdown():
    make_article(
        title="Plain",
        body="**Bold** words and [a link](https://example.org/hidden-address) in a list:\n\n- one",
    )
    assert titles("bold") == ["Plain"]
    assert titles("link") == ["Plain"]
    for markup in ("strong", "href", "hidden", "example.org", "li"):
        assert titles(markup) == [], markup


def test_accents_are_ignored_both_ways():
    make_article(title="Coyoacán", body="Ramón Mercader came to Mexico.")
    assert titles("Coyoacan") == ["Coyoacán"]
    assert titles("ramon") == ["Coyoacán"]
    assert titles("México") == ["Coyoacán"]
    page = search.search("Ramon")
    snippets = search.add_snippets(list(page.articles), page)
    assert snippets[0].snippet.startswith("<mark>Ramón</mark> Mercader came to Mexico")


def test_stemming_finds_other_forms_of_a_word():
    make_article(title="Assassinated", body="Trotsky was assassinated.")
    assert titles("assassination") == ["Assassinated"]


def test_the_configuration_comes_from_the_setting(settings):
    make_article(title="The end", body="The end of the story.")
    assert search.search("the").reason == "stop_words"
    # "simple" keeps every word; there is no "simple_unaccent", so it is used as is.
    settings.SEARCH_CONFIG = "simple"
    search.update_search_vector(Article.objects.all())
    assert titles("the") == ["The end"]


def test_a_changed_tag_is_searchable_once_the_vector_is_updated():
    article = make_article(title="Untagged")
    article.tags.add("Mountaineering")
    assert titles("mountaineering") == []
    search.update_search_vector(article)
    assert titles("mountaineering") == ["Untagged"]


def test_the_command_rebuilds_every_vector():
    make_article(title="Trotsky")
    Article.objects.update(search_vector=None)
    assert titles("trotsky") == []
    call_command("update_search_vectors", verbosity=0)
    assert titles("trotsky") == ["Trotsky"]


def test_the_migration_fills_the_vectors_of_existing_articles():
    migration = importlib.import_module("articles.migrations.0003_search")
    make_article(title="Trotsky", body="Killed in Coyoacán.", tags=["Revolutions"])
    Article.objects.update(search_vector=None)
    with connection.cursor() as cursor:
        params = [f"{settings.SEARCH_CONFIG}_unaccent", settings.SEARCH_CONFIG]
        cursor.execute(migration.BACKFILL.format(config=migration.CONFIG), params * 3)
    assert titles("trotsky") == titles("coyoacan") == titles("revolutions") == ["Trotsky"]


# ---------- On 100,000 articles ----------

ARTICLE_COUNT = 100_000
WORDS = "battle treaty king queen river storm election war peace empire harbour famine"


@pytest.fixture
def large_site():
    """100,000 published articles inserted in one statement (a few seconds), copying
    every column from one real article so the statement needs no list of them, then
    five about Trotsky; statistics refreshed so the planner knows the table's size."""
    model = make_article(slug="model", body="A model article.")
    words = f"(string_to_array('{WORDS}', ' '))"
    body = f"{words}[1 + mod(n, 12)] || ' and ' || {words}[1 + mod(n / 12, 12)]"
    generated = {
        "title": "'Article ' || n",
        "slug": "'bulk-' || n",
        "body": body,
        "body_html": f"'<p>' || {body} || '</p>'",
        "event_year": "1 + mod(n, 2000)",
        "event_month": "1 + mod(n, 12)",
        "event_day": "1 + mod(n, 28)",
        "search_vector": (
            "setweight(to_tsvector('english', 'Article ' || n), 'A')"
            f" || setweight(to_tsvector('english', {body}), 'C')"
        ),
    }
    columns = [field.column for field in Article._meta.concrete_fields if not field.primary_key]
    values = [
        generated.get(column, f"model.{connection.ops.quote_name(column)}") for column in columns
    ]
    started = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO articles_article ({', '.join(map(connection.ops.quote_name, columns))}) "
            f"SELECT {', '.join(values)} FROM articles_article AS model, "
            "generate_series(1, %s) AS n WHERE model.id = %s",
            [ARTICLE_COUNT, model.pk],
        )
        cursor.execute("ANALYZE articles_article")
    for number in range(5):
        make_article(title=f"Trotsky {number}", body="Killed with an ice axe.", event_year=1940)
    return time.monotonic() - started


def search_plans(query):
    """The search result for ``query`` and the plans of every statement that finding
    it and reading its first page run (the matches are read once, by id: the index
    is read there, the page then reads those ids)."""
    with CaptureQueriesContext(connection) as queries:
        result = search.search(query)
        list(result.articles[:12])
    with connection.cursor() as cursor:
        plans = []
        for query in queries.captured_queries:
            cursor.execute("EXPLAIN " + query["sql"])
            plans.append("\n".join(row[0] for row in cursor.fetchall()))
    return result, "\n\n".join(plans)


def test_on_100000_articles_a_search_reads_the_gin_index(large_site):
    assert Article.objects.count() == ARTICLE_COUNT + 6
    result, plan = search_plans("Trotsky")
    assert "Bitmap Index Scan on article_search_vector" in plan, plan
    assert "Seq Scan on articles_article" not in plan, plan
    assert sorted(article.title for article in result.articles) == [
        f"Trotsky {number}" for number in range(5)
    ]


@pytest.mark.parametrize(
    "query, index, events",
    [
        ("ice axe 1940", "article_era", {"event_year": 1940, "body__contains": "ice axe"}),
        ("August 20", "article_anniversary", {"event_month": 8, "event_day": 20}),
    ],
)
def test_on_100000_articles_a_query_with_a_date_reads_indexes_too(
    large_site, query, index, events
):
    result, plan = search_plans(query)
    assert "Bitmap Index Scan on article_search_vector" in plan, plan
    assert f"Bitmap Index Scan on {index}" in plan, plan
    assert "Seq Scan on articles_article" not in plan, plan
    assert result.articles.count() == Article.objects.filter(**events).count() > 0


# ---------- A query that matches nearly everything ----------


def test_a_query_matching_more_than_the_limit_ranks_only_the_newest(client, monkeypatch):
    monkeypatch.setattr(search.postgres, "MATCH_LIMIT", 3)
    now = timezone.now()
    for days in range(1, 7):
        make_article(
            title=f"Siege {days}",
            body="A long siege, remembered in 1941.",
            event_year=1500,
            publish_at=now - datetime.timedelta(days=days),
        )
    make_article(
        title="Leningrad",
        body="The siege began.",
        event_year=1941,
        publish_at=now - datetime.timedelta(days=400),
    )
    newest = ["Siege 1", "Siege 2", "Siege 3", "Siege 4"]  # the limit, and one more
    assert sorted(titles("siege")) == newest
    # The events of a date the query names are kept however old, and come first.
    assert titles("siege 1941")[0] == "Leningrad"
    assert sorted(titles("siege 1941")[1:]) == newest
    page = client.get("/search/?q=siege").content.decode()
    assert "More than 3 articles match" in page
    assert "Siege 1" in page and "Siege 5" not in page
    monkeypatch.setattr(search.postgres, "MATCH_LIMIT", 10)
    assert "More than" not in client.get("/search/?q=siege").content.decode()


def test_on_100000_articles_a_common_word_is_answered_from_the_newest_matches(large_site):
    result = search.search("war")  # in one article of six: about 16,000
    assert result.articles.count() == search.postgres.MATCH_LIMIT + 1
    newest = Article.objects.published().filter(body__contains="war").order_by("-publish_at")
    assert result.articles.order_by("-publish_at")[0].publish_at == newest[0].publish_at
