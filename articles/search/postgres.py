"""Search on PostgreSQL: the text search configuration, which articles match a query
read by ``websearch_to_tsquery`` (which accepts anything a person can type, "quotes",
``or``, ``-word``, and never raises a syntax error), their rank over the stored
``Article.search_vector`` (see :mod:`articles.search.vectors`), the highlighted
headlines of their bodies, and the bound on ranking a query that matches most of the
archive."""

from __future__ import annotations

import functools

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connections
from django.db.models import (
    BigIntegerField,
    BooleanField,
    DateTimeField,
    F,
    Func,
    Q,
    TextField,
    Value,
)
from django.db.models.expressions import RawSQL

from .matching import match_condition, ordered
from .query import ParsedQuery
from .snippets import MARK_START, MARK_STOP
from .text import CONTROL_CHARACTERS

# A query matching more articles than this ranks only the newest of them (and the
# events of a date it names): ranking reads every match's vector, and a query matching
# most of a large archive would otherwise take seconds.
MATCH_LIMIT = 1000

# The text search configuration: SEARCH_CONFIG, or "<SEARCH_CONFIG>_unaccent" when
# migration 0003 could make it, so accents are ignored. The database chooses, as part
# of each statement, at no extra query.
_CONFIG_SQL = (
    "COALESCE((SELECT oid::regconfig FROM pg_ts_config WHERE cfgname = %s"
    " AND pg_ts_config_is_visible(oid)), %s::regconfig)"
)


def _config_params():
    return [f"{settings.SEARCH_CONFIG}_unaccent", settings.SEARCH_CONFIG]


def search_config() -> RawSQL:
    """The text search configuration, as an expression for Django's search classes."""
    return RawSQL(_CONFIG_SQL, _config_params(), output_field=TextField())


def is_postgresql(queryset) -> bool:
    """Whether ``queryset`` reads a PostgreSQL database."""
    return connections[queryset.db].vendor == "postgresql"


def _searchable(db, query: ParsedQuery) -> tuple[str, bool, bool, bool]:
    """The name of the text search configuration, whether the query, and its words
    without the date, have something to look for: a word that is not a stop word and
    not excluded (``querytree`` keeps the part of a tsquery an index can use: "T" for
    none, "" for only stop words), and whether it has a phrase ("<->" or "<N>" between
    words). One short statement that reads no table."""
    with connections[db].cursor() as cursor:
        cursor.execute(
            "SELECT config::text,"
            " querytree(websearch_to_tsquery(config, %s)) NOT IN ('', 'T'),"
            " querytree(websearch_to_tsquery(config, %s)) NOT IN ('', 'T'),"
            " websearch_to_tsquery(config, %s)::text ~ '<[-0-9]+>'"
            f" FROM (SELECT {_CONFIG_SQL} AS config) AS chosen",
            [query.text, query.words, query.text, *_config_params()],
        )
        return cursor.fetchone()


def _headline(query: SearchQuery, config: str) -> SearchHeadline:
    """Passages of the body, tags and control characters removed, with the words of
    ``query`` between :data:`MARK_START` and :data:`MARK_STOP`."""
    return SearchHeadline(
        Func(
            F("body_html"),
            Value(r"<[^>]*>|" + CONTROL_CHARACTERS.pattern),
            Value(""),
            Value("g"),
            function="regexp_replace",
            output_field=TextField(),
        ),
        query,
        config=config,
        start_sel=MARK_START,
        stop_sel=MARK_STOP,
        max_words=40,
        min_words=20,
        max_fragments=2,
        fragment_delimiter=" … ",
    )


