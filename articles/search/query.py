"""Reading what a reader typed, in plain Python: the query cleaned and cut to length,
and the event date it names ("1940", "44 BC", "August 20"), so that an article about
1940 is found even when its text never writes the year."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import dates
from .text import strip_control

# Longer queries are cut here: no one types more, and the cost of a query grows with it.
MAX_QUERY_LENGTH = 200


@dataclass(frozen=True)
class EventDate:
    """The parts of an event date named in a query; the year is astronomical."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    def label(self, month_names=dates.MONTH_NAMES, bc="BC", ad="AD"):
        """ "August 20", "44 BC", "July 1776", "August 20, 1940"."""
        parts = []
        if self.month is not None:
            month = month_names[self.month - 1]
            parts.append(f"{month} {self.day}" if self.day is not None else month)
        if self.year is not None:
            year = dates.format_year(self.year, bc, ad)
            parts.append(year if self.day is None else f", {year}")
        return " ".join(parts).replace(" ,", ",")


@dataclass(frozen=True)
class ParsedQuery:
    """A query ready to search: ``text`` as searched (and shown back to the reader),
    ``words`` the same without the event date found in it."""

    text: str
    words: str = ""
    date: EventDate | None = None
    truncated: bool = False


def clean_query(raw: str) -> tuple[str, bool]:
    """The query without control characters (NUL included) or runs of spaces, cut to
    :data:`MAX_QUERY_LENGTH`; and whether it was cut."""
    text = " ".join(strip_control(raw).split())
    if len(text) <= MAX_QUERY_LENGTH:
        return text, False
    cut = text[:MAX_QUERY_LENGTH]
    # Cut at a space rather than through a word, when there is one near the end.
    space = cut.rfind(" ")
    return (cut[:space] if space > MAX_QUERY_LENGTH // 2 else cut).rstrip(), True


_MONTHS = {name.lower(): number for number, name in enumerate(dates.MONTH_NAMES, start=1)}
_MONTHS.update({name[:3]: number for name, number in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MONTH = r"(?P<month>{})\.?".format("|".join(sorted(_MONTHS, key=len, reverse=True)))
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"


def _year_regex(prefix=""):
    """A year as written: "44 BC", "44 BCE", "AD 79", "79 AD", "1940". A bare number
    must have three or four digits, so "20" or "1" stay words."""
    return (
        rf"(?P<{prefix}bc>\d{{1,4}})\s?(?:bce?|b\.c\.(?:e\.)?)"
        rf"|(?:ad|a\.d\.|ce)\s?(?P<{prefix}ad>\d{{1,4}})"
        rf"|(?P<{prefix}ad_after>\d{{1,4}})\s?(?:ad|a\.d\.|ce)"
        rf"|(?P<{prefix}bare>\d{{3,4}})"
    )


# Not inside a word, not negated ("-1940" excludes, as in websearch syntax).
_START, _END = r"(?<![\w\-.])", r"(?![\w])"
_DAY_PATTERNS = [
    re.compile(_START + _MONTH + r"\s+" + _DAY + _END, re.IGNORECASE),
    re.compile(_START + _DAY + r"\s+(?:of\s+)?" + _MONTH + _END, re.IGNORECASE),
]
_MONTH_YEAR = re.compile(
    _START + _MONTH + r"\s+(?:" + _year_regex("y_") + ")" + _END, re.IGNORECASE
)
_YEAR_PATTERN = re.compile(_START + "(?:" + _year_regex() + ")" + _END, re.IGNORECASE)


def _month(match: re.Match) -> int:
    return _MONTHS[match["month"].lower()]


def _day_of_year(match: re.Match) -> tuple[int, int] | None:
    month, day = _month(match), int(match["day"])
    return (month, day) if dates.is_valid_day_of_year(month, day) else None


def _year_from_match(groups: dict, prefix: str = "") -> int | None:
    """The astronomical year of a :func:`_year_regex` match, or None when there is none."""
    bc = groups.get(prefix + "bc")
    written = bc or groups.get(prefix + "ad") or groups.get(prefix + "ad_after")
    written = written or groups.get(prefix + "bare")
    if written is None or int(written) == 0:
        return None
    year = dates.to_astronomical(int(written), dates.Era.BC if bc else dates.Era.AD)
    return year if dates.MIN_YEAR <= year <= dates.MAX_YEAR else None


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in re.finditer(r'"[^"]*"', text)]


def _take(pattern: re.Pattern, text: str, accept):
    """The value ``accept`` makes of the first match of ``pattern`` outside quotes that
    it accepts (returns a value for), and ``text`` without that match; or None and
    ``text`` unchanged."""
    quoted = _quoted_spans(text)
    for match in pattern.finditer(text):
        if any(start < match.end() and match.start() < end for start, end in quoted):
            continue
        value = accept(match)
        if value is not None:
            return value, f"{text[: match.start()]} {text[match.end() :]}"
    return None, text


def find_event_date(text: str) -> tuple[EventDate | None, str]:
    """The event date a query names, and the query without it.

    Finds a day of the year ("August 20", "20th of August", "Aug 20"), a year ("1940",
    "44 BC", "AD 79", "79 CE") and a month with a year ("July 1776"), outside quoted
    phrases and not negated. Impossible days (February 30) and year 0 stay words.
    """
    month = day = year = None
    for pattern in _DAY_PATTERNS:
        value, rest = _take(pattern, text, _day_of_year)
        if value is not None:
            (month, day), text = value, rest
            break
    if month is None:
        value, rest = _take(
            _MONTH_YEAR, text, lambda m: (_month(m), _year_from_match(m.groupdict(), "y_"))
        )
        if value is not None and value[1] is not None:
            (month, year), text = value, rest
    if year is None:
        year, text = _take(_YEAR_PATTERN, text, lambda m: _year_from_match(m.groupdict()))
    if month is None and year is None:
        return None, text
    return EventDate(year, month, day), " ".join(text.replace(" ,", " ").split()).strip(" ,")


def parse_query(raw: str) -> ParsedQuery:
    """Clean a query as typed and find the event date in it."""
    text, truncated = clean_query(raw)
    date, words = find_event_date(text)
    return ParsedQuery(text=text, words=words, date=date, truncated=truncated)
