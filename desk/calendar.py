"""The editorial calendar: the days of a window of weeks, each with the published and
scheduled articles and the waiting ideas whose anniversary falls on it.

The database is asked for the window's days of the year only, with at most
ARTICLES_PER_DAY articles a day (round anniversaries first) and each day's count, so the
page costs the same few queries with ten articles or a hundred thousand.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Case, Count, F, Q, Value, When, Window
from django.db.models.functions import RowNumber

from articles import dates
from articles.anniversaries import round_anniversary_in
from articles.models import CHRONOLOGICAL, Article

from .models import Idea

WEEKS = 8
ARTICLES_PER_DAY = 10


@dataclass(frozen=True)
class Remembered:
    """An article or an idea whose event is remembered on the date ``on``."""

    event: Article | Idea
    on: datetime.date

    @property
    def number(self) -> int:
        """Which anniversary: 100 for the 100th."""
        return dates.anniversary_number(self.event.event_date, self.on.year)

    @property
    def ordinal(self) -> str:
        return dates.ordinal(self.number)

    @property
    def is_round(self) -> bool:
        return dates.is_round_anniversary(self.number)


@dataclass
class Day:
    date: datetime.date
    articles: list[Remembered] = field(default_factory=list)
    article_count: int = 0
    ideas: list[Remembered] = field(default_factory=list)

    @property
    def more_articles(self) -> int:
        """Articles of the day not listed (only the first ARTICLES_PER_DAY are)."""
        return self.article_count - len(self.articles)

    @property
    def is_uncovered(self) -> bool:
        """Nothing published or scheduled for this day yet."""
        return self.article_count == 0


def window(start: datetime.date, weeks: int = WEEKS) -> list[datetime.date]:
    return [start + datetime.timedelta(days=offset) for offset in range(weeks * 7)]


def calendar(start: datetime.date, weeks: int = WEEKS) -> list[Day]:
    """The days from ``start``, for ``weeks`` weeks, with what is remembered on each."""
    days = {date: Day(date) for date in window(start, weeks)}
    kept_on = {pair: date for date in days for pair in dates.anniversary_days(date)}
    in_window = window_q(kept_on)
    articles = (
        (Article.objects.published() | Article.objects.scheduled())
        .with_anniversary()
        .filter(in_window)
        .for_listing()
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("event_month"), F("event_day")],
                order_by=[round_first(kept_on).asc(), *CHRONOLOGICAL],
            ),
            day_count=Window(Count("pk"), partition_by=[F("event_month"), F("event_day")]),
        )
        .filter(rank__lte=ARTICLES_PER_DAY)
        .order_by("event_month", "event_day", "rank")
    )
    counted = set()
    for article in articles:
        day = days[kept_on[article.day_of_year]]
        day.articles.append(Remembered(article, day.date))
        if article.day_of_year not in counted:  # 29 February adds to the 28th's count
            counted.add(article.day_of_year)
            day.article_count += article.day_count
    ideas = (
        Idea.objects.waiting()
        .filter(in_window, event_day__isnull=False, event_approximate=False)
        .select_related("assignee", "article")
    )
    for idea in ideas:
        day = days[kept_on[idea.day_of_year]]
        day.ideas.append(Remembered(idea, day.date))
    for day in days.values():
        day.articles.sort(key=round_then_oldest)
        day.ideas.sort(key=round_then_oldest)
    return list(days.values())


def round_then_oldest(remembered):
    return (not remembered.is_round, remembered.event.event_year, remembered.event.pk)


def window_q(kept_on: dict[tuple[int, int], datetime.date]) -> Q:
    """Events remembered on the window's days, in the years before each day's: an
    event still to come has no anniversary yet. One condition per month and year."""
    days_by_month = {}
    for (month, day), date in kept_on.items():
        days_by_month.setdefault((date.year, month), []).append(day)
    condition = Q()
    for (year, month), days in days_by_month.items():
        condition |= Q(event_month=month, event_day__in=sorted(days), event_year__lt=year)
    return condition


def round_first(kept_on: dict[tuple[int, int], datetime.date]) -> Case:
    """0 for an event whose anniversary in the window is a round one, 1 for the others."""
    months_by_year = {}
    for (month, _day), date in kept_on.items():
        months_by_year.setdefault(date.year, set()).add(month)
    return Case(
        *(
            When(Q(event_month__in=sorted(months)) & round_anniversary_in(year), then=Value(0))
            for year, months in months_by_year.items()
        ),
        default=Value(1),
    )
