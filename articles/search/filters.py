"""The filters of a results page (tag, author, century): read from GET parameters,
applied to the matches, and offered as choices with counts."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count

from .. import dates
from ..models import Article, TaggedArticle
from .matching import tagged

# Tags and authors offered as filters on a results page, most frequent first.
FACET_LIMIT = 20


def _slug(value):
    if value and re.fullmatch(r"[-\w]{1,100}", value):
        return value
    return None


def _century(value):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    if number == 0 or not dates.century(dates.MIN_YEAR) <= number <= dates.century(dates.MAX_YEAR):
        return None
    return number


@dataclass
class Filters:
    """The filters of a results page, as valid values or None (not filtering)."""

    tag: str | None = None
    author: str | None = None
    century: int | None = None

    @classmethod
    def from_params(cls, params) -> Filters:
        """Filters from GET parameters. A malformed value is ignored; a well-formed
        slug that names nothing finds nothing."""
        return cls(
            tag=_slug(params.get("tag")),
            author=_slug(params.get("author")),
            century=_century(params.get("century")),
        )

    def __bool__(self):
        return any(value is not None for value in self.as_params().values())

    def as_params(self) -> dict:
        """The filters in use, as GET parameters."""
        params = {"tag": self.tag, "author": self.author, "century": self.century}
        return {key: value for key, value in params.items() if value is not None}

    def apply(self, articles):
        if self.tag is not None:
            articles = articles.filter(tagged(tag__slug=self.tag))
        if self.author is not None:
            articles = articles.filter(author__slug=self.author)
        if self.century is not None:
            articles = articles.filter(event_year__range=dates.century_span(self.century))
        return articles


def _facet(rows, value, name):
    """The FACET_LIMIT most frequent (value, name) pairs of ``rows``, with counts."""
    grouped = (
        rows.values(value, name).annotate(count=Count("id")).order_by("-count", name)[:FACET_LIMIT]
    )
    return [{"value": row[value], "name": row[name], "count": row["count"]} for row in grouped]


def _counted_rows(rows):
    """Authors as :func:`_facet` gives them, and (year, count) pairs, from the
    (id, (event year, author slug, author name)) rows of the matches."""
    authors = Counter((slug, name) for _pk, (_year, slug, name) in rows)
    ranked = sorted(authors.items(), key=lambda item: (-item[1], item[0][1]))[:FACET_LIMIT]
    years = Counter(year for _pk, (year, _slug, _name) in rows)
    return (
        [{"value": slug, "name": name, "count": count} for (slug, name), count in ranked],
        sorted(years.items()),
    )


def filter_choices(matches, filters: Filters) -> dict:
    """The tags, authors and centuries of the matching articles, with counts, for
    the filters of a results page (three grouped queries; one, for the tags, when
    the search read the authors and years with the matches: ``matches.facet_rows``).
    A filter in use stays a choice even when nothing matches it, so the reader sees
    it and can undo it."""
    rows = getattr(matches, "facet_rows", None)
    if rows is not None:  # PostgreSQL
        from .postgres import among

        ids = [pk for pk, _facets in rows]
        tags = _facet(
            TaggedArticle.objects.filter(among(ids, "content_object_id")), "tag__slug", "tag__name"
        )
        authors, years = _counted_rows(rows)
    else:
        ids = matches.order_by().values("pk")
        tags = _facet(
            TaggedArticle.objects.filter(content_object__in=ids), "tag__slug", "tag__name"
        )
        found = Article.objects.filter(pk__in=ids)
        authors = _facet(found, "author__slug", "author__display_name")
        years = found.values_list("event_year").annotate(count=Count("id")).order_by("event_year")
    counts = {}
    for year, count in years:
        counts[dates.century(year)] = counts.get(dates.century(year), 0) + count
    centuries = [{"value": number, "count": count} for number, count in counts.items()]
    for choices, value in (
        (tags, filters.tag),
        (authors, filters.author),
        (centuries, filters.century),
    ):
        if value is not None and all(choice["value"] != value for choice in choices):
            choices.append({"value": value, "name": value, "count": 0})
    centuries.sort(key=lambda choice: choice["value"])
    return {"tags": tags, "authors": authors, "centuries": centuries}
