import datetime

import pytest
from taggit.models import Tag

from briefs.models import Brief
from digest.content import digest_for
from digest.emails import DigestEmail

from .factories import make_brief

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 8, 20)


def test_the_daily_email_lists_the_days_briefs_after_the_articles():
    brief = make_brief(text="Churchill praises *the Few* & the RAF.", tags=["Britain"])
    make_brief(text="Untagged.", kind=Brief.Kind.BIRTH, event_year=1931)
    make_brief(text="A draft.", status=Brief.Status.DRAFT)
    make_brief(text="Later than the day.", event_year=2027)
    digest = digest_for(DAY)
    assert not digest.is_empty
    assert [entry.text for entry in digest.briefs] == [
        "Untagged.",
        "Churchill praises the Few & the RAF.",
    ]
    _subject, text, html = DigestEmail(digest).rendered
    assert f"/on-this-day/august-20/#brief-{brief.pk}" in html
    assert "<em>the Few</em> &amp; the RAF" in html
    assert "- August 20, 1940: Churchill praises the Few & the RAF." in text
    followed = digest_for(DAY, tags=[Tag.objects.get(name="Britain")])
    assert [entry.text for entry in followed.briefs] == ["Churchill praises the Few & the RAF."]
