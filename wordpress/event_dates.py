"""Finding an event's date in what a WordPress post offers: a custom field written by
hand ("1940-08-20", "20 August 1940", "March 15, 44 BC"), else the first date its title
or first paragraph mentions ("August 20, 1940", "20 August 1940", "in 1776").

Plain Python, like the date rules it uses (articles.dates, articles.written_years), so
it can be tested on its own.
"""

from __future__ import annotations

import re

from articles.dates import MONTH_NAMES, Era, HistoricalDate, InvalidDate
from articles.written_years import parse_written_year

_MONTHS = {name.lower(): number for number, name in enumerate(MONTH_NAMES, 1)}
_MONTHS.update({name[:3].lower(): number for name, number in list(_MONTHS.items())})
_MONTHS["sept"] = 9

_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?[0-9])(?:st|nd|rd|th)?"
# A year as sources write it, with its era when there is one: 1940, 44 BC, AD 79.
_YEAR = r"(?P<year>(?:(?:AD|A\.D\.)\s*)?[0-9]{1,4}(?:\s*(?:BCE|BC|B\.C\.E?\.?|CE|AD|A\.D\.))?)"
_END = r"(?![0-9A-Za-z])"

# Each form, most precise first. "20 August 1940", "August 20, 1940", "August 1940".
DAY_MONTH_YEAR = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}{_END}", re.IGNORECASE)
MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}{_END}", re.IGNORECASE)
# "February 30, 1940" is no month and year: a day that never was.
MONTH_YEAR = re.compile(rf"\b{_MONTH},?\s+{_YEAR}{_END}(?!,?\s*[0-9])", re.IGNORECASE)
# In running text, a year alone only after "in": "in 1776", "in 44 BC".
IN_YEAR = re.compile(rf"\bin\s+{_YEAR}{_END}", re.IGNORECASE)
WRITTEN_FORMS = (DAY_MONTH_YEAR, MONTH_DAY_YEAR, MONTH_YEAR)

# What a custom field may hold: ISO ("1940-08-20", "-0043-03-15", "1776-07", "1066"),
# or any written form above, or a year alone ("44 BC").
ISO_DATE = re.compile(r"(?P<year>-?[0-9]{1,4})(?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?)?")


def parse_field(text: str) -> HistoricalDate | None:
    """The date a custom field holds, or None when it holds no date that exists."""
    text = " ".join(text.split()).strip(" .")
    if not text:
        return None
    iso = ISO_DATE.fullmatch(text)
    if iso:
        year = int(iso["year"])  # ISO years are astronomical: -0043 is 44 BC
        month = int(iso["month"]) if iso["month"] else None
        day = int(iso["day"]) if iso["day"] else None
        return _date(lambda: HistoricalDate(year, month, day))
    for form in WRITTEN_FORMS:
        match = form.fullmatch(text)
        if match:
            return _from_match(match)
    return _year_only(text)


def find_in_text(*texts: str) -> HistoricalDate | None:
    """The first date mentioned in the first text that mentions one (a title, then a
    first paragraph): a full date, else a month and year, else "in <year>"."""
    for text in texts:
        text = " ".join(text.split())
        for form in (*WRITTEN_FORMS, IN_YEAR):
            for match in form.finditer(text):
                if form is IN_YEAR and match["year"].isdigit() and len(match["year"]) < 3:
                    continue  # "in 30 minutes" is no year
                found = _from_match(match)
                if found is not None:
                    return found
    return None


def _from_match(match) -> HistoricalDate | None:
    parts = match.groupdict()
    if parts.get("month") and not parts["month"][0].isupper():
        return None  # "you may 2020": a month name is capitalised
    month = _MONTHS[parts["month"].lower()] if parts.get("month") else None
    day = int(parts["day"]) if parts.get("day") else None
    try:
        written = parse_written_year(parts["year"])
    except InvalidDate:
        return None
    era = written.era or Era.AD
    return _date(lambda: HistoricalDate.from_parts(written.year, era, month, day))


def _year_only(text: str) -> HistoricalDate | None:
    try:
        written = parse_written_year(text)
    except InvalidDate:
        return None
    return _date(
        lambda: HistoricalDate.from_parts(
            written.year, written.era or Era.AD, approximate=written.approximate
        )
    )


def _date(build) -> HistoricalDate | None:
    try:
        return build()
    except InvalidDate:
        return None
