"""/search/briefs/?q=: the briefs matching a search, for when the articles' results
page is full of articles (it shows matching briefs itself only when no article
matches, to stay within its queries)."""

from django.shortcuts import render
from django.utils.functional import SimpleLazyObject

from articles import search

from .search import matching_briefs

# Briefs a search lists at most, oldest events first.
LIMIT = 100


def search_briefs(request):
    """The matches are read when first used: the page's content is a fragment, kept
    for each query until the next change."""
    query = search.parse_query(request.GET.get("q", ""))
    found = SimpleLazyObject(
        lambda: list(matching_briefs(query.text, limit=LIMIT + 1)) if query.text else []
    )
    context = {
        "query": query,
        "briefs": SimpleLazyObject(lambda: found[:LIMIT]),
        "more": SimpleLazyObject(lambda: len(found) > LIMIT),
        "limit": LIMIT,
        "max_length": search.MAX_QUERY_LENGTH,
    }
    return render(request, "briefs/search.html", context)
