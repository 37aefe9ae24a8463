"""Keeping each article's stored search vector current (PostgreSQL only): title
weighted A, dek and tag names B, body text C, indexed with GIN (migration 0003)."""

from django.contrib.postgres.search import SearchVector
from django.db.models import Value

from ..models import Article
from .postgres import is_postgresql, search_config
from .text import body_text


def _document(article: Article) -> SearchVector:
    config = search_config()
    tags = " ".join(sorted(tag.name for tag in article.tags.all()))
    return (
        SearchVector(Value(article.title), weight="A", config=config)
        + SearchVector(Value(f"{article.dek} {tags}"), weight="B", config=config)
        + SearchVector(Value(body_text(article.body_html)), weight="C", config=config)
    )


def update_search_vector(articles) -> None:
    """Recompute the search vector of an article, or of every article of a queryset.

    Call it after an article *and its tags* are saved: the admin, the demo content and
    the test factories do. On databases other than PostgreSQL there is no vector to
    keep, and this does nothing.
    """
    if isinstance(articles, Article):
        articles = Article.objects.using(articles._state.db or "default").filter(pk=articles.pk)
    if not is_postgresql(articles):
        return
    rows = articles.only("pk", "title", "dek", "body_html").prefetch_related("tags")
    for article in rows.iterator(chunk_size=500):
        Article.objects.using(articles.db).filter(pk=article.pk).update(
            search_vector=_document(article)
        )
