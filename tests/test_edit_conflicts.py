"""Two people open the same article and both save: the second save is refused, says who
saved in between and when, and keeps the second person's text on the form."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client

from articles.models import Article

from .admin_forms import form_data, open_article, save_article
from .factories import make_draft, make_user

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
