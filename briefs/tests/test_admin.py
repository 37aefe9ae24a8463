"""Briefs in the admin: one at a time with the article form's date rules, several at
once with every row checked and nothing saved while any is wrong; authors add drafts,
editors publish."""

import pytest
import reversion
from django.urls import reverse
from reversion.models import Version

from briefs.models import Brief
from tests.factories import make_user

from .factories import make_brief

pytestmark = pytest.mark.django_db

ADD = reverse("admin:briefs_brief_add")
BULK = reverse("admin:briefs_brief_bulk_add")
CHANGELIST = reverse("admin:briefs_brief_changelist")


def brief_data(**changes):
    return {
        "kind": "event",
        "text": "Churchill praises *the Few*.",
        "year": "1940",
        "era": "AD",
        "month": "8",
        "day": "20",
        "tags": "Britain",
        "source_url": "",
        "article": "",
        "status": "published",
        "publish_at_0": "",
        "publish_at_1": "",
        "_save": "Save",
        **changes,
    }


def bulk_data(rows, publish=""):
    data = {
        "form-TOTAL_FORMS": str(len(rows)),
        "form-INITIAL_FORMS": "0",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "50",
        "publish": publish,
    }
    for number, row in enumerate(rows):
        for field, value in zip(("date", "kind", "text", "tags", "source"), row, strict=True):
            data[f"form-{number}-{field}"] = value
    return data


def test_an_editor_adds_a_published_brief_with_a_bc_year_and_a_revision(client):
    client.force_login(make_user("Editors"))
    response = client.post(ADD, brief_data(year="44 BC", month="3", day="15"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    brief = Brief.objects.get()
    assert (brief.event_year, brief.event_month, brief.event_day) == (-43, 3, 15)
    assert brief.is_public and brief.text_html == "Churchill praises <em>the Few</em>."
    assert Version.objects.get_for_object(brief).count() == 1


def test_an_impossible_date_gets_the_article_forms_message_and_saves_nothing(client):
    client.force_login(make_user("Editors"))
    response = client.post(ADD, brief_data(month="2", day="30"))
    assert response.status_code == 200
    assert "February has only 29 days." in response.content.decode()
    assert not Brief.objects.exists()


def test_an_author_adds_drafts_only_and_cannot_change_published_briefs(client):
    client.force_login(make_user("Authors"))
    assert client.post(ADD, brief_data()).status_code == 302
    assert Brief.objects.get().status == Brief.Status.DRAFT
    published = make_brief()
    change = reverse("admin:briefs_brief_change", args=[published.pk])
    response = client.post(change, brief_data(text="Changed."))
    assert response.status_code == 403
    published.refresh_from_db()
    assert published.text == "Something happened."
    row = ("1 May 1940", "event", "Published by an author?", "", "")
    assert client.post(BULK, bulk_data([row], publish="yes")).status_code == 403
    assert not Brief.objects.filter(text__startswith="Published by").exists()


def test_the_bulk_add_saves_every_row_or_none(client):
    client.force_login(make_user("Editors"))
    assert client.get(BULK).status_code == 200
    assert BULK in client.get(CHANGELIST).content.decode()
    rows = [
        ("20 August 1940", "event", "The Few.", "Britain, War", "https://example.org/few"),
        ("March 15, 44 BC", "death", "Caesar is killed.", "", ""),
        ("30 February 1940", "birth", "<script>x</script>", "", "javascript:alert(1)"),
        ("", "event", "", "", ""),
    ]
    response = client.post(BULK, bulk_data(rows, publish="yes"))
    content = response.content.decode()
    assert response.status_code == 200 and "Nothing was saved" in content
    assert "“30 February 1940” is not a date that exists" in content
    assert not Brief.objects.exists()
    response = client.post(BULK, bulk_data(rows[:2] + rows[3:], publish="yes"))
    assert response.status_code == 302
    assert Brief.objects.published().count() == 2
    assert sorted(Brief.objects.get(kind="event").tags.names()) == ["Britain", "War"]
    client.post(BULK, bulk_data(rows[:2], publish="yes"))  # again: already there
    assert Brief.objects.count() == 2


def test_html_in_a_bulk_row_is_text_not_markup(client):
    client.force_login(make_user("Authors"))
    rows = [("1 May 1940", "event", 'A <img src=x onerror="alert(1)"> trap.', "", "")]
    assert client.post(BULK, bulk_data(rows)).status_code == 302
    brief = Brief.objects.get()
    assert brief.status == Brief.Status.DRAFT
    assert "<img" not in brief.text_html and "&lt;img" in brief.text_html


def test_reversion_keeps_the_tags():
    with reversion.create_revision():
        brief = make_brief(tags=["Rome"])
    version = Version.objects.get_for_object(brief).first()
    assert version is not None
