"""Tags and authors as readers meet them: only those with published articles (or, for
tags, published briefs), with how many each has. Counting takes a scan of every
published article (a fifth of a second at 100,000), so the lists are kept until the
next change (pagecache.remembered). Authors count articles only: briefs have none."""

from typing import NamedTuple

from django.db.models import Count, Q
from taggit.models import Tag

import pagecache
from briefs.queries import published_brief_count

from .models import Author, published_q


def published_count(path):
    """An annotation counting the published articles found along ``path``."""
    return Count(path, filter=published_q(f"{path}__"), distinct=True)


def published_tags():
    """Tags used by at least one published article or brief, most articles first, then
    most briefs, with ``article_count`` and ``brief_count``; a tag with no address (see
    articles.tagging) is left out. One query."""
    return (
        Tag.objects.exclude(slug="")
        .annotate(
            article_count=published_count("articles_taggedarticle_items__content_object"),
            brief_count=published_brief_count(),
        )
        .filter(Q(article_count__gt=0) | Q(brief_count__gt=0))
        .order_by("-article_count", "-brief_count", "name")
    )


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
    """published_tags(), as TagCounts, kept until the next change of any article, brief
    or tag (plain tuples: a list of model instances would cost more to unpickle than to
    render)."""
    return pagecache.remembered(
        "tag_counts",
        lambda: [
            TagCount(*row)
            for row in published_tags().values_list(
                "pk", "name", "slug", "article_count", "brief_count"
            )
        ],
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
