"""A year as authors and sources write it ("1940", "44 BC", "AD 79", "c. 1450"), read
into a number, an era and the approximate flag: plain Python, like articles.dates,
whose rules it uses."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import MAX_YEAR, YEAR_RANGE_MESSAGE, Era, InvalidDate

# A year as sources write it: "1940", "44 BC", "AD 79", "c. 1450", "ca. 300 BCE".
# static/js/admin-date-echo.js reads years with the same pattern.
WRITTEN_YEAR = re.compile(
    r"(?:(circa|ca|c)(?:\.\s*|\s+|(?=[0-9])))?"  # circa, ca., c.
    r"(?:([a-z][a-z.\s]*?)\s*)?"  # an era before the number (AD 79)
    r"([0-9]+)"
    r"(?:\s*([a-z'][a-z.'\s]*))?",  # an era after it (44 BC), or what is not one
    re.IGNORECASE,
)

WRITTEN_YEAR_LENGTH = 40

ERA_WORDS = {"BC": Era.BC, "BCE": Era.BC, "AD": Era.AD, "CE": Era.AD}

YEAR_FORMS_MESSAGE = (
    "Write the year in figures, with its era when it is BC: 1940, 44 BC, AD 79, "
    "or c. 1450 for an approximate year."
)


@dataclass(frozen=True)
class WrittenYear:
    """A year as an author typed it: the number, the era if one was typed (None if
    not), and whether it was marked "c." (circa)."""

    year: int
    era: Era | None = None
    approximate: bool = False


def parse_written_year(text: str) -> WrittenYear:
    """Read a year as sources write it: "1940", "44 BC", "AD 79", "c. 1450".

    BCE and CE are read as BC and AD. Raises :class:`InvalidDate` on the year, saying
    why, for anything else: a decade ("1940s"), a century ("5th century"), a minus
    sign, words. The number is not checked here (year 0, the range): see
    :meth:`HistoricalDate.from_parts`.
    """
    text = " ".join(text.split())
    if len(text) > WRITTEN_YEAR_LENGTH:  # no year is longer, and the pattern is not linear
        raise InvalidDate("year", YEAR_FORMS_MESSAGE)
    match = WRITTEN_YEAR.fullmatch(text)
    if match is None:
        if text.startswith(("-", "\u2212")) and text[1:].strip().isdigit():
            number = text[1:].strip()
            raise InvalidDate("year", f"Write a BC year with its era: {number} BC, not -{number}.")
        raise InvalidDate("year", YEAR_FORMS_MESSAGE)
    circa, before, digits, after = match.groups()
    words = [_era_word(word) for word in (before, after) if word is not None]
    if after is not None and words[-1] is None:
        if re.match(r"'?s\b", after, re.IGNORECASE):
            raise InvalidDate(
                "year",
                f"“{text}” is a decade, and an event date needs a year: enter the year "
                "the sources give, or one year of the decade with “approximate date” "
                "ticked.",
            )
        if after.lower()[:2] in ("st", "nd", "rd", "th"):
            raise InvalidDate(
                "year",
                f"“{text}” is a century, and an event date needs a year: enter the year "
                "the sources give, or an approximate one such as c. 1450.",
            )
    if None in words:
        raise InvalidDate("year", YEAR_FORMS_MESSAGE)
    if len(words) == 2:
        raise InvalidDate("year", "Give the era once: 44 BC or AD 79.")
    if len(digits) > len(str(MAX_YEAR)) + 1:
        raise InvalidDate("year", YEAR_RANGE_MESSAGE)
    return WrittenYear(int(digits), words[0] if words else None, circa is not None)


def _era_word(word: str) -> Era | None:
    return ERA_WORDS.get(word.replace(".", "").replace(" ", "").upper())
