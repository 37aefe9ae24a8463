"""RSS 2.0 and Atom feeds: the latest articles, per tag, per author (latest.py), and on
this day (on_this_day.py).

Every URL in a feed is absolute on SITE_URL (django.contrib.syndication leaves absolute
URLs alone, so the request's Host is never used). Items carry the full article.
"""

from .latest import (
    ArticleAtomFeed,
    ArticleFeed,
    AuthorAtomFeed,
    AuthorFeed,
    TagAtomFeed,
    TagFeed,
)
from .on_this_day import OnThisDayAtomFeed, OnThisDayFeed

__all__ = [
    "ArticleAtomFeed",
    "ArticleFeed",
    "AuthorAtomFeed",
    "AuthorFeed",
    "OnThisDayAtomFeed",
    "OnThisDayFeed",
    "TagAtomFeed",
    "TagFeed",
]
