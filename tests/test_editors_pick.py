"""The editor's pick: an editor pins the article that leads Today in History on a day
of the year, every year, until unpinned; without one, round anniversaries lead, then
a mix of centuries and authors. Cached pages follow a pin at once."""

import datetime
from types import SimpleNamespace
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import reverse

from articles.anniversaries import mixed, today_in_history
from articles.models import EditorsPick

from .admin_forms import change_url
from .factories import make_article, make_author, make_draft, make_user, noon_utc

pytestmark = pytest.mark.django_db

PICKS = reverse("admin:articles_editorspick_changelist")
ADD_PICK = reverse("admin:articles_editorspick_add")
AUGUST_20 = datetime.date(2026, 8, 20)


@pytest.fixture
def editor(client):
    user = make_user("Editors")
    client.force_login(user)
    return user


def titles(widget):
    return [anniversary.article.title for anniversary in widget.anniversaries]


def pin(client, article, month=8, day=20):
    return client.post(
        ADD_PICK, {"event_month": month, "event_day": day, "article": article.pk, "_save": "Save"}
    )


def errors(response):
    assert response.status_code == 200, response.status_code
    return " ".join(str(error) for error in response.context["adminform"].form.errors.values())


def test_an_editor_pins_from_the_article_page_and_the_pick_leads_every_year(client, editor):
    with noon_utc(2026, 8, 20):
        for year in (1500, 1600, 1700):
            make_article(title=f"Event of {year}", event_year=year, event_month=8, event_day=20)
        chosen = make_article(title="The chosen one", event_year=1940, event_month=8, event_day=20)
        page = client.get(change_url(chosen)).content.decode()
        query = urlencode({"article": chosen.pk, "event_month": 8, "event_day": 20})
        assert f"{ADD_PICK}?{query}".replace("&", "&amp;") in page
        assert "Pin as the lead on August 20" in page
        form = client.get(f"{ADD_PICK}?{query}").context["adminform"].form
        assert form.initial == {"article": str(chosen.pk), "event_month": "8", "event_day": "20"}
        assert pin(client, chosen).status_code == 302
        assert titles(today_in_history(AUGUST_20, limit=3))[0] == "The chosen one"
        assert "Leads on August 20: unpin" in client.get(change_url(chosen)).content.decode()
    pick = EditorsPick.objects.get()
    assert pick.pinned_by == editor
    for year in (2027, 2031):  # every year, until unpinned
        widget = today_in_history(datetime.date(year, 8, 20), limit=3)
        assert titles(widget)[0] == "The chosen one"
    delete = reverse("admin:articles_editorspick_delete", args=[pick.pk])
    client.post(delete, {"post": "yes"})
    assert not EditorsPick.objects.exists()
    with noon_utc(2026, 8, 20):
        assert titles(today_in_history(AUGUST_20, limit=3)) == [
            "Event of 1500",
            "Event of 1600",
            "Event of 1700",
        ]


def test_a_pin_on_a_draft_another_day_or_a_taken_day_is_refused_clearly(client, editor):
    draft = make_draft(title="Unfinished", event_month=8, event_day=20)
    assert "“Unfinished” is a draft" in errors(pin(client, draft))
    july = make_article(title="Bastille", event_year=1789, event_month=7, event_day=14)
    assert "happened on July 14: it can lead on that day only, not on August 20" in errors(
        pin(client, july)
    )
    vague = make_article(title="Vague", event_month=8, event_day=20, event_approximate=True)
    assert "no exact day" in errors(pin(client, vague))
    assert "no such day" in errors(pin(client, july, month=2, day=30))
    first = make_article(title="First")
    pin(client, first)
    assert "“First” already leads on August 20: unpin it first." in errors(
        pin(client, make_article(title="Second"))
    )
    assert EditorsPick.objects.count() == 1


def test_only_editors_pin(client):
    author = make_user("Authors", author=True)
    client.force_login(author)
    article = make_article(author=author.author)
    assert client.get(PICKS).status_code == 403
    assert pin(client, article).status_code == 403
    assert "Pin as the lead" not in client.get(change_url(article)).content.decode()
    assert not EditorsPick.objects.exists()


def test_an_unpublished_pick_leads_nothing(client, editor):
    with noon_utc(2026, 8, 20):
        make_article(title="Other")
        chosen = make_article(title="Chosen", event_year=1500)
        pin(client, chosen)
        chosen.status = chosen.Status.DRAFT
        chosen.save()
        assert titles(today_in_history(AUGUST_20, limit=3)) == ["Other"]


def test_the_home_page_follows_a_pin_with_the_page_cache_on(client, settings):
    settings.PAGE_CACHE = True
    editor = Client()
    editor.force_login(make_user("Editors"))
    with noon_utc(2026, 8, 20):
        make_article(title="The oldest event", event_year=1500)
        chosen = make_article(title="The editors' choice", event_year=1940)

        def order():
            response = client.get("/")
            content = response.content.decode()
            first = content.index("The oldest event") < content.index("The editors&#x27; choice")
            return ("oldest" if first else "choice"), response["X-Cache"]

        assert order() == ("oldest", "MISS")
        assert order() == ("oldest", "HIT")
        pin(editor, chosen)
        assert order() == ("choice", "MISS")
        editor.post(
            reverse("admin:articles_editorspick_delete", args=[EditorsPick.objects.get().pk]),
            {"post": "yes"},
        )
        assert order() == ("oldest", "MISS")


def test_without_a_pin_round_anniversaries_lead_then_centuries_and_authors_take_turns():
    same_author = make_author(display_name="Prolific")
    with noon_utc(2026, 8, 20):
        for year in (1701, 1702, 1703):
            make_article(
                title=f"{year}", event_year=year, event_month=8, event_day=20, author=same_author
            )
        make_article(title="1704 other author", event_year=1704, event_month=8, event_day=20)
        make_article(title="1801", event_year=1801, event_month=8, event_day=20)
        make_article(title="1926 round", event_year=1926, event_month=8, event_day=20)
        widget = today_in_history(AUGUST_20, limit=5)
    # 1703 waits: its century and its author both have earlier turns to take.
    assert titles(widget) == ["1926 round", "1701", "1801", "1702", "1704 other author"]
    assert widget.has_more


def test_mixed_keeps_the_groups_and_avoids_repeating_a_century_or_an_author():
    def entry(year, author, *, pinned=False, round_first=1):
        return SimpleNamespace(
            event_year=year, author_id=author, pinned=pinned, round_first=round_first
        )

    pinned = entry(1900, 1, pinned=True)
    round_one = entry(1926, 1, round_first=0)
    a, b, c, d = entry(1701, 1), entry(1702, 1), entry(1750, 2), entry(1801, 1)
    shown = mixed([pinned, round_one, a, b, c, d])
    # After 1926 (author 1): 1750 (author 2), then 1801 (author 1), then 1701 (another
    # century, no other author left), then 1702.
    assert shown == [pinned, round_one, c, d, a, b]
    assert mixed([]) == []


def test_the_picks_list_costs_a_few_queries(client, editor, django_assert_max_num_queries):
    for day in range(1, 21):
        article = make_article(event_month=3, event_day=day)
        EditorsPick.objects.create(event_month=3, event_day=day, article=article)
    with django_assert_max_num_queries(8):
        response = client.get(PICKS)
    assert response.status_code == 200
    assert "March 20" in response.content.decode()
