"""The small published site and the page helper that the reader's-page tests share."""

import pytest

from .factories import make_article, make_author

MATT_BIO = (
    "Matt lives in Southern California. He is interested in politics, history, "
    "literature and the natural world."
)


def page(client, path):
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return response.content.decode()


@pytest.fixture
def site():
    """A small published site: one author, three articles, two tags."""
    matt = make_author(display_name="Matt Example", slug="matt", bio=MATT_BIO)
    return {
        "trotsky": make_article(
            title="Trotsky Assassinated",
            slug="trotsky-assassinated",
            event_year=1940,
            event_month=8,
            event_day=20,
            author=matt,
            tags=["Russia", "Assassinations"],
        ),
        "caesar": make_article(
            title="The Ides of March",
            slug="ides-of-march",
            event_year=-43,
            event_month=3,
            event_day=15,
            author=matt,
            tags=["Rome", "Assassinations"],
        ),
        "leap": make_article(
            title="A Leap Day Event",
            slug="leap-day-event",
            event_year=1940,
            event_month=2,
            event_day=29,
            author=matt,
        ),
    }
