"""How articles/dates.py writes dates, centuries and decades, and Old Style (Julian) dates."""

import pytest

from articles import dates
from articles.dates import HistoricalDate

# ---------------------------------------------------------------------------
# Formatting


@pytest.mark.parametrize(
    ("event", "text"),
    [
        (HistoricalDate(1940, 8, 20), "August 20, 1940"),
        (HistoricalDate(-43, 3, 15), "March 15, 44 BC"),
        (HistoricalDate(79, 8, 24), "August 24, AD 79"),
        (HistoricalDate(1776, 7), "July 1776"),
        (HistoricalDate(-43, 3), "March 44 BC"),
        (HistoricalDate(1066), "1066"),
        (HistoricalDate(-752), "753 BC"),
        (HistoricalDate(0), "1 BC"),
        (HistoricalDate(1450, approximate=True), "c. 1450"),
        (HistoricalDate(-499, approximate=True), "c. 500 BC"),
        (HistoricalDate(1450, 5, approximate=True), "c. May 1450"),
        (HistoricalDate(1450, 5, 3, approximate=True), "c. May 3, 1450"),
    ],
)
def test_format_date(event, text):
    assert dates.format_date(event) == text


def test_format_date_takes_translated_names_and_labels():
    mois = [f"mois{number}" for number in range(1, 13)]
    event = HistoricalDate(-43, 3, 15, approximate=True)
    assert (
        dates.format_date(event, month_names=mois, bc="av. J.-C.", circa="vers")
        == "vers mois3 15, 44 av. J.-C."
    )


def test_format_day_of_year():
    assert dates.format_day_of_year(8, 20) == "August 20"


# ---------------------------------------------------------------------------
# Centuries and decades


@pytest.mark.parametrize(
    ("year", "number", "label"),
    [
        (1940, 20, "20th century"),
        (2000, 20, "20th century"),
        (2001, 21, "21st century"),
        (1, 1, "1st century"),
        (100, 1, "1st century"),
        (101, 2, "2nd century"),
        (0, -1, "1st century BC"),  # 1 BC
        (-43, -1, "1st century BC"),  # 44 BC
        (-99, -1, "1st century BC"),  # 100 BC
        (-100, -2, "2nd century BC"),  # 101 BC
        (-752, -8, "8th century BC"),  # 753 BC
    ],
)
def test_century_and_its_label(year, number, label):
    assert dates.century(year) == number
    assert dates.format_century(number) == label


@pytest.mark.parametrize(
    ("number", "span"), [(20, (1901, 2000)), (1, (1, 100)), (-1, (-99, 0)), (-2, (-199, -100))]
)
def test_century_span(number, span):
    assert dates.century_span(number) == span


@pytest.mark.parametrize(
    ("year", "start", "label"),
    [
        (1941, 1940, "1940s"),
        (1940, 1940, "1940s"),
        (1949, 1940, "1940s"),
        (5, 1, "0s"),
        (10, 10, "10s"),
        (-43, -48, "40s BC"),  # 44 BC, in 49-40 BC
        (-48, -48, "40s BC"),  # 49 BC
        (-39, -48, "40s BC"),  # 40 BC
        (-38, -38, "30s BC"),  # 39 BC
        (0, -8, "0s BC"),  # 1 BC
    ],
)
def test_decade_and_its_label(year, start, label):
    assert dates.decade(year) == start
    assert dates.format_decade(start) == label


# ---------------------------------------------------------------------------
# Old Style (Julian) dates


@pytest.mark.parametrize(
    ("gregorian", "julian"),
    [
        ((1917, 11, 7), (1917, 10, 25)),  # the October Revolution
        ((1582, 10, 15), (1582, 10, 5)),  # the first Gregorian day
        ((1752, 9, 14), (1752, 9, 3)),  # Britain's switch
        ((1643, 1, 4), (1642, 12, 25)),  # Newton's birth, across a new year
        ((1732, 2, 22), (1732, 2, 11)),  # Washington's birth
        ((1900, 3, 14), (1900, 3, 1)),  # after the Julian-only leap day of 1900
        ((1918, 2, 14), (1918, 2, 1)),  # Russia's switch
    ],
)
def test_gregorian_to_julian_known_pairs(gregorian, julian):
    assert dates.gregorian_to_julian(*gregorian) == julian


@pytest.mark.parametrize(
    ("event", "allowed"),
    [
        (HistoricalDate(1582, 10, 15), True),
        (HistoricalDate(1917, 11, 7), True),
        (HistoricalDate(1582, 10, 14), False),
        (HistoricalDate(1066, 10, 14), False),
        (HistoricalDate(1917, 11), False),
        (HistoricalDate(1917), False),
    ],
)
def test_old_style_only_for_full_dates_from_the_reform(event, allowed):
    assert dates.can_show_old_style(event) is allowed
