"""The site that the hostile-address tests (tests/test_hostile_urls_*.py) request."""

import pytest

from .factories import make_article, make_author, make_user


@pytest.fixture
def site():
    """One published article, with its author and a tag, a second author (so that the
    admin offers to filter by author), and a superuser."""
    article = make_article(slug="the-blitz-begins", tags=["World War II"])
    make_author()
    return {
        "article": article,
        "author": article.author,
        "tag": article.tags.get(),
        "superuser": make_user("superuser"),
    }
