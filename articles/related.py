"""The "Related articles" under an article: same subjects first, then the same day."""

from django.db.models import Count, Exists, OuterRef, Q

from .models import Article, TaggedArticle

# How many of the latest articles on the same subjects, and on the same day, are
# weighed: a bound on the work, however many articles share a popular tag.
RELATED_CANDIDATES = 50


def related_articles(article, tags, count=4):
    """The ``count`` published articles sharing most of ``tags`` (and then the newest),
    among the latest ones with any of them and those on the same day of the year."""
    published = Article.objects.published().exclude(pk=article.pk)
    on_topic = published.filter(
        Exists(TaggedArticle.objects.filter(content_object=OuterRef("pk"), tag__in=tags))
    ).order_by("-publish_at")
    candidates = Article.objects.filter(pk__in=on_topic.values("pk")[:RELATED_CANDIDATES])
    if article.event_date.has_anniversary:
        same_day = published.on_day(article.event_month, article.event_day)
        # A union (an OR would make PostgreSQL scan the table), of subqueries (SQLite
        # allows no LIMIT in the parts of a union).
        candidates = (
            candidates.order_by()
            .values("pk")
            .union(
                Article.objects.filter(pk__in=same_day.values("pk")[:RELATED_CANDIDATES])
                .order_by()
                .values("pk")
            )
        )
    return (
        Article.objects.for_listing()
        .filter(pk__in=candidates)
        .annotate(shared_tags=Count("tags", filter=Q(tags__in=tags)))
        .order_by("-shared_tags", "-publish_at")[:count]
    )
