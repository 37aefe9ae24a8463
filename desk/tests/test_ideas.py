"""Anniversary ideas in the admin: noted with an article's date rules and messages,
seen by every author and editor, changed by their own people, and turned into a draft
article in one click."""

import pytest
import reversion
from django.urls import reverse
from django.utils.html import escape

from articles.models import Article
from desk.models import Idea
from tests.factories import make_article, make_author, make_draft, make_user

from .helpers import author, editor, make_idea, texts, tree

pytestmark = pytest.mark.django_db

ADD = reverse("admin:desk_idea_add")
CHANGELIST = reverse("admin:desk_idea_changelist")


def idea_data(**changes):
    return {
        "title": "The first television",
        "year": "1926",
        "era": "AD",
        "month": "1",
        "day": "26",
        "notes": "Baird in Soho.",
        "source_url": "",
        "assignee": "",
        "_save": "Save",
        **changes,
    }


def change_url(idea):
    return reverse("admin:desk_idea_change", args=[idea.pk])


def draft_url(idea):
    return reverse("admin:desk_idea_draft", args=[idea.pk])


def field_errors(response):
    """{field name: its error messages} of the admin form, each shown on the page."""
    errors = response.context["adminform"].form.errors
    content = response.content.decode()
    for messages in errors.values():
        for message in messages:
            assert escape(message) in content
    return errors


def test_an_author_notes_an_idea_with_a_year_as_sources_write_it(client):
    user = author()
    client.force_login(user)
    response = client.post(ADD, idea_data(year="44 BC", month="3", day="15", assignee=""))
    assert response.status_code == 302
    idea = Idea.objects.get()
    assert (idea.event_year, idea.event_month, idea.event_day) == (-43, 3, 15)
    assert idea.created_by == user
    content = client.get(CHANGELIST).content.decode()
    assert "March 15, 44 BC" in content


def test_an_author_is_offered_as_the_writer_of_a_new_idea(client):
    user = author()
    client.force_login(user)
    response = client.get(ADD, {"month": "8", "day": "21"})
    form = response.context["adminform"].form
    assert form.initial["assignee"] == user.author.pk
    assert (form.initial["month"], form.initial["day"]) == ("8", "21")


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"month": "2", "day": "30"}, "day", "February has only 28 days."),
        (
            {"year": "1939", "month": "2", "day": "29"},
            "day",
            "1939 was not a leap year, so it had no February 29.",
        ),
        ({"year": "0"}, "year", "There is no year 0"),
        ({"year": "1940s"}, "year", "is a decade"),
        ({"month": "", "day": "4"}, "month", "A day needs a month."),
        ({"month": "13"}, "month", "Choose a month from the list."),
        ({"source_url": "javascript:alert(1)"}, "source_url", "Enter a valid URL."),
    ],
)
def test_an_impossible_date_gets_the_articles_message_on_its_field(
    client, changes, field, message
):
    client.force_login(editor())
    response = client.post(ADD, idea_data(**changes))
    assert response.status_code == 200
    errors = field_errors(response)
    assert list(errors) == [field]
    assert message in errors[field][0]
    assert not Idea.objects.exists()


def test_a_bc_leap_day_is_kept(client):
    client.force_login(editor())
    # 45 BC (astronomical -44) was a leap year in the proleptic Gregorian calendar.
    response = client.post(ADD, idea_data(year="45 BC", month="2", day="29"))
    assert response.status_code == 302
    assert Idea.objects.get().event_year == -44


def test_authors_see_every_idea_and_change_their_own(client):
    user = author()
    mine = make_idea(title="Mine", created_by=user)
    given = make_idea(title="Given to me", assignee=user.author)
    other = make_idea(title="Someone else's", created_by=make_user("Authors"))
    client.force_login(user)
    assert texts(client.get(CHANGELIST), "//th[contains(@class, 'field-title')]") == [
        "Mine",
        "Given to me",
        "Someone else's",
    ]
    for idea in (mine, given):
        response = client.get(change_url(idea))
        assert response.context["has_change_permission"]
        assert client.post(change_url(idea), idea_data(title="Renamed")).status_code == 302
    response = client.get(change_url(other))
    assert not response.context["has_change_permission"]  # read only
    assert client.post(change_url(other), idea_data(title="Taken")).status_code == 403
    assert client.post(draft_url(other)).status_code == 403
    other.refresh_from_db()
    assert other.title == "Someone else's"


