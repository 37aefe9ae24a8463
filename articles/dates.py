"""Historical dates: the rules of the domain, in plain Python.

Python's ``datetime.date`` stops at AD 1, so an event date is three integers and a
flag. Years are stored in *astronomical* numbering, where 1 BC is year 0 and 44 BC is
year -43: ordering is then plain integer ordering and "years ago" plain subtraction,
and there is never a gap or a double count around the start of the era. Only this
module converts between that numbering and the BC/AD years people read and write.

The calendar is the proleptic Gregorian one throughout. An event recorded in the
Julian calendar can show its Old Style date beside the Gregorian one
(:func:`gregorian_to_julian`).

Nothing here imports Django, so the rules can be tested directly.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass
from enum import Enum

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# The span of years an event date may have: from the Neolithic to the near future.
MIN_YEAR = -9999
MAX_YEAR = 9999

# The first day of the Gregorian calendar. Before it, dates are conventionally written
# in the Julian calendar already, so an "Old Style" date only makes sense from here on.
GREGORIAN_REFORM = (1582, 10, 15)


class Precision(Enum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class Era(Enum):
    AD = "AD"
    BC = "BC"


class InvalidDate(ValueError):
    """A date that cannot exist. ``field`` names the part that is wrong."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


YEAR_RANGE_MESSAGE = f"The year must be between {1 - MIN_YEAR} BC and AD {MAX_YEAR}."


def to_astronomical(year: int, era: Era) -> int:
    """Convert a year as written (44, BC) to astronomical numbering (-43)."""
    if year < 1:
        raise InvalidDate("year", "There is no year 0: 1 BC is followed directly by AD 1.")
    return year if era is Era.AD else 1 - year


def from_astronomical(year: int) -> tuple[int, Era]:
    """Convert an astronomical year (-43) to the year as written (44, BC)."""
    return (year, Era.AD) if year > 0 else (1 - year, Era.BC)


def is_leap_year(year: int) -> bool:
    """Proleptic Gregorian leap years; ``year`` is astronomical, so 1 BC (0) is leap."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    """Days in ``month`` of astronomical ``year``."""
    if month == 2:
        return 29 if is_leap_year(year) else 28
    return calendar.mdays[month]


@dataclass(frozen=True)
class HistoricalDate:
    """An event date: astronomical year, optional month and day, and a circa flag.

    :meth:`sort_key` orders dates chronologically; a month-only date sorts before the
    days of that month, and a year-only date before the months of that year.
    """

    year: int
    month: int | None = None
    day: int | None = None
    approximate: bool = False

    def __post_init__(self):
        validate(self.year, self.month, self.day)

    @classmethod
    def from_parts(
        cls, year: int, era: Era = Era.AD, month=None, day=None, approximate=False
    ) -> HistoricalDate:
        """Build a date from a year as written and its era, validating every part."""
        return cls(to_astronomical(year, era), month, day, approximate)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    @property
    def era(self) -> Era:
        return from_astronomical(self.year)[1]

    @property
    def displayed_year(self) -> int:
        """The year as written, always positive (44 for 44 BC)."""
        return from_astronomical(self.year)[0]

    @property
    def has_anniversary(self) -> bool:
        """Whether the event has a day of the year on which to remember it."""
        return self.precision is Precision.DAY and not self.approximate

    def sort_key(self) -> tuple[int, int, int]:
        """The key the database orders by: (year, month or 0, day or 0)."""
        return (self.year, self.month or 0, self.day or 0)


def validate(year: int, month: int | None, day: int | None) -> None:
    """Raise :class:`InvalidDate` naming the wrong part, or return None."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise InvalidDate("year", YEAR_RANGE_MESSAGE)
    if month is None:
        if day is not None:
            raise InvalidDate("month", "A day needs a month.")
        return
    if not 1 <= month <= 12:
        raise InvalidDate("month", "The month must be between 1 and 12.")
    if day is None:
        return
    if not 1 <= day <= 31:
        raise InvalidDate("day", "The day must be between 1 and 31.")
    last = days_in_month(year, month)
    if day > last:
        written, era = from_astronomical(year)
        year_text = f"{written} BC" if era is Era.BC else str(written)
        if month == 2 and day == 29:
            message = f"{year_text} was not a leap year, so it had no February 29."
        else:
            message = f"{MONTH_NAMES[month - 1]} has only {last} days."
        raise InvalidDate("day", message)


