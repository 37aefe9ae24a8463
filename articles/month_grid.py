"""The month grid of a day page: the days of its month, each leading to its own page,
marked where readers find an article or a brief, with the months before and after."""

from dataclasses import dataclass

import pagecache
from briefs.queries import days_with_briefs

from . import dates
from .models import Article


@dataclass(frozen=True)
class GridDay:
    month: int
    day: int
    has_entries: bool
    is_current: bool

    @property
    def day_of_year(self) -> tuple[int, int]:
        return (self.month, self.day)


@dataclass(frozen=True)
class MonthGrid:
    month: int
    days: list[GridDay]
    previous_month: tuple[int, int]
    next_month: tuple[int, int]


def month_grid(month: int, day: int) -> MonthGrid:
    """The grid of ``month`` with ``day`` current. The links to the months before and
    after keep the day where that month has it (March 31 leads to February 29)."""
    marked = days_with_entries(month)
    return MonthGrid(
        month=month,
        days=[
            GridDay(month, number, number in marked, number == day)
            for number in range(1, dates.days_in_month(2000, month) + 1)
        ],
        previous_month=same_day_in(month - 1 or 12, day),
        next_month=same_day_in(month % 12 + 1, day),
    )


def same_day_in(month: int, day: int) -> tuple[int, int]:
    return (month, min(day, dates.days_in_month(2000, month)))


def days_with_entries(month: int) -> set[int]:
    """The days of ``month`` with a published article or brief: one grouped query for
    each, kept until the next change."""
    return pagecache.remembered(
        f"days_with_entries:{month}",
        lambda: days_with_briefs(month).union(
            Article.objects.published()
            .with_anniversary()
            .filter(event_month=month)
            .order_by()
            .values_list("event_day", flat=True)
            .distinct()
        ),
    )
