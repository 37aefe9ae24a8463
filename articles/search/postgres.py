"""Search on PostgreSQL: the text search configuration, which articles match a query
read by ``websearch_to_tsquery`` (which accepts anything a person can type, "quotes",
``or``, ``-word``, and never raises a syntax error), their rank over the stored
``Article.search_vector`` (see :mod:`articles.search.vectors`), the highlighted
headlines of their bodies, and the bound on ranking a query that matches most of the
archive."""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connections
from django.db.models import F, Func, Q, TextField, Value
from django.db.models.expressions import RawSQL

from .matching import date_condition, match_condition, ordered
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


def _searchable(db, query: ParsedQuery) -> tuple[str, bool, bool]:
    """The name of the text search configuration, and whether the query, and its words
    without the date, have something to look for: a word that is not a stop word and
    not excluded. (``querytree`` keeps the part of a tsquery an index can use: "T" for
    none, "" for only stop words.) One short statement that reads no table."""
    with connections[db].cursor() as cursor:
        cursor.execute(
            "SELECT config::text,"
            " querytree(websearch_to_tsquery(config, %s)) NOT IN ('', 'T'),"
            " querytree(websearch_to_tsquery(config, %s)) NOT IN ('', 'T')"
            f" FROM (SELECT {_CONFIG_SQL} AS config) AS chosen",
            [query.text, query.words, *_config_params()],
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


def matches(published, query: ParsedQuery):
    """The ``published`` articles matching ``query``, ranked, each with a ``headline``;
    None when there is nothing to look for."""
    # The configuration by name, not as search_config()'s subquery: with the query a
    # constant, the planner can estimate from the column's statistics how many
    # articles match, and read the newest first when nearly all do.
    config, full_terms, word_terms = _searchable(published.db, query)

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
    rank_query = words if query.date is not None and word_terms else full
    ranked = ordered(
        published.filter(condition), on_date, SearchRank(F("search_vector"), rank_query)
    )
    return ranked.annotate(headline=_headline(full if full_terms else words, config))


def newest(matches, query: ParsedQuery):
    """``matches`` cut to the MATCH_LIMIT + 1 newest (so that more than MATCH_LIMIT can
    be told), and the events of the query's date, which rank first: a bound on the work
    of ranking and counting, however common the words."""
    keep = Q(pk__in=matches.order_by("-publish_at", "-id").values("pk")[: MATCH_LIMIT + 1])
    if query.date is not None:
        keep |= date_condition(query.date)
    return matches.filter(keep)