def test_an_editor_changes_every_idea(client):
    idea = make_idea(created_by=make_user("Authors"))
    client.force_login(editor())
    assert client.post(change_url(idea), idea_data(title="Renamed")).status_code == 302
    idea.refresh_from_db()
    assert idea.title == "Renamed"


def test_turn_into_a_draft_keeps_the_title_and_date_and_opens_the_draft(client):
    user = author()
    idea = make_idea(
        title="Caesar is killed",
        event_year=-43,
        event_month=3,
        event_day=15,
        created_by=user,
    )
    client.force_login(user)
    page = client.get(change_url(idea))
    (form,) = tree(page).find_class("desk-draft")
    assert form.get("action") == draft_url(idea) and form.get("method") == "post"
    response = client.post(draft_url(idea), follow=True)
    article = Article.objects.get()
    assert response.redirect_chain == [
        (reverse("admin:articles_article_change", args=[article.pk]), 302)
    ]
    assert (article.title, article.slug, article.status) == (
        "Caesar is killed",
        "caesar-is-killed",
        Article.Status.DRAFT,
    )
    assert (article.event_year, article.event_month, article.event_day) == (-43, 3, 15)
    assert article.author == user.author
    idea.refresh_from_db()
    assert idea.article == article
    (version,) = reversion.models.Version.objects.get_for_object(article)
    assert version.revision.user == user
    assert "The draft “Caesar is killed” is ready" in response.content.decode()
    # Clicked again (a second tab): the same article, not a second one.
    again = client.post(draft_url(idea))
    assert again.url == reverse("admin:articles_article_change", args=[article.pk])
    assert Article.objects.count() == 1


def test_the_draft_goes_to_the_writer_the_idea_was_given_to(client):
    writer = make_author(display_name="Ada Quill")
    idea = make_idea(title="Hastings", assignee=writer)
    make_article(slug="hastings")
    client.force_login(editor())
    client.post(draft_url(idea))
    draft = Article.objects.get(title="Hastings")
    assert draft.author == writer
    assert draft.slug == "hastings-2"


def test_an_author_may_not_draft_for_another_author(client):
    user = author()
    idea = make_idea(created_by=user, assignee=make_author(display_name="Ada Quill"))
    client.force_login(user)
    response = client.post(draft_url(idea), follow=True)
    assert "This idea is given to Ada Quill" in response.content.decode()
    assert not Article.objects.exists()


def test_a_login_without_an_author_profile_is_told_to_give_the_idea_to_someone(client):
    idea = make_idea()
    client.force_login(make_user("Editors"))
    response = client.post(draft_url(idea), follow=True)
    assert response.redirect_chain[-1][0] == change_url(idea)
    assert "Nobody to credit the draft to" in response.content.decode()
    assert not Article.objects.exists()


def test_turn_into_a_draft_is_a_post(client):
    idea = make_idea()
    client.force_login(editor())
    response = client.get(draft_url(idea))
    assert response.status_code == 302
    assert response["Location"] == change_url(idea)
    assert not Article.objects.exists()
    assert client.post(reverse("admin:desk_idea_draft", args=[idea.pk + 1])).status_code == 404


def test_an_idea_with_an_article_links_to_it_instead(client):
    draft = make_draft(title="Started")
    idea = make_idea(article=draft)
    client.force_login(editor())
    page = tree(client.get(change_url(idea)))
    assert not page.find_class("desk-draft")
    links = [a.get("href") for a in page.find_class("object-tools")[0].iter("a")]
    assert reverse("admin:articles_article_change", args=[draft.pk]) in links


def test_the_list_filters_ideas_by_progress(client):
    make_idea(title="Waiting")
    make_idea(title="Drafted", article=make_draft())
    make_idea(title="Written", article=make_article())
    client.force_login(editor())
    for progress, title in [
        ("waiting", "Waiting"),
        ("draft", "Drafted"),
        ("published", "Written"),
    ]:
        response = client.get(CHANGELIST, {"progress": progress})
        assert texts(response, "//th[contains(@class, 'field-title')]") == [title]