def is_valid_day_of_year(month: int, day: int) -> bool:
    """Whether month/day exists in some year (February 29 does; February 30 does not)."""
    return 1 <= month <= 12 and 1 <= day <= days_in_month(2000, month)


def observed_day(month: int, day: int, year: int) -> tuple[int, int]:
    """The day of ``year`` on which the anniversary of month/day is kept.

    February 29 is remembered on February 28 in years that have no February 29.
    """
    if (month, day) == (2, 29) and not is_leap_year(year):
        return (2, 28)
    return (month, day)


def anniversary_days(on: datetime.date) -> list[tuple[int, int]]:
    """The (month, day) pairs whose anniversaries fall on the date ``on``."""
    days = [(on.month, on.day)]
    if (on.month, on.day) == (2, 28) and not is_leap_year(on.year):
        days.append((2, 29))
    return days


def years_between(event: HistoricalDate, on: datetime.date) -> int:
    """Whole years from the event to ``on``; negative if the event is later.

    With a day or month missing, only the years are compared.
    """
    years = on.year - event.year
    if event.month is not None and event.day is not None:
        month, day = observed_day(event.month, event.day, on.year)
        if (on.month, on.day) < (month, day):
            years -= 1
    elif event.month is not None and on.month < event.month:
        years -= 1
    return years


def anniversary_number(event: HistoricalDate, year: int) -> int:
    """Which anniversary of the event falls in ``year`` (1940 in 2026: the 86th)."""
    return year - event.year


# Round anniversaries: these, and every multiple of ROUND_STEP after the last of them.
ROUND_NUMBERS = (10, 25, 50, 75, 100)
ROUND_STEP = 50


def is_round_anniversary(number: int) -> bool:
    """10th, 25th, 50th, 75th, 100th, and every multiple of 50 after that."""
    return number in ROUND_NUMBERS or (number > ROUND_NUMBERS[-1] and number % ROUND_STEP == 0)


def ordinal(number: int) -> str:
    """English ordinal: 1st, 2nd, 3rd, 11th, 86th, 2069th."""
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def format_year(year: int, bc: str = "BC", ad: str = "AD") -> str:
    """An astronomical year as readers write it: 1940, AD 79, 44 BC.

    Years of the first millennium carry "AD", so "August 24, AD 79" cannot be misread.
    """
    written, era = from_astronomical(year)
    if era is Era.BC:
        return f"{written} {bc}"
    return f"{ad} {written}" if written < 1000 else str(written)


def format_date(
    event: HistoricalDate,
    month_names=MONTH_NAMES,
    bc: str = "BC",
    ad: str = "AD",
    circa: str = "c.",
) -> str:
    """The date as readers see it: "August 20, 1940", "March 15, 44 BC", "c. 1450".

    Month names and labels are parameters so a translated site can pass its own.
    """
    year = format_year(event.year, bc, ad)
    if event.precision is Precision.DAY:
        text = f"{month_names[event.month - 1]} {event.day}, {year}"
    elif event.precision is Precision.MONTH:
        text = f"{month_names[event.month - 1]} {year}"
    else:
        text = year
    return f"{circa} {text}" if event.approximate else text


def format_day_of_year(month: int, day: int, month_names=MONTH_NAMES) -> str:
    """ "August 20"."""
    return f"{month_names[month - 1]} {day}"


def day_slug(month: int, day: int) -> str:
    """The URL form of a day of the year: "august-20"."""
    return f"{MONTH_NAMES[month - 1].lower()}-{day}"


def parse_day_slug(slug: str) -> tuple[int, int]:
    """Inverse of :func:`day_slug`; raises ValueError for anything else."""
    name, _, number = slug.partition("-")
    months = [m.lower() for m in MONTH_NAMES]
    if name not in months or not number.isdigit() or number != str(int(number)):
        raise ValueError(f"not a day of the year: {slug!r}")
    month, day = months.index(name) + 1, int(number)
    if not is_valid_day_of_year(month, day):
        raise ValueError(f"not a day of the year: {slug!r}")
    return month, day


