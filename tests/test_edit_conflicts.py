"""Two people open the same article and both save: the second save is refused, says who
saved in between and when, and keeps the second person's text on the form."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from articles.admin import ArticleAdmin
from articles.models import Article, EditConflict

from .admin_forms import form_data, open_article, save_article
from .factories import make_author, make_draft, make_user

pytestmark = pytest.mark.django_db


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def grace():
    return make_user("Editors", author=True)


@pytest.fixture
def article(grace):
    grace.author.display_name = "Grace Whitmore"
    grace.author.save()
    return make_draft(title="The Armada sails", body="First draft.", author=grace.author)


def test_the_second_of_two_saves_is_refused_and_keeps_its_text(article, grace, settings):
    settings.TIME_ZONE = "Europe/London"
    other = make_user("Editors")
    mine, theirs = logged_in(grace), logged_in(other)
    my_form = open_article(mine, article)
    their_form = open_article(theirs, article)

    moment = datetime.datetime(2026, 11, 29, 14, 5, tzinfo=ZoneInfo("Europe/London"))
    with time_machine.travel(moment, tick=False):
        assert save_article(mine, article, my_form, body="Grace's version.").status_code == 302
    response = save_article(theirs, article, their_form, body="The other version.")

    assert response.status_code == 200
    errors = response.context["adminform"].form.non_field_errors()
    assert errors == [
        "Grace Whitmore saved this article at 14:05 on 29 November, after you opened it. "
        "Your changes are below and have not been saved: copy what you need, reload the "
        "article, and merge."
    ]
    assert "Grace Whitmore saved this article at 14:05 on 29 November" in (
        response.content.decode()
    )
    assert form_data(response)["body"] == "The other version."
    article.refresh_from_db()
    assert article.body == "Grace's version."


def test_saving_again_without_reloading_is_still_refused(article, grace):
    other = make_user("Editors")
    mine, theirs = logged_in(grace), logged_in(other)
    my_form, their_form = open_article(mine, article), open_article(theirs, article)
    save_article(mine, article, my_form, body="Grace's version.")
    refused = save_article(theirs, article, their_form, body="The other version.")
    # Resubmitting the refused form, as it came back, is refused again.
    assert save_article(theirs, article, form_data(refused)).status_code == 200
    article.refresh_from_db()
    assert article.body == "Grace's version."


def test_after_reloading_the_second_person_saves_their_merge(article, grace):
    other = make_user("Editors")
    mine, theirs = logged_in(grace), logged_in(other)
    my_form, their_form = open_article(mine, article), open_article(theirs, article)
    save_article(mine, article, my_form, body="Grace's version.")
    assert save_article(theirs, article, their_form, body="Mine.").status_code == 200
    reloaded = open_article(theirs, article)
    merged = "Grace's version. And mine."
    assert save_article(theirs, article, reloaded, body=merged).status_code == 302
    article.refresh_from_db()
    assert article.body == merged


def test_one_person_saving_twice_in_a_row_is_no_conflict(article, grace):
    mine = logged_in(grace)
    data = open_article(mine, article)
    response = mine.post(
        f"/admin/articles/article/{article.pk}/change/",
        {**data, "body": "Second draft.", "_continue": "Save and continue"},
    )
    assert response.status_code == 302
    data = open_article(mine, article)
    assert save_article(mine, article, data, body="Third draft.").status_code == 302
    article.refresh_from_db()
    assert article.body == "Third draft."


def test_a_save_without_a_revision_is_reported_by_its_time(article, grace):
    mine = logged_in(grace)
    data = open_article(mine, article)
    Article.objects.get(pk=article.pk).save()  # a script: no revision, no user
    response = save_article(mine, article, data, body="Mine.")
    (error,) = response.context["adminform"].form.non_field_errors()
    assert error.startswith("Someone saved this article at ")


def test_a_form_posted_without_its_version_is_refused(article, grace):
    """A stale tab, or a hand-made POST, cannot show it saw the last save."""
    other = make_user("Editors")
    mine, theirs = logged_in(grace), logged_in(other)
    their_form = open_article(theirs, article)
    save_article(mine, article, open_article(mine, article), body="Grace's version.")
    del their_form["opened_version"]

    response = save_article(theirs, article, their_form, body="The other version.")

    (error,) = response.context["adminform"].form.non_field_errors()
    assert error.startswith("Grace Whitmore saved this article at ")
    assert form_data(response)["body"] == "The other version."
    article.refresh_from_db()
    assert article.body == "Grace's version."


def test_every_save_moves_the_article_to_its_next_version(article):
    version = article.version
    article.save()
    article.refresh_from_db()
    assert article.version == version + 1


def test_saving_a_copy_read_before_another_save_raises_and_saves_nothing(article):
    first, second = Article.objects.get(pk=article.pk), Article.objects.get(pk=article.pk)
    first.body = "Saved first."
    first.save()
    second.body = "Saved second, from an older copy."
    with pytest.raises(EditConflict):
        second.save()
    article.refresh_from_db()
    assert article.body == "Saved first."


def test_a_save_between_the_forms_check_and_its_save_is_not_overwritten(
    article, grace, monkeypatch
):
    """Two saves in the same instant: both forms pass the check, having read the article
    before either saved; the version each save claims in its UPDATE refuses the second,
    whose form then says so and keeps its text."""
    mine = logged_in(grace)
    data = open_article(mine, article)
    read_before_the_other_save = [Article.objects.get(pk=article.pk)]
    other = Article.objects.get(pk=article.pk)
    other.body = "Saved in between."
    other.save()
    get_object = ArticleAdmin.get_object

    def first_read_is_stale(admin, request, object_id, from_field=None):
        if read_before_the_other_save:
            return read_before_the_other_save.pop()
        return get_object(admin, request, object_id, from_field)

    monkeypatch.setattr(ArticleAdmin, "get_object", first_read_is_stale)
    response = save_article(mine, article, data, body="Mine.")

    assert response.status_code == 200
    (error,) = response.context["adminform"].form.non_field_errors()
    assert error.startswith("Someone saved this article at ")
    assert form_data(response)["body"] == "Mine."
    article.refresh_from_db()
    assert article.body == "Saved in between."


def test_publishing_from_the_list_refuses_a_form_opened_before(article, grace):
    editor = logged_in(make_user("Editors"))
    mine = logged_in(grace)
    data = open_article(mine, article)
    editor.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_now", "_selected_action": [article.pk]},
    )
    response = save_article(mine, article, data, body="Mine.")
    assert response.status_code == 200
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert article.body == "First draft."


@pytest.mark.parametrize(
    ("author_name", "first_name", "expected"),
    [
        ("Grace Whitmore", "Grace", "Grace Whitmore"),
        (None, "Grace", "Grace Hopper"),
        (None, "", ""),
    ],
)
def test_the_message_names_the_author_else_the_full_name_else_the_login(
    article, author_name, first_name, expected
):
    other = make_user("Editors", first_name=first_name, last_name="Hopper" if first_name else "")
    if author_name:
        make_author(user=other, display_name=author_name)
    mine, theirs = logged_in(make_user("Editors")), logged_in(other)
    my_form = open_article(mine, article)
    save_article(theirs, article, open_article(theirs, article), body="Theirs.")

    response = save_article(mine, article, my_form, body="Mine.")

    (error,) = response.context["adminform"].form.non_field_errors()
    assert error.startswith(f"{expected or other.username} saved this article at ")