def matches(published, query: ParsedQuery, filters):
    """The ``published`` articles matching ``query``, and those of them that pass
    ``filters``, each ranked with a ``headline``, and the matches' facet rows; None
    when there is nothing to look for.

    Which articles match is read once, by :func:`_bounded_ids`, cut to the
    MATCH_LIMIT + 1 newest (and the events of the query's date): the two querysets
    then name their articles by id, so ranking, counting, the page and the filter
    choices read at most that many rows by primary key, however common the words or
    costly the phrase."""
    # The configuration by name, not as search_config()'s subquery: with the query a
    # constant, the planner can estimate from the column's statistics how many
    # articles match, and read the newest first when nearly all do.
    config, full_terms, word_terms, phrase = _searchable(published.db, query)

    def websearch(text):
        return SearchQuery(text, search_type="websearch", config=config)

    full, words = websearch(query.text), websearch(query.words)
    if not full_terms and query.date is None:
        return None
    condition, on_date = match_condition(
        query.date,
        Q(search_vector=full) if full_terms else Q(pk__in=[]),
        Q(search_vector=words) if word_terms else None,
    )
    rows = _bounded_ids(published, condition, query.date is not None and on_date, filters, phrase)
    match_ids = {row[0] for row in rows if row[1]}
    filtered_ids = {row[0] for row in rows if not row[1]} if filters else match_ids
    rank_query = words if query.date is not None and word_terms else full
    headline = _headline(full if full_terms else words, config)

    def ranked(ids):
        rank = SearchRank(F("search_vector"), rank_query)
        found = ordered(published.filter(among(ids)), on_date, rank)
        return found.annotate(headline=headline)

    facet_rows = {row[0]: row[2:] for row in rows if row[1]}
    return ranked(match_ids), ranked(filtered_ids), len(filtered_ids), list(facet_rows.items())


def among(ids, field: str = "pk") -> Func:
    """A condition: ``field`` is one of ``ids``, sent as one array, not as a thousand
    parameters that Django and psycopg would each handle one by one (tens of
    milliseconds per page for a broad query)."""
    return Func(
        F(field),
        Value(sorted(ids), output_field=ArrayField(BigIntegerField())),
        template="(%(expressions)s))",
        arg_joiner=" = ANY(",
        output_field=BooleanField(),
    )


# publish_at, as the planner cannot read it from an index (see _bounded_ids).
_NOT_INDEXED_PUBLISH_AT = Func(
    F("publish_at"),
    template="(%(expressions)s + interval '0 seconds')",
    output_field=DateTimeField(),
)


@functools.cache
def _counted_class(base):
    class Counted(base):
        """A queryset whose count() was read with it: see :func:`counted`."""

        def count(self):
            return self.known_count

        def _clone(self):
            clone = super()._clone()
            clone.__class__ = base  # what derives from it counts afresh
            return clone

    return Counted


def counted(queryset, count: int):
    """``queryset``, answering ``count()`` with ``count`` without asking the database:
    the paginator's COUNT, when the ids were just read. Querysets derived from it
    (the page's slice) are ordinary ones."""
    queryset = queryset._chain()
    queryset.__class__ = _counted_class(type(queryset))
    queryset.known_count = count
    return queryset


def _bounded_ids(published, condition: Q, on_date, filters, phrase=False) -> list[tuple]:
    """In one statement: the ids of the MATCH_LIMIT + 1 newest matches and of the
    matches about the query's date (``on_date``, or False), flagged True, with the
    event year, author slug and name of each (the filter choices); and, when
    ``filters`` are in use, the same among the matches that pass them, flagged False.

    A ``phrase`` is looked for through the GIN index, never by reading articles newest
    first until enough match: the index cannot tell word positions, so each article
    the phrase's words lead to is read to check them, and the planner, which prices
    that check as a comparison, not as reading a 3 kB vector, expects the phrase far
    more often than it comes (1.1 s instead of 0.14 s for "end of the war" on 100,000
    articles). Ordering by an expression rather than the column keeps it off the
    publication index.
    """
    columns = ("pk", "in_matches", "event_year", "author__slug", "author__display_name")

    def part(articles, in_matches, newest):
        articles = articles.annotate(in_matches=Value(in_matches)).values_list(*columns)
        if newest:
            order = _NOT_INDEXED_PUBLISH_AT if phrase else F("publish_at")
            return articles.order_by(order.desc(), "-id")[: MATCH_LIMIT + 1]
        return articles.order_by()

    found = published.filter(condition)
    sets = [(found, True)]
    if filters:
        sets.append((filters.apply(found), False))
    parts = []
    for articles, in_matches in sets:
        parts.append(part(articles, in_matches, newest=True))
        if on_date:
            parts.append(part(articles.filter(on_date), in_matches, newest=False))
    return list(parts[0].union(*parts[1:], all=True)) if len(parts) > 1 else list(parts[0])
