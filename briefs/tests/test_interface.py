import datetime

import pytest
import time_machine
from django.template.loader import render_to_string
from django.utils import timezone

from briefs import queries
from briefs.models import Brief

from .factories import make_brief

pytestmark = pytest.mark.django_db


def test_text_is_inline_markdown_and_typed_html_is_never_markup():
    brief = make_brief(text='*Blitz* <script>alert(1)</script> <b onclick="x">bold</b>')
    assert brief.text_html.startswith("<em>Blitz</em>")
    assert "<script" not in brief.text_html and "<b" not in brief.text_html
    assert "&lt;script&gt;" in brief.text_html
    assert "<p>" not in brief.text_html


@time_machine.travel(datetime.datetime(2027, 2, 28, 12, tzinfo=datetime.UTC), tick=False)
def test_briefs_on_day_keeps_february_29_on_the_28th_of_common_years_only():
    leap = make_brief(event_year=1940, event_month=2, event_day=29, text="Leap.")
    own = make_brief(event_year=1900, event_month=2, event_day=28, text="Own.")
    make_brief(event_month=2, event_day=28, status=Brief.Status.DRAFT, text="Draft.")
    make_brief(
        event_month=2,
        event_day=28,
        publish_at=timezone.now() + datetime.timedelta(hours=1),
        text="Scheduled.",
    )
    make_brief(event_month=2, event_day=28, event_approximate=True, text="Approximate.")
    assert list(queries.briefs_on_day(2, 28)) == [own, leap]
    assert list(queries.briefs_on_day(2, 28, on=datetime.date(2028, 2, 28))) == [own]
    assert list(queries.briefs_on_day(2, 29)) == [leap]


def test_groups_by_kind_in_order_and_days_and_years():
    death = make_brief(kind=Brief.Kind.DEATH, event_day=3, event_year=1950)
    event = make_brief(kind=Brief.Kind.EVENT, event_day=20, event_year=1940)
    make_brief(kind=Brief.Kind.EVENT, event_month=9, event_day=1, status=Brief.Status.DRAFT)
    groups = queries.briefs_by_kind([death, event])
    assert [(str(label), items) for label, items in groups] == [
        ("Events", [event]),
        ("Deaths", [death]),
    ]
    assert queries.days_with_briefs(8) == {3, 20}
    assert queries.days_with_briefs(9) == set()
    assert list(queries.briefs_in_years(1945, 1959)) == [death]


def test_the_list_include_anchors_each_brief_and_links_only_a_public_article():
    from tests.factories import make_article, make_draft

    article = make_article(title="The Few")
    draft = make_draft(title="Unfinished")
    linked = make_brief(article=article, source_url="https://example.org/few")
    hidden = make_brief(article=draft, kind=Brief.Kind.BIRTH)
    html = render_to_string(
        "briefs/includes/brief_list.html",
        {"groups": queries.briefs_by_kind(queries.briefs_on_day(8, 20)), "heading_level": 3},
    )
    assert f'id="brief-{linked.pk}"' in html and f'id="brief-{hidden.pk}"' in html
    assert "<h3>Events</h3>" in html and "<h3>Births</h3>" in html
    assert article.get_absolute_url() in html and "Unfinished" not in html
    assert "August 20, 1940" in html and "https://example.org/few" in html
    assert linked.get_absolute_url() == f"/on-this-day/august-20/#brief-{linked.pk}"
