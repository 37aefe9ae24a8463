""":func:`search`: a query as typed, turned into ranked published articles, starting
from ``Article.objects.published()`` and searching with PostgreSQL's full-text search
or, on SQLite, its stand-in."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import Article
from . import postgres, sqlite
from .filters import Filters
from .query import ParsedQuery, parse_query


@dataclass
class SearchResult:
    """What :func:`search` found.

    ``articles`` are the ranked, filtered matches, or ``None`` when there was nothing
    to search for, with ``reason`` saying why: "empty", "no_words" (only punctuation)
    or "stop_words" (nothing left once common and excluded words are gone).
    ``matches`` are the same before filters, for the filter choices; ``groups`` the
    terms SQLite looked for, which its snippets highlight.
    """

    query: ParsedQuery
    filters: Filters = field(default_factory=Filters)
    articles: object = None
    matches: object = None
    reason: str | None = None
    groups: list = field(default_factory=list)
    # MATCH_LIMIT where it applies: more matches than this mean only the newest ranked.
    match_limit: int | None = None
    # PostgreSQL: (id, (event year, author slug, author name)) of each match, read
    # with them, from which filter_choices counts authors and centuries.
    facet_rows: list | None = None


def search(raw_query: str, filters: Filters | None = None) -> SearchResult:
    """Published articles matching a query as typed, best first, with a ``snippet``
    source annotated (see :func:`~articles.search.snippets.add_snippets`). Never raises
    for what a reader types."""
    query = parse_query(raw_query)
    filters = filters or Filters()
    result = SearchResult(query=query, filters=filters)
    if not query.text:
        result.reason = "empty"
        return result
    if not re.search(r"\w", query.text):
        result.reason = "no_words"
        return result
    published = Article.objects.published()
    if postgres.is_postgresql(published):
        found = postgres.matches(published, query, filters)
        if found is None:
            result.reason = "stop_words"
            return result
        # Read from the module, where tests set it.
        result.match_limit = postgres.MATCH_LIMIT
        matches, filtered, count, result.facet_rows = found
    else:
        matches, result.groups = sqlite.matches(published, query)
        if matches is None:
            result.reason = "stop_words"
            return result
        filtered, count = filters.apply(matches), None
    # filter_choices(result.matches, ...) finds the rows there (the view passes only
    # the matches).
    matches.facet_rows = result.facet_rows
    result.matches = matches
    result.articles = filtered.select_related("author").defer("body", "search_vector")
    if count is not None:  # the paginator need not count them again
        result.articles = postgres.counted(result.articles, count)
    return result
