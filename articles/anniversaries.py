"""Anniversaries: what Today in History shows on a given day (today's, or the coming
ones), an event's next anniversary, and which days of the year have articles."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Case, Exists, F, OuterRef, Q, Value, When, Window
from django.db.models.functions import Mod, RowNumber
from django.db.models.lookups import Exact

import pagecache

from . import dates
from .models import CHRONOLOGICAL, Article, EditorsPick

UPCOMING_DAYS = 7


@dataclass(frozen=True)
class Anniversary:
    """An article's event remembered on the date ``on``."""

    article: Article
    on: datetime.date

    @property
    def day_of_year(self) -> tuple[int, int]:
        return (self.on.month, self.on.day)

    @property
    def number(self) -> int:
        """Which anniversary this is: also how many years ago the event happened."""
        return dates.anniversary_number(self.article.event_date, self.on.year)

    @property
    def is_round(self) -> bool:
        return dates.is_round_anniversary(self.number)

    @property
    def is_leap_day_kept_early(self) -> bool:
        """A February 29 event remembered on February 28 of a common year."""
        return (self.article.event_month, self.article.event_day) == (2, 29) and self.on.day == 28


@dataclass
class TodayInHistory:
    today: datetime.date
    anniversaries: list[Anniversary] = field(default_factory=list)
    has_more: bool = False
    # Filled only when today has no anniversaries:
    upcoming: list[Anniversary] = field(default_factory=list)
    upcoming_within_week: bool = False

    @property
    def day_of_year(self) -> tuple[int, int]:
        return (self.today.month, self.today.day)

    @property
    def upcoming_in_days(self) -> list[tuple[Anniversary, int]]:
        """Each upcoming anniversary with the number of days until it."""
        return in_days(self.upcoming, self.today)

    @property
    def lead(self) -> Anniversary | None:
        """The anniversary that leads the home page: the editor's pick, else the
        roundest round one (a 100th before a 50th, a 50th before a 10th; the widget's
        order between equals), else the first."""
        if not self.anniversaries:
            return None
        first = self.anniversaries[0]
        rounds = [anniversary for anniversary in self.anniversaries if anniversary.is_round]
        if getattr(first.article, "pinned", False) or not rounds:
            return first
        return max(rounds, key=lambda anniversary: roundness(anniversary.number))

    @property
    def others(self) -> list[Anniversary]:
        """Today's anniversaries but the lead, in the widget's order."""
        lead = self.lead
        return [anniversary for anniversary in self.anniversaries if anniversary is not lead]


def roundness(number: int) -> int:
    """How round an anniversary number is: the largest of 1000, 500, 100, 50, 25 and 10
    that divides it (0 for none)."""
    return max((step for step in (10, 25, 50, 100, 500, 1000) if number % step == 0), default=0)


def in_days(anniversaries: list[Anniversary], today: datetime.date) -> list[tuple]:
    """Each anniversary with the number of days from ``today`` until it."""
    return [(anniversary, (anniversary.on - today).days) for anniversary in anniversaries]


def days_with_articles() -> list[tuple[int, int]]:
    """The days of the year, as (month, day) in calendar order, with at least one
    published article; kept until the next change."""
    return pagecache.remembered(
        "days_with_articles",
        lambda: list(
            Article.objects.published()
            .with_anniversary()
            .order_by("event_month", "event_day")
            .values_list("event_month", "event_day")
            .distinct()
        ),
    )


def nearest_days_with_articles(month: int, day: int) -> tuple[tuple | None, tuple | None]:
    """The nearest days before and after month/day that have articles, going round
    the year's end; (None, None) when no day has any."""
    days = [found for found in days_with_articles() if found != (month, day)]
    if not days:
        return None, None
    earlier = [found for found in days if found < (month, day)]
    later = [found for found in days if found > (month, day)]
    return (earlier or days)[-1], (later or days)[0]


