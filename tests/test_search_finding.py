"""Which published articles a search finds, in what order, and its filters."""

import pytest

from articles import search

from .factories import make_article, make_author, make_draft, make_scheduled
from .test_picture_admin import add_article

# On SQLite and on PostgreSQL; what only PostgreSQL does (the index, accents, the stored
# vector) is in test_search_postgres.py.


# ---------- Finding articles ----------


def titles(query, **filters):
    result = search.search(query, search.Filters(**filters))
    if result.articles is None:
        return []
    return [article.title for article in result.articles]


@pytest.mark.django_db
def test_a_title_hit_ranks_above_a_body_hit():
    make_article(title="A letter from Coyoacán", body="It mentions Trotsky once.")
    make_article(title="Trotsky in exile", body="He wrote every day.")
    make_article(title="Nothing to do with it", body="Nothing at all.")
    assert titles("Trotsky") == ["Trotsky in exile", "A letter from Coyoacán"]


@pytest.mark.django_db
def test_a_dek_or_tag_hit_ranks_above_a_body_hit():
    make_article(title="Body", body="A long story about a volcano.")
    make_article(title="Tagged", body="A long story.", tags=["Volcano"])
    assert titles("volcano") == ["Tagged", "Body"]


@pytest.mark.django_db
def test_quotes_find_a_phrase_or_finds_either_and_minus_leaves_out():
    make_article(title="Axe", body="He was struck with an ice axe, not an ice pick.")
    make_article(title="Pick", body="Someone picked up the ice and left.")
    make_article(title="Brutus", body="Brutus and the others.")
    assert titles('"ice pick"') == ["Axe"]
    assert set(titles("ice pick")) == {"Axe", "Pick"}
    assert set(titles("Brutus or axe")) == {"Brutus", "Axe"}
    assert titles("ice -axe") == ["Pick"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query, expected",
    [
        ("1940", ["Trotsky, 1940", "Mentions 1940"]),
        ("August 20", ["Trotsky, 1940", "Caesar, 20 August 44 BC"]),
        ("44 BC", ["Caesar, 20 August 44 BC"]),
        ("assassination 1940", ["Trotsky, 1940"]),
    ],
)
def test_a_year_or_day_finds_events_of_that_date_whose_text_does_not_say_it(query, expected):
    make_article(title="Trotsky, 1940", body="The assassination.", event_year=1940)
    make_article(
        title="Caesar, 20 August 44 BC",
        body="An assassination.",
        event_year=-43,
        event_month=8,
        event_day=20,
    )
    make_article(title="Mentions 1940", body="Published in 1940.", event_year=1950, event_month=3)
    make_article(title="Unrelated", body="Nothing.", event_year=1066, event_month=10)
    found = titles(query)
    # Events of the date first; then articles that only mention it.
    assert sorted(found[: len(expected)]) == sorted(expected)
    assert len(found) == len(expected)


@pytest.mark.django_db
def test_events_of_the_date_come_before_articles_that_only_mention_it():
    make_article(title="Mentions 1917 a lot", body="1917, 1917, 1917.", event_year=1950)
    make_article(title="About 1917", body="The revolution.", event_year=1917)
    assert titles("1917") == ["About 1917", "Mentions 1917 a lot"]


@pytest.mark.django_db
def test_drafts_and_scheduled_articles_are_never_found():
    make_article(title="Trotsky published")
    make_draft(title="Trotsky draft")
    make_scheduled(title="Trotsky scheduled")
    assert titles("Trotsky") == ["Trotsky published"]
    assert titles("1940") == ["Trotsky published"]


@pytest.mark.django_db
def test_filters_by_tag_author_and_century():
    matt = make_author(slug="matt")
    make_article(title="Revolution in Russia", tags=["Russia"], author=matt, event_year=1917)
    make_article(title="Revolution in France", tags=["France"], event_year=1789)
    make_article(title="Revolution in Rome", tags=["Rome"], event_year=-508)
    assert titles("revolution", tag="russia") == ["Revolution in Russia"]
    assert titles("revolution", author="matt") == ["Revolution in Russia"]
    assert titles("revolution", century=18) == ["Revolution in France"]
    assert titles("revolution", century=-6) == ["Revolution in Rome"]
    assert titles("revolution", tag="russia", century=18) == []
    assert titles("revolution", tag="no-such-tag") == []


@pytest.mark.django_db
def test_a_tag_name_saved_in_the_admin_is_searchable(client, django_user_model):
    user = django_user_model.objects.create(username="editor", is_staff=True, is_superuser=True)
    client.force_login(user)
    response = add_article(
        client,
        make_author(),
        None,
        body="He was killed in Coyoacán.",
        tags="Mountaineering",
        status="published",
    )
    assert response.status_code == 302
    assert titles("mountaineering") == ["The first television"]
