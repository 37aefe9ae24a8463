"""The article list's search: words, not pieces of words, and titles first."""

import datetime

import pytest
from django.utils import timezone

from articles.admin.search import search_words

from .admin_forms import listed
from .factories import make_article, make_draft, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = make_user("Editors", author=True)
    client.force_login(user)
    return user


def titles(client, **query):
    return [article.title for article in listed(client, **query)]


def test_a_word_is_not_found_inside_another(client, editor):
    make_article(
        title="Darwin sails on the Beagle",
        dek="A voyage that shows both sides of the argument.",
        publish_at=timezone.now() - datetime.timedelta(hours=1),
    )
    make_article(title="Caesar is killed", body="On the Ides of March, in the Curia of Pompey.")
    assert titles(client, q="Ides") == ["Caesar is killed"]
    assert titles(client, q="ides") == ["Caesar is killed"]


def test_titles_with_the_words_come_first(client, editor):
    now = timezone.now()
    make_draft(title="Drake plays bowls", body="The Armada is sighted off Plymouth.")
    make_article(
        title="Newest, about something else", body="Its Armada of footnotes.", publish_at=now
    )
    make_article(
        title="The Armada sails",
        body="From Lisbon.",
        publish_at=now - datetime.timedelta(days=30),
    )
    assert titles(client, q="Armada") == [
        "The Armada sails",
        "Drake plays bowls",  # then the list's own order: drafts first, then the newest
        "Newest, about something else",
    ]


def test_a_word_finds_words_that_start_with_it(client, editor):
    make_article(title="Lincoln", body="His assassination shocked the Union.")
    assert titles(client, q="assassin") == ["Lincoln"]
    assert titles(client, q="ssassin") == []


def test_every_word_must_be_found_and_a_quoted_phrase_together(client, editor):
    make_article(title="Caesar is killed", dek="The Ides of March.")
    make_article(title="March on Rome", dek="Mussolini's Ides of October, so to speak.")
    assert titles(client, q="Ides March") == ["March on Rome", "Caesar is killed"]
    assert titles(client, q='"Ides of March"') == ["Caesar is killed"]


def test_sorting_by_a_column_replaces_titles_first(client, editor):
    make_article(title="B: the Armada sails")
    make_article(title="A: after it", body="The Armada is gone.")
    by_title = {"o": "2"}  # the third column (after the checkbox and the picture)
    assert titles(client, q="Armada", **by_title) == ["A: after it", "B: the Armada sails"]


@pytest.mark.parametrize("query", ["(", "[a-z", "\\y", "*", ".*", "'", '"', "q\\", "%", "_"])
def test_punctuation_and_regular_expression_syntax_are_read_as_text(client, editor, query):
    make_article(title="Anything at all")
    assert titles(client, q=query) == []


def test_an_empty_search_lists_everything(client, editor):
    make_article(title="Anything at all")
    assert titles(client, q="  ") == ["Anything at all"]


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("Ides of March", ["Ides", "of", "March"]),
        ('"Ides of March" Caesar', ["Ides of March", "Caesar"]),
        ("(Caesar), Brutus!", ["Caesar", "Brutus"]),
        ("d'Arc U.S.", ["d'Arc", "U.S"]),
        ("-- ...", []),
    ],
)
def test_search_words(typed, words):
    assert search_words(typed) == words
