"""The queries of the editorial desk's admin pages (review, picks, live preview),
measured by tests/test_scale.py at 10 and at 100,000 articles."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, EditorsPick

from .admin_forms import form_data
from .factories import make_user

QUERY_BUDGET = 8


def review_query_counts():
    """Query counts of the desk's pages for an editor: the index with drafts waiting
    for review, the picks list, a draft's send-back page and the live preview of a
    seeded article's form."""
    article = (
        Article.objects.published()
        .with_anniversary()
        .filter(slug__startswith="seed-")
        .order_by("pk")
        .first()
    )
    # Some drafts waiting for review (seeded drafts, or one more made a draft).
    drafts = Article.objects.filter(status=Article.Status.DRAFT).values_list("pk", flat=True)[:20]
    other = Article.objects.exclude(pk=article.pk).order_by("-pk").values_list("pk", flat=True)[:1]
    Article.objects.filter(pk__in=[*drafts, *other]).update(
        status=Article.Status.DRAFT, submitted_at=timezone.now()
    )
    waiting = Article.objects.waiting_for_review().first()
    EditorsPick.objects.get_or_create(
        event_month=article.event_month, event_day=article.event_day, defaults={"article": article}
    )
    editor = Client()
    editor.force_login(make_user("Editors"))
    data = form_data(editor.get(reverse("admin:articles_article_change", args=[article.pk])))
    pages = {
        "index": lambda: editor.get(reverse("admin:index")),
        "picks": lambda: editor.get(reverse("admin:articles_editorspick_changelist")),
        "send back": lambda: editor.get(
            reverse("admin:articles_article_send_back", args=[waiting.pk])
        ),
        "live preview": lambda: editor.post(
            reverse("admin:articles_article_live_preview", args=[article.pk]), data
        ),
    }
    counts = {}
    for name, request in pages.items():
        with CaptureQueriesContext(connection) as captured:
            response = request()
        assert response.status_code == 200, (name, response.status_code)
        counts[name] = len(captured)
    return counts


def list_query_counts():
    """Query counts of the admin's lists of articles and of briefs for an editor, which
    page through 100,000 and 300,000 rows: the same at both sizes (they stand beyond
    QUERY_BUDGET, the desk's own pages' budget)."""
    editor = Client()
    editor.force_login(make_user("Editors"))
    counts = {}
    for name in ("articles_article", "briefs_brief"):
        with CaptureQueriesContext(connection) as captured:
            response = editor.get(reverse(f"admin:{name}_changelist"))
        assert response.status_code == 200, (name, response.status_code)
        counts[name] = len(captured)
    return counts
