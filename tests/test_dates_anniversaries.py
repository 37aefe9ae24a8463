"""Anniversaries in articles/dates.py: precision, observed days, years between, ordinals."""

import datetime

import pytest

from articles import dates
from articles.dates import HistoricalDate, Precision

# ---------------------------------------------------------------------------
# Precision and anniversaries


def test_precision_follows_the_parts_given():
    assert HistoricalDate(1940, 8, 20).precision is Precision.DAY
    assert HistoricalDate(1776, 7).precision is Precision.MONTH
    assert HistoricalDate(1066).precision is Precision.YEAR


def test_only_exact_full_dates_have_an_anniversary():
    assert HistoricalDate(1940, 8, 20).has_anniversary
    assert not HistoricalDate(1940, 8, 20, approximate=True).has_anniversary
    assert not HistoricalDate(1776, 7).has_anniversary
    assert not HistoricalDate(1066).has_anniversary


@pytest.mark.parametrize(
    ("year", "expected"),
    [(2026, (2, 28)), (2027, (2, 28)), (1900, (2, 28)), (2028, (2, 29)), (2000, (2, 29))],
)
def test_february_29_is_observed_on_the_28th_in_common_years(year, expected):
    assert dates.observed_day(2, 29, year) == expected


def test_other_days_are_observed_on_themselves():
    assert dates.observed_day(8, 20, 2027) == (8, 20)
    assert dates.observed_day(2, 28, 2027) == (2, 28)


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (datetime.date(2026, 2, 28), [(2, 28), (2, 29)]),
        (datetime.date(2027, 2, 28), [(2, 28), (2, 29)]),
        (datetime.date(2028, 2, 28), [(2, 28)]),
        (datetime.date(2028, 2, 29), [(2, 29)]),
        (datetime.date(2027, 3, 1), [(3, 1)]),
        (datetime.date(2026, 8, 20), [(8, 20)]),
    ],
)
def test_anniversary_days(on, expected):
    assert sorted(dates.anniversary_days(on)) == sorted(expected)


def test_leap_day_1940_is_87_years_ago_on_28_february_2027():
    leap_day = HistoricalDate(1940, 2, 29)
    assert dates.years_between(leap_day, datetime.date(2027, 2, 28)) == 87
    assert dates.years_between(leap_day, datetime.date(2027, 2, 27)) == 86
    assert dates.anniversary_number(leap_day, 2027) == 87


def test_leap_day_1940_is_not_88_until_29_february_2028():
    leap_day = HistoricalDate(1940, 2, 29)
    assert dates.years_between(leap_day, datetime.date(2028, 2, 28)) == 87
    assert dates.years_between(leap_day, datetime.date(2028, 2, 29)) == 88


def test_years_between_august_20_1940_and_august_20_2026_is_86():
    trotsky = HistoricalDate(1940, 8, 20)
    assert dates.years_between(trotsky, datetime.date(2026, 8, 20)) == 86
    assert dates.years_between(trotsky, datetime.date(2026, 8, 19)) == 85
    assert dates.anniversary_number(trotsky, 2026) == 86


def test_years_between_with_month_precision_counts_from_the_month():
    july_1776 = HistoricalDate(1776, 7)
    assert dates.years_between(july_1776, datetime.date(2026, 6, 30)) == 249
    assert dates.years_between(july_1776, datetime.date(2026, 7, 1)) == 250


def test_years_between_with_year_precision_compares_years_only():
    assert dates.years_between(HistoricalDate(1066), datetime.date(2026, 1, 1)) == 960


def test_years_between_is_negative_for_a_future_event():
    assert dates.years_between(HistoricalDate(2030, 1, 1), datetime.date(2026, 1, 1)) == -4


@pytest.mark.parametrize("number", [10, 25, 50, 75, 100, 150, 200, 250, 300, 2050])
def test_round_anniversaries(number):
    assert dates.is_round_anniversary(number)


@pytest.mark.parametrize("number", [0, 1, 5, 20, 30, 60, 86, 110, 125, 175, 2069])
def test_not_round_anniversaries(number):
    assert not dates.is_round_anniversary(number)


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (86, "86th"),
        (101, "101st"),
        (111, "111th"),
        (112, "112th"),
        (2069, "2069th"),
    ],
)
def test_ordinal(number, text):
    assert dates.ordinal(number) == text
