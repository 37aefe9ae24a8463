"""The queries of the pages for wandering through time (the decade and century pages,
the random day), measured by tests/test_scale.py at 10 and at 100,000 articles in the
same seeded database as the site's other pages. The home page and the day page (with
its month grid) are among the site's pages there.

Unlike those, a span page need not cost the same at both sizes: with ten articles the
span may hold no brief, and a page without one reads none (tests/test_wander.py holds
the count the same for few and many entries in one span). Each stays within the
budget."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import dates, periods
from articles.models import Article

QUERY_BUDGET = 6


def wander_query_counts(client):
    """{path: queries} for the decade and century of a seeded article with an
    anniversary, their second pages, and the random day."""
    article = (
        Article.objects.published()
        .with_anniversary()
        .filter(slug__startswith="seed-")
        .order_by("pk")
        .first()
    )
    decade = f"/years/{periods.decade_slug(dates.decade(article.event_year))}/"
    century = f"/centuries/{periods.century_slug(dates.century(article.event_year))}/"
    expected = {decade: 200, century: 200, "/on-this-day/random/": 302}
    counts = {}
    for path, status in expected.items():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        assert response.status_code == status, (path, response.status_code)
        counts[path] = len(captured)
    return counts
