"""Tags counted as readers see them: published articles and published briefs."""

import datetime

import pytest

from briefs.models import Brief
from tests.factories import make_article

from .factories import make_brief

pytestmark = pytest.mark.django_db


def test_tags_count_published_briefs_beside_articles(client, django_assert_max_num_queries):
    make_article(tags=["War"])
    make_brief(tags=["War", "Science"])
    make_brief(tags=["Science"], text="Another.")
    make_brief(tags=["Secret"], status=Brief.Status.DRAFT)
    make_brief(tags=["Soon"], publish_at=datetime.datetime(2999, 1, 1, tzinfo=datetime.UTC))
    # both counts, in one query
    with django_assert_max_num_queries(1):
        html = client.get("/tags/").content.decode()
    assert "1 article · 1 brief" in html and "2 briefs" in html
    assert "Secret" not in html and "Soon" not in html
    page = client.get("/tags/science/").content.decode()
    assert "0 articles · 2 briefs" in page and "Another." in page and "In brief" in page
    assert client.get("/tags/secret/").status_code == 404
    answer = client.get("/api/v1/tags/").json()["results"]
    assert [(tag["slug"], tag["article_count"], tag["brief_count"]) for tag in answer] == [
        ("war", 1, 1),
        ("science", 0, 2),
    ]
