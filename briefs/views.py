"""/search/briefs/?q=: the briefs matching a search, for when the articles' results
page is full of articles (it shows matching briefs itself only when no article
matches, to stay within its queries)."""

from django.shortcuts import render

from articles import search

from .search import matching_briefs

# Briefs a search lists at most, oldest events first.
LIMIT = 100


def search_briefs(request):
    query = search.parse_query(request.GET.get("q", ""))
    briefs = matching_briefs(query.text, limit=LIMIT + 1) if query.text else []
    context = {
        "query": query,
        "briefs": briefs[:LIMIT],
        "more": len(briefs) > LIMIT,
        "limit": LIMIT,
        "max_length": search.MAX_QUERY_LENGTH,
    }
    return render(request, "briefs/search.html", context)
