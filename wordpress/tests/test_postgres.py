"""On PostgreSQL an import leaves articles that search finds at once: search vectors
written, and fresh statistics for the tables it filled."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import search
from articles.models import Article

from .helpers import SITE, run_import

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only"),
]


def test_imported_articles_are_found_by_search_at_once():
    with CaptureQueriesContext(connection) as queries:
        run_import(SITE)
    analyzed = [query["sql"] for query in queries if "ANALYZE" in query["sql"]]
    assert len(analyzed) == 1
    assert '"articles_article"' in analyzed[0] and '"wordpress_oldaddress"' in analyzed[0]
    assert not Article.objects.filter(search_vector__isnull=True).exists()
    found = search.search("ice axe Mercader")
    assert [article.title for article in found.articles] == ["Trotsky Assassinated"]
