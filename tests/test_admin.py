"""The article admin as an editor uses it: the list (columns, filters, search, order),
the publishing actions, and a clear message for every impossible event date."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article

from .admin_forms import listed, new_article_data
from .factories import make_article, make_draft, make_scheduled, make_user

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_article_changelist")


@pytest.fixture
def editor(client):
    user = make_user("Editors", author=True)
    client.force_login(user)
    return user


@pytest.fixture
def three_states():
    return {
        "draft": make_draft(title="A draft"),
        "scheduled": make_scheduled(title="A scheduled one"),
        "published": make_article(title="A published one"),
    }


@pytest.mark.parametrize("state", ["draft", "scheduled", "published"])
def test_the_status_filter_tells_scheduled_from_published(client, editor, three_states, state):
    assert listed(client, state=state) == [three_states[state]]


def test_the_list_shows_the_event_date_as_readers_see_it_and_the_state(client, editor):
    make_scheduled(title="Caesar", event_year=-43, event_month=3, event_day=15)
    content = client.get(CHANGELIST).content.decode()
    assert "March 15, 44 BC" in content
    assert "Scheduled" in content


def test_the_list_links_public_articles_to_their_page_and_others_to_their_preview(
    client, editor, three_states
):
    content = client.get(CHANGELIST).content.decode()
    assert f'href="{three_states["published"].get_absolute_url()}"' in content
    for state in ("draft", "scheduled"):
        preview = reverse("articles:preview", args=[three_states[state].slug])
        assert f'href="{preview}"' in content


def test_drafts_come_first_then_the_newest_publish_time(client, editor):
    now = timezone.now()
    old = make_article(publish_at=now - datetime.timedelta(days=30))
    new = make_article(publish_at=now - datetime.timedelta(days=1))
    draft = make_draft()
    assert listed(client) == [draft, new, old]


@pytest.mark.parametrize("words", ["Armada", "Spanish fleet", "Plymouth Hoe"])
def test_search_looks_in_title_dek_and_body(client, editor, words):
    article = make_article(
        title="The Armada sails", dek="The Spanish fleet leaves", body="Drake on Plymouth Hoe."
    )
    make_article(title="Something else", dek="", body="")
    assert listed(client, q=words) == [article]


@pytest.mark.parametrize(
    ("query", "expected"), [({"century": "-1"}, "Caesar"), ({"tags__id__exact": None}, "Rome")]
)
def test_the_century_and_tag_filters(client, editor, query, expected):
    caesar = make_article(title="Caesar", event_year=-43, tags=["Rome"])
    make_article(title="Modern", event_year=1940)
    if "tags__id__exact" in query:
        query = {"tags__id__exact": caesar.tags.get().pk}
    assert listed(client, **query) == [caesar]


def test_the_author_filter(client, editor):
    mine = make_draft(author=editor.author)
    make_draft()
    assert listed(client, author__id__exact=editor.author.pk) == [mine]


def bulk(client, action, *articles):
    return client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [article.pk for article in articles]},
        follow=True,
    )


def test_publish_now_makes_drafts_and_scheduled_articles_public_now(client, editor, three_states):
    published_at = three_states["published"].publish_at
    before = timezone.now()
    response = bulk(client, "publish_now", *three_states.values())
    assert "2 articles published." in response.content.decode()
    for article in three_states.values():
        article.refresh_from_db()
        assert article.is_public
    assert three_states["draft"].publish_at >= before
    assert three_states["scheduled"].publish_at <= timezone.now()
    assert three_states["published"].publish_at == published_at  # keeps its date


def test_unpublish_makes_drafts_and_keeps_the_publish_time(client, editor, three_states):
    scheduled_at = three_states["scheduled"].publish_at
    response = bulk(client, "unpublish", *three_states.values())
    assert "2 articles are drafts again." in response.content.decode()
    for article in three_states.values():
        article.refresh_from_db()
        assert article.status == Article.Status.DRAFT
    assert three_states["scheduled"].publish_at == scheduled_at
    assert client.get(three_states["published"].get_absolute_url()).status_code == 404


def test_the_body_field_explains_markdown(client, editor):
    content = client.get(reverse("admin:articles_article_add")).content.decode()
    assert "Markdown: *italic*, **bold**" in content


# Every impossible event date is refused with a message on the right field.


@pytest.mark.parametrize(
    ("date", "field", "message"),
    [
        ({"month": "2", "day": "30"}, "day", "February has only 29 days."),
        ({"year": "1900", "month": "2", "day": "29"}, "day", "1900 was not a leap year"),
        ({"year": "44", "era": "BC", "month": "2", "day": "29"}, "day", "44 BC was not a leap"),
        ({"month": "13"}, "month", "Choose a month from the list."),
        ({"month": "4", "day": "31"}, "day", "April has only 30 days."),
        ({"day": "32"}, "day", "The day must be between 1 and 31."),
        ({"day": "0"}, "day", "The day must be between 1 and 31."),
        ({"year": "0"}, "year", "There is no year 0: 1 BC is followed directly by AD 1."),
        ({"year": ""}, "year", "This field is required."),
        ({"year": "nineteen"}, "year", "Write the year in figures, with its era when it is BC"),
        ({"month": "", "day": "12"}, "month", "A day needs a month."),
        ({"year": "99999"}, "year", "The year must be between"),
        (
            {"year": "1500", "month": "1", "day": "1", "event_old_style": "on"},
            "event_old_style",
            "An Old Style date is shown only for full dates from October 15, 1582",
        ),
    ],
)
def test_every_impossible_event_date_gets_a_clear_message(client, editor, date, field, message):
    data = new_article_data(**{"author": str(editor.author.pk), "year": "1928", **date})
    response = client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert message in " ".join(errors[field]), errors
    assert message.split(":")[0] in response.content.decode()
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    ("date", "stored"),
    [
        ({"year": "45", "era": "BC", "month": "2", "day": "29"}, (-44, 2, 29)),
        ({"year": "2000", "month": "2", "day": "29"}, (2000, 2, 29)),
        ({"year": "1", "era": "BC", "month": "", "day": ""}, (0, None, None)),
    ],
)
def test_possible_dates_are_stored_in_astronomical_years(client, editor, date, stored):
    data = new_article_data(author=str(editor.author.pk), **date)
    assert client.post(reverse("admin:articles_article_add"), data).status_code == 302
    article = Article.objects.get()
    assert (article.event_year, article.event_month, article.event_day) == stored
