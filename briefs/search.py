"""Briefs matching a search (shown under the articles on /search/'s first page, each
linking to its anchor): on PostgreSQL by the stored ``search_vector`` (GIN index,
migration 0003) and the articles' text search configuration; elsewhere by the SQLite
reading of the same query (articles.search.websearch_groups) over the text. A date the
query names ("August 20", "1940") also finds the briefs of that date."""

from django.contrib.postgres.search import SearchQuery
from django.db.models import Q

from articles import search as article_search
from articles.models import CHRONOLOGICAL
from articles.search.matching import match_condition
from articles.search.postgres import is_postgresql

from .models import Brief
from .queries import listed

# Briefs shown with a search: a handful of lines, not a second results list.
LIMIT = 20


def matching_briefs(query_text, limit=LIMIT):
    """Up to ``limit`` published briefs matching what a reader typed, oldest event
    first; none when there is nothing to look for."""
    query = article_search.parse_query(query_text)
    published = Brief.objects.published()
    if not query.text:
        return []
    if is_postgresql(published):
        config = article_search.search_config()

        def matching(text):
            return Q(search_vector=SearchQuery(text, search_type="websearch", config=config))

        condition, _on_date = match_condition(
            query.date, matching(query.text), matching(query.words) if query.words else None
        )
    else:
        whole = _sqlite_condition(query.text)
        if whole is None and query.date is None:
            return []
        condition, _on_date = match_condition(
            query.date, whole or Q(pk__in=[]), _sqlite_condition(query.words)
        )
    return list(listed(published.filter(condition)).order_by(*CHRONOLOGICAL, "pk")[:limit])


def _sqlite_condition(text):
    """The SQLite reading: any group whose terms all are (or, excluded, are not) in the
    text; None when the text has nothing to look for."""
    groups = article_search.websearch_groups(text or "")
    if not groups:
        return None
    condition = Q(pk__in=[])
    for terms in groups:
        group = Q()
        for term in terms:
            contains = Q(text__icontains=term.text)
            group &= ~contains if term.excluded else contains
        condition |= group
    return condition