def round_anniversary_in(year: int) -> Q:
    """Events whose anniversary in ``year`` is a round one (dates.is_round_anniversary),
    in a few parameters: years are astronomical (0 is 1 BC), so the anniversary's number
    is ``year - event_year`` across the missing year 0 as well."""
    last = dates.ROUND_NUMBERS[-1]
    return Q(event_year__in=[year - number for number in dates.ROUND_NUMBERS]) | Q(
        Exact(Mod(F("event_year") - year, dates.ROUND_STEP), 0), event_year__lt=year - last
    )


def next_anniversary(article: Article, today: datetime.date) -> Anniversary:
    """The anniversary of the article's event kept today or, if not today, next."""
    yesterday = today - datetime.timedelta(days=1)
    return Anniversary(article, next_occurrence(article.event_month, article.event_day, yesterday))


def next_occurrence(month: int, day: int, after: datetime.date) -> datetime.date:
    """The first date after ``after`` on which the anniversary of month/day is kept."""
    for year in (after.year, after.year + 1):
        on = datetime.date(year, *dates.observed_day(month, day, year))
        if on > after:
            return on
    raise AssertionError("an anniversary comes round within a year")


def today_in_history(today: datetime.date, limit: int, articles=None) -> TodayInHistory:
    """Up to ``limit`` of today's anniversaries or, when there are none, the next ones.

    Today's are led by the editor's pick of the day (EditorsPick), then the round
    anniversaries, then the others, each group mixed so that the entries next to each
    other differ in century and author where they can (see ``mixed``). Upcoming
    anniversaries within a week are preferred; when the coming week has none either,
    the nearest ones are shown, so the widget stays filled while any published article
    has a full date. ``articles`` narrows the choice to a queryset of published articles
    (the daily e-mail's followed tags); by default, every published article.
    """
    published = Article.objects.published().for_listing() if articles is None else articles
    todays = list(
        published.on_this_day(today)
        .filter(event_year__lt=today.year)  # an event still to come has no anniversary
        .annotate(**leading_order(today))
        .order_by("-pinned", "round_first", F("century_turn") + F("author_turn"), *CHRONOLOGICAL)[
            : limit + 1
        ]
    )
    if todays:
        return TodayInHistory(
            today=today,
            anniversaries=[Anniversary(article, today) for article in mixed(todays[:limit])],
            has_more=len(todays) > limit,
        )

    upcoming, within_week = coming_anniversaries(published, today, limit)
    return TodayInHistory(today=today, upcoming=upcoming, upcoming_within_week=within_week)


def leading_order(today: datetime.date) -> dict:
    """Annotations that choose today's anniversaries in one query: ``pinned`` (an
    editor's pick for the article's day), ``round_first`` (0 for a round anniversary)
    and, in each of those groups, the article's turn among its century's
    (``century_turn``) and among its author's (``author_turn``), oldest first: ordered
    by the sum of the two, the first few span the centuries and the authors, instead of
    the oldest events (or one prolific author's) crowding out the rest."""
    round_first = Case(
        When(round_anniversary_in(today.year), then=Value(0)),
        default=Value(1),
    )
    picked = EditorsPick.objects.filter(
        article=OuterRef("pk"),
        event_month=OuterRef("event_month"),
        event_day=OuterRef("event_day"),
    )
    return {
        "pinned": Exists(picked),
        "round_first": round_first,
        "century_turn": Window(
            RowNumber(), partition_by=[round_first, F("event_year") / 100], order_by=CHRONOLOGICAL
        ),
        "author_turn": Window(
            RowNumber(), partition_by=[round_first, F("author_id")], order_by=CHRONOLOGICAL
        ),
    }


def mixed(articles: list[Article]) -> list[Article]:
    """``articles`` (already led by the pick, then the round anniversaries) reordered
    within each of those groups so that each differs from the one before it in
    century and author where any left does, in century alone where not: the first such
    one in the given order is taken each time, so the result is deterministic."""
    shown = []
    remaining = list(articles)
    while remaining:
        group = [a for a in remaining if group_of(a) == group_of(remaining[0])]
        previous = shown[-1] if shown else None
        differs = [a for a in group if previous is None or differs_in_both(a, previous)]
        other_century = [a for a in group if previous and century_of(a) != century_of(previous)]
        chosen = (differs or other_century or group)[0]
        shown.append(chosen)
        remaining.remove(chosen)
    return shown


