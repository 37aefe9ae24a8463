"""Decades and centuries as addresses and spans of years: /years/1920s/, /years/40s-bc/,
/centuries/20th/, /centuries/1st-bc/. Plain Python, like articles.dates, whose
numbering it follows: years are astronomical (1 BC is 0, 44 BC is -43), a decade is
the astronomical year it starts with (dates.decade), a century its signed number
(dates.century: 20, or -1 for the 1st century BC)."""

import re

from .dates import MAX_YEAR, MIN_YEAR, Era, century, decade, from_astronomical, ordinal

DECADE_SLUG = re.compile(r"(0|[1-9][0-9]*0)s(-bc)?")
CENTURY_SLUG = re.compile(r"([1-9][0-9]*)(st|nd|rd|th)(-bc)?")

# The decades and centuries of the years the site accepts (dates.MIN_YEAR to MAX_YEAR).
FIRST_DECADE, LAST_DECADE = decade(MIN_YEAR), decade(MAX_YEAR)
FIRST_CENTURY, LAST_CENTURY = century(MIN_YEAR), century(MAX_YEAR)


def decade_slug(first_year: int) -> str:
    """The URL form of a decade (as dates.decade gives it): "1920s", "0s", "40s-bc"."""
    written, era = from_astronomical(first_year)
    if era is Era.AD:
        return f"{written // 10 * 10}s"
    return f"{written - 9}s-bc"


def parse_decade_slug(slug: str) -> int:
    """Inverse of :func:`decade_slug`; raises ValueError for anything else, a decade
    that is not a multiple of ten ("1925s") or one beyond the years the site accepts."""
    match = DECADE_SLUG.fullmatch(slug)
    if match is None:
        raise ValueError(f"not a decade: {slug!r}")
    start, bc = int(match[1]), bool(match[2])
    first_year = -start - 8 if bc else max(start, 1)
    if not FIRST_DECADE <= first_year <= LAST_DECADE:
        raise ValueError(f"not a decade: {slug!r}")
    return first_year


def decade_span(first_year: int) -> tuple[int, int]:
    """The first and last astronomical years of a decade, within the years the site
    accepts: the 1920s are 1920-1929, the "0s" AD 1-9, the 40s BC 49-40 BC (-48 to
    -39), the "0s" BC 9-1 BC (-8 to 0)."""
    written, era = from_astronomical(first_year)
    if era is Era.AD:
        last_year = written // 10 * 10 + 9
    else:
        # 9 BC to 1 BC (0) have one year fewer than other decades: there is no year 0.
        last_year = first_year + (8 if written == 9 else 9)
    return max(first_year, MIN_YEAR), min(last_year, MAX_YEAR)


def century_slug(number: int) -> str:
    """The URL form of a signed century: "20th", "1st-bc"."""
    return f"{ordinal(abs(number))}-bc" if number < 0 else ordinal(number)


def parse_century_slug(slug: str) -> int:
    """Inverse of :func:`century_slug`; raises ValueError for anything else, a wrong
    suffix ("21th") or a century beyond the years the site accepts."""
    match = CENTURY_SLUG.fullmatch(slug)
    if match is None or ordinal(int(match[1])) != match[1] + match[2]:
        raise ValueError(f"not a century: {slug!r}")
    number = -int(match[1]) if match[3] else int(match[1])
    if not FIRST_CENTURY <= number <= LAST_CENTURY:
        raise ValueError(f"not a century: {slug!r}")
    return number
