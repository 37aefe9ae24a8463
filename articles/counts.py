"""Tags and authors as readers meet them: only those with published articles (or, for
tags, published briefs), with how many each has. Counting takes a scan of every
published article (a fifth of a second at 100,000), so the lists are kept until the
next change (pagecache.remembered). Authors count articles only: briefs have none."""

from typing import NamedTuple

from django.db.models import Count, Value
from taggit.models import Tag

import pagecache
from briefs.queries import tagged_brief_counts

from .models import Author, TaggedArticle, published_q


def published_count(path):
    """An annotation counting the published articles found along ``path``."""
    return Count(path, filter=published_q(f"{path}__"), distinct=True)


def published_tags():
    """Tags used by at least one published article, most used first, with
    ``article_count``; a tag with no address (see articles.tagging) is left out."""
    return (
        Tag.objects.exclude(slug="")
        .annotate(article_count=published_count("articles_taggedarticle_items__content_object"))
        .filter(article_count__gt=0)
        .order_by("-article_count", "name")
    )


def _counted_tag_rows():
    """(pk, name, slug, article count, brief count) of the tags of published articles
    and of published briefs: the two grouped counts united in one query (a tag both
    have comes twice). Counted in one grouped query each, not per tag, which at
    100,000 articles and 300,000 briefs is the difference of a second."""
    articles = (
        TaggedArticle.objects.filter(published_q("content_object__"))
        .exclude(tag__slug="")
        .values_list("tag_id", "tag__name", "tag__slug")
        .annotate(articles=Count("content_object_id", distinct=True), briefs=Value(0))
    )
    return articles.union(tagged_brief_counts(), all=True)


def published_authors():
    """Authors with at least one published article, with ``article_count``."""
    return (
        Author.objects.annotate(article_count=published_count("articles"))
        .filter(article_count__gt=0)
        .order_by("display_name")
    )


class TagCount(NamedTuple):
    pk: int
    name: str
    slug: str
    article_count: int
    brief_count: int = 0


def tag_counts():
    """The tags of published articles or briefs, as TagCounts with both counts, most
    articles first, then most briefs, then by name; kept until the next change of any
    article, brief or tag (plain tuples: a list of model instances would cost more to
    unpickle than to render)."""
    return pagecache.remembered("tag_counts", _count_tags)


def _count_tags():
    counted = {}
    for pk, name, slug, articles, briefs in _counted_tag_rows():
        known = counted.get(pk, TagCount(pk, name, slug, 0, 0))
        counted[pk] = known._replace(
            article_count=known.article_count + articles, brief_count=known.brief_count + briefs
        )
    return sorted(
        counted.values(),
        key=lambda tag: (-tag.article_count, -tag.brief_count, tag.name.casefold(), tag.pk),
    )


def published_tag(slug):
    """The TagCount of the tag at ``slug``, or None when no published article or brief
    uses it: a tag that only drafts use is not revealed, on its page nor in its feed."""
    for tag in tag_counts():
        if tag.slug == slug:
            return tag
    return None


def author_counts():
    """published_authors(), as a list kept until the next change."""
    return pagecache.remembered("author_counts", lambda: list(published_authors()))