def year_slug(year: int) -> str:
    """The URL form of an astronomical year: "1940", "44-bc"."""
    written, era = from_astronomical(year)
    return f"{written}-bc" if era is Era.BC else str(written)


def parse_year_slug(slug: str) -> int:
    """Inverse of :func:`year_slug`; raises ValueError for anything else."""
    digits, bc = (slug[:-3], True) if slug.endswith("-bc") else (slug, False)
    if not digits.isdigit() or digits != str(int(digits)):
        raise ValueError(f"not a year: {slug!r}")
    year = to_astronomical(int(digits), Era.BC if bc else Era.AD)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"not a year: {slug!r}")
    return year


def adjacent_day(month: int, day: int, step: int) -> tuple[int, int]:
    """The previous (step=-1) or next (step=1) day of the year, February 29 included."""
    leap = datetime.date(2000, month, day) + datetime.timedelta(days=step)
    return leap.month, leap.day


def century(year: int) -> int:
    """Signed century number: 20 for 1940, 1 for AD 1-100, -1 for 100-1 BC."""
    written, era = from_astronomical(year)
    number = (written - 1) // 100 + 1
    return number if era is Era.AD else -number


def century_span(number: int) -> tuple[int, int]:
    """First and last astronomical years of a signed century (see :func:`century`)."""
    if number > 0:
        return (100 * (number - 1) + 1, 100 * number)
    return (1 - 100 * -number, -100 * (-number - 1))


def decade(year: int) -> int:
    """The decade of a year, as the astronomical year that the decade starts with.

    1941 is in the 1940s (1940); AD 1-9 form the "0s" (1); 44 BC is in the 40s BC,
    which run from 49 BC (-48) down to 40 BC.
    """
    written, era = from_astronomical(year)
    start = written // 10 * 10
    return max(start, 1) if era is Era.AD else to_astronomical(start + 9, Era.BC)


def format_century(number: int, bc: str = "BC") -> str:
    """ "20th century", "1st century BC"."""
    text = f"{ordinal(abs(number))} century"
    return f"{text} {bc}" if number < 0 else text


def format_decade(first_year: int, bc: str = "BC") -> str:
    """ "1940s", "40s BC", from the value :func:`decade` returns."""
    if first_year > 0:
        return f"{first_year // 10 * 10}s"
    return f"{from_astronomical(first_year)[0] - 9}s {bc}"


def can_show_old_style(event: HistoricalDate) -> bool:
    """Whether an Old Style (Julian) date may be shown beside the event's date: only
    for full dates from the Gregorian reform on."""
    return event.precision is Precision.DAY and event.sort_key() >= GREGORIAN_REFORM


def gregorian_to_julian(year: int, month: int, day: int) -> tuple[int, int, int]:
    """The Julian-calendar (Old Style) date of a proleptic Gregorian date.

    Both years astronomical. Uses the Julian Day Number as the common ground.
    """
    # Gregorian date to Julian Day Number (Fliegel and Van Flandern's algorithm).
    a = (14 - month) // 12
    y = year + 4800 - a
    m = month + 12 * a - 3
    jdn = day + (153 * m + 2) // 5 + 365 * y + y // 4 - y // 100 + y // 400 - 32045
    # Julian Day Number to Julian calendar date.
    c = jdn + 32082
    d = (4 * c + 3) // 1461
    e = c - 1461 * d // 4
    m = (5 * e + 2) // 153
    julian_day = e - (153 * m + 2) // 5 + 1
    julian_month = m + 3 - 12 * (m // 10)
    julian_year = d - 4800 + m // 10
    return julian_year, julian_month, julian_day


def iso_format(event: HistoricalDate) -> str:
    """The date in ISO 8601 form, for machines (schema.org, feeds): "1940-08-20".

    Years are astronomical, zero-padded to four digits, and signed before year 0 in
    ISO 8601's expanded form, so 15 March 44 BC is "-0043-03-15" and 1 BC is "0000".
    A month-only date gives "1776-07", a year-only date "1066". ISO 8601 has no
    notation schema.org understands for "circa", so an approximate date gives its
    parts unmarked.
    """
    sign = "-" if event.year < 0 else ""
    text = f"{sign}{abs(event.year):04d}"
    if event.month is not None:
        text += f"-{event.month:02d}"
    if event.day is not None:
        text += f"-{event.day:02d}"
    return text
