"""Coverage: how many published articles each day of the year has, counted in one
grouped query, with the shade each count gets on the grid."""

from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from articles import dates
from articles.models import Article

# The grid's shades: (the fewest articles a shade needs, its name, what it means). Fixed
# steps, not shares of the busiest day, so that "one article" always looks the same.
SHADES = [
    (0, "none", _("no article")),
    (1, "one", _("1 article")),
    (2, "few", _("2 to 4 articles")),
    (5, "some", _("5 to 9 articles")),
    (10, "many", _("10 articles or more")),
]


@dataclass(frozen=True)
class CoveredDay:
    month: int
    day: int
    count: int

    @property
    def shade(self) -> str:
        return [name for least, name, _meaning in SHADES if self.count >= least][-1]


def days_of_the_year() -> list[tuple[int, int]]:
    """Every (month, day) of a leap year: the 366 days anniversaries fall on."""
    return [
        (month, day)
        for month in range(1, 13)
        for day in range(1, dates.days_in_month(2000, month) + 1)
    ]


def coverage() -> list[CoveredDay]:
    """Each day of the year with the number of published articles remembered on it
    (events of 29 February on 29 February)."""
    counts = {
        (row["event_month"], row["event_day"]): row["count"]
        for row in Article.objects.published()
        .with_anniversary()
        .values("event_month", "event_day")
        .annotate(count=Count("pk"))
        .order_by()
    }
    return [
        CoveredDay(month, day, counts.get((month, day), 0)) for month, day in days_of_the_year()
    ]


def shade_legend() -> list[tuple[str, str]]:
    """(shade, what it means) for the grid's key."""
    return [(name, meaning) for _least, name, meaning in SHADES]
