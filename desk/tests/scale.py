"""The queries of the editorial desk's pages (calendar, coverage, ideas), measured by
tests/test_scale.py at 10 and at 100,000 articles, in the same seeded database as the
site's other pages."""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from desk.models import Idea
from tests.factories import make_user

QUERY_BUDGET = 8


def desk_query_counts():
    """{page: queries} for an editor, with two ideas in the calendar's first weeks;
    checks that the calendar asks for its weeks' days only, a few articles a day."""
    today = timezone.localdate()
    idea, _created = Idea.objects.get_or_create(
        title="A round one",
        defaults={"event_year": today.year - 100, "event_month": today.month, "event_day": 1},
    )
    Idea.objects.get_or_create(
        title="Another", defaults={"event_year": 1940, "event_month": today.month, "event_day": 2}
    )
    editor = Client()
    editor.force_login(make_user("Editors", author=True))
    calendar = reverse("admin:desk_calendar")
    pages = {
        "calendar": calendar,
        "calendar across the new year": f"{calendar}?start={today.year}-12-20",
        "coverage": reverse("admin:desk_coverage"),
        "ideas": reverse("admin:desk_idea_changelist"),
        "idea": reverse("admin:desk_idea_change", args=[idea.pk]),
        "new idea": reverse("admin:desk_idea_add"),
    }
    ContentType.objects.clear_cache()  # each size measured from the same start
    counts, captured = {}, {}
    for name, path in pages.items():
        with CaptureQueriesContext(connection) as captured[name]:
            response = editor.get(path)
        assert response.status_code == 200, (name, response.status_code)
        counts[name] = len(captured[name])
    (articles,) = [
        query["sql"] for query in captured["calendar"] if 'FROM "articles_article"' in query["sql"]
    ]
    assert '"event_day" IN (' in articles and "ROW_NUMBER()" in articles, articles
    return counts
