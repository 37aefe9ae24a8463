"""What the decade and century pages show: the articles and briefs of a span of years
as one chronological list (read a page at a time), and the years that have any; what
the year page and the timeline show around them (neighbouring years, the counts)."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Case, CharField, Count, F, IntegerField, Value, When

from briefs.models import Brief
from briefs.queries import briefs_by_kind, briefs_in_years

from . import dates
from .models import Article

# Within a year: the articles, then the briefs by kind, in the order pages show kinds.
ARTICLE_RANK = 0
KIND_RANKS = {Brief.Kind.EVENT: 1, Brief.Kind.BIRTH: 2, Brief.Kind.DEATH: 3}


def entries_in_years(first_year: int, last_year: int):
    """The published articles and briefs of the span as rows (source, pk, year, ...),
    in the order the pages list them: by year; in each year the articles, then the
    events, births and deaths; each of those by date (the year alone first, then the
    month, then the day). One query for a page of it, one to count it."""
    in_span = {"event_year__range": (first_year, last_year)}
    kind_rank = Case(
        *[When(kind=kind, then=Value(rank)) for kind, rank in KIND_RANKS.items()],
        output_field=IntegerField(),
    )
    articles = (
        Article.objects.published()
        .filter(**in_span)
        .order_by()
        .annotate(source=Value("article", CharField()), rank=Value(ARTICLE_RANK))
        .values_list("source", "pk", "event_year", "rank", "event_month", "event_day")
    )
    briefs = (
        Brief.objects.published()
        .filter(**in_span)
        .order_by()
        .annotate(source=Value("brief", CharField()), rank=kind_rank)
        .values_list("source", "pk", "event_year", "rank", "event_month", "event_day")
    )
    return articles.union(briefs, all=True).order_by(
        "event_year",
        "rank",
        F("event_month").asc(nulls_first=True),
        F("event_day").asc(nulls_first=True),
        "pk",
    )


@dataclass
class YearOfEntries:
    """One year's part of a page: its articles, then its briefs by kind."""

    year: int
    articles: list = field(default_factory=list)
    briefs: list = field(default_factory=list)

    @property
    def brief_groups(self):
        return briefs_by_kind(self.briefs)


def read_entries(rows, first_year: int, last_year: int) -> list[YearOfEntries]:
    """The articles and briefs of a page of ``entries_in_years`` rows, by year, in the
    rows' order: one query for the articles (with their authors), one for the briefs."""
    rows = list(rows)
    article_ids = [pk for source, pk, *_ in rows if source == "article"]
    brief_ids = [pk for source, pk, *_ in rows if source == "brief"]
    articles = Article.objects.for_listing().in_bulk(article_ids) if article_ids else {}
    briefs = briefs_in_years(first_year, last_year).in_bulk(brief_ids) if brief_ids else {}
    years = []
    for source, pk, year, *_ in rows:
        if not years or years[-1].year != year:
            years.append(YearOfEntries(year))
        if source == "article" and pk in articles:
            years[-1].articles.append(articles[pk])
        elif source == "brief" and pk in briefs:
            years[-1].briefs.append(briefs[pk])
    return years


def years_with_entries(first_year: int, last_year: int) -> dict[int, int]:
    """{year: number of published articles and briefs} for the years of the span that
    have any, in one query."""
    in_span = {"event_year__range": (first_year, last_year)}
    counted = (
        Article.objects.published()
        .filter(**in_span)
        .order_by()
        .values_list("event_year")
        .annotate(count=Count("pk"))
        .union(
            Brief.objects.published()
            .filter(**in_span)
            .order_by()
            .values_list("event_year")
            .annotate(count=Count("pk")),
            all=True,
        )
    )
    years = defaultdict(int)
    for year, count in counted:
        years[year] += count
    return dict(sorted(years.items()))


def neighbouring_years(year):
    """{"previous": , "next": }: the nearest years before and after ``year`` with a
    published article, or None."""
    years = Article.objects.published().values_list("event_year", flat=True)
    return {
        "previous": years.filter(event_year__lt=year).order_by("-event_year").first(),
        "next": years.filter(event_year__gt=year).order_by("event_year").first(),
    }


def timeline_centuries():
    """[{number, count, decades: [{start, count, years: [{year, count}]}]}], oldest first."""
    counts = (
        Article.objects.published()
        .values_list("event_year")
        .annotate(count=Count("id"))
        .order_by("event_year")
    )
    centuries = []
    for year, count in counts:
        century, decade = dates.century(year), dates.decade(year)
        if not centuries or centuries[-1]["number"] != century:
            centuries.append({"number": century, "count": 0, "decades": []})
        current = centuries[-1]
        current["count"] += count
        if not current["decades"] or current["decades"][-1]["start"] != decade:
            current["decades"].append({"start": decade, "count": 0, "years": []})
        current["decades"][-1]["count"] += count
        current["decades"][-1]["years"].append({"year": year, "count": count})
    return centuries
