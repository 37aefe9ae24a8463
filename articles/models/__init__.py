"""The articles app's models: the article and its author (article.py), the editors'
review notes (review.py) and the picks that lead Today in History (picks.py)."""

from .article import (
    CHRONOLOGICAL,
    Article,
    ArticleQuerySet,
    Author,
    EditConflict,
    PublicationQuerySet,
    TaggedArticle,
    next_publication_time,
    published_q,
    scheduled_q,
)
from .picks import EditorsPick
from .review import ReviewNote

__all__ = [
    "CHRONOLOGICAL",
    "Article",
    "ArticleQuerySet",
    "Author",
    "EditConflict",
    "EditorsPick",
    "PublicationQuerySet",
    "ReviewNote",
    "TaggedArticle",
    "next_publication_time",
    "published_q",
    "scheduled_q",
]