def group_of(article: Article) -> tuple:
    return (not getattr(article, "pinned", False), getattr(article, "round_first", 1))


def century_of(article: Article) -> int:
    return dates.century(article.event_year)


def differs_in_both(article: Article, other: Article) -> bool:
    return century_of(article) != century_of(other) and article.author_id != other.author_id


def coming_anniversaries(
    published, today: datetime.date, limit: int
) -> tuple[list[Anniversary], bool]:
    """Up to ``limit`` anniversaries of ``published`` articles after ``today``, in date
    order: those of the coming week if there are any (then also True), or else the
    nearest ones. Round anniversaries of the coming week come before any other."""
    week_end = today + datetime.timedelta(days=UPCOMING_DAYS)
    round_first = Case(When(round_in_week(today), then=Value(0)), default=Value(1))
    calendar_order = ("round_first", "event_month", "event_day", "event_year")
    # An event still to come has no anniversary: this year's events count from next year.
    upcoming = list(
        published.after_day(today.month, today.day)
        .filter(event_year__lt=today.year)
        .annotate(round_first=round_first)
        .order_by(*calendar_order)[:limit]
    )
    # Wrap round to the start of next year, for the nearest ones or for a week that
    # ends there.
    if len(upcoming) < limit or week_end.year != today.year:
        earlier = Q(event_month__lt=today.month) | Q(
            event_month=today.month, event_day__lte=today.day
        )
        upcoming += (
            published.with_anniversary()
            .filter(earlier, event_year__lte=today.year)
            .annotate(round_first=round_first)
            .order_by(*calendar_order)[:limit]
        )
    coming = [
        Anniversary(article, next_occurrence(article.event_month, article.event_day, today))
        for article in upcoming
    ]
    coming.sort(
        key=lambda anniversary: (
            not (anniversary.is_round and anniversary.on <= week_end),
            anniversary.on,
            anniversary.article.event_year,
        )
    )
    coming = sorted(
        coming[:limit],
        key=lambda anniversary: (anniversary.on, anniversary.article.event_year),
    )
    within_week = [anniversary for anniversary in coming if anniversary.on <= week_end]
    return within_week or coming, bool(within_week)


def coming_this_week(today: datetime.date, limit: int) -> list[Anniversary]:
    """Up to ``limit`` anniversaries of published articles in the UPCOMING_DAYS after
    ``today``, the round ones first, then the nearest days, in date order: Coming up
    under a full day on the home page, in one query (the days named one by one, so
    the week may run into next year)."""
    in_week, position = Q(pk__in=[]), []
    for offset in range(1, UPCOMING_DAYS + 1):
        for month, day in dates.anniversary_days(today + datetime.timedelta(days=offset)):
            in_week |= Q(event_month=month, event_day=day)
            position.append(When(event_month=month, event_day=day, then=Value(offset)))
    found = (
        Article.objects.published()
        .for_listing()
        .with_anniversary()
        .filter(in_week, event_year__lt=today.year)
        .annotate(
            round_first=Case(When(round_in_week(today), then=Value(0)), default=Value(1)),
            position=Case(*position),
        )
        .order_by("round_first", "position", *CHRONOLOGICAL)[:limit]
    )
    coming = [
        Anniversary(article, next_occurrence(article.event_month, article.event_day, today))
        for article in found
    ]
    return sorted(coming, key=lambda anniversary: (anniversary.on, anniversary.article.event_year))


def round_in_week(today: datetime.date) -> Q:
    """Events whose round anniversary falls in the UPCOMING_DAYS after ``today``."""
    days_by_year = {}
    for offset in range(1, UPCOMING_DAYS + 1):
        day = today + datetime.timedelta(days=offset)
        days_by_year.setdefault(day.year, []).extend(dates.anniversary_days(day))
    condition = Q(pk__in=[])
    for year, days in days_by_year.items():
        on_these_days = Q()
        for month, day in days:
            on_these_days |= Q(event_month=month, event_day=day)
        condition |= on_these_days & round_anniversary_in(year)
    return condition
