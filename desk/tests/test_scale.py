"""The desk at scale: every page costs the same few queries with 10 and with 100,000
articles, and the calendar asks the database for its weeks' days only."""

from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article
from tests.factories import noon_utc

from .helpers import editor, make_idea

pytestmark = pytest.mark.django_db

QUERY_BUDGET = 8


def seed(count):
    call_command("seed_articles", str(count), stdout=StringIO())


def queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    return captured


def test_every_desk_page_costs_the_same_few_queries_with_10_and_100000_articles(client):
    user = editor()
    idea = make_idea(title="Hundred years on", event_year=1926, event_month=8, event_day=20)
    make_idea(title="Some day", event_year=1940, event_month=8, event_day=30, assignee=user.author)
    paths = [
        reverse("admin:desk_calendar"),
        reverse("admin:desk_calendar") + "?start=2027-12-20",  # across the new year
        reverse("admin:desk_coverage"),
        reverse("admin:desk_idea_changelist"),
        reverse("admin:desk_idea_change", args=[idea.pk]),
        reverse("admin:desk_idea_add"),
    ]

    def measure():
        ContentType.objects.clear_cache()  # both sizes measured from the same start
        with noon_utc(2026, 8, 10):
            client.force_login(user)
            return {path: queries(client, path) for path in paths}

    seed(10)
    with_10 = measure()
    seed(100_000 - 10)
    assert Article.objects.count() == 100_000
    with_100000 = measure()
    counts = {path: len(captured) for path, captured in with_100000.items()}
    assert counts == {path: len(captured) for path, captured in with_10.items()}
    assert max(counts.values()) <= QUERY_BUDGET, counts
    # The calendar reads the days of its weeks, each listing at most ten articles.
    calendar = with_100000[paths[0]]
    (articles,) = [query["sql"] for query in calendar if 'FROM "articles_article"' in query["sql"]]
    assert '"event_day" IN (' in articles and "ROW_NUMBER()" in articles
