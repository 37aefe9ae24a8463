"""Eras, the missing year 0 and which historical dates articles/dates.py accepts."""

import datetime

import pytest

from articles import dates
from articles.dates import Era, HistoricalDate, InvalidDate

# ---------------------------------------------------------------------------
# Eras and the missing year 0


def test_44_bc_was_2069_years_before_2026():
    ides_of_march = HistoricalDate.from_parts(44, Era.BC, 3, 15)
    assert ides_of_march.year == -43
    assert dates.years_between(ides_of_march, datetime.date(2026, 3, 15)) == 2069
    assert dates.anniversary_number(ides_of_march, 2026) == 2069


def test_44_bc_is_2068_years_before_the_day_before_its_anniversary_in_2026():
    ides_of_march = HistoricalDate.from_parts(44, Era.BC, 3, 15)
    assert dates.years_between(ides_of_march, datetime.date(2026, 3, 14)) == 2068


def test_1_bc_is_followed_directly_by_ad_1():
    one_bc = dates.to_astronomical(1, Era.BC)
    ad_one = dates.to_astronomical(1, Era.AD)
    assert ad_one - one_bc == 1
    assert dates.years_between(HistoricalDate(one_bc, 6, 1), datetime.date(1, 6, 1)) == 1


@pytest.mark.parametrize("era", [Era.AD, Era.BC])
def test_there_is_no_year_0(era):
    with pytest.raises(InvalidDate) as error:
        dates.to_astronomical(0, era)
    assert error.value.field == "year"
    assert "no year 0" in error.value.message


@pytest.mark.parametrize(
    ("astronomical", "written"),
    [(1940, (1940, Era.AD)), (1, (1, Era.AD)), (0, (1, Era.BC)), (-43, (44, Era.BC))],
)
def test_from_astronomical_gives_the_year_as_written(astronomical, written):
    assert dates.from_astronomical(astronomical) == written


# ---------------------------------------------------------------------------
# Validation


@pytest.mark.parametrize(
    ("year", "month", "day", "field"),
    [
        (2026, 2, 30, "day"),
        (2026, 13, 1, "month"),
        (2026, 0, 1, "month"),
        (2026, 8, 32, "day"),
        (2026, 8, 0, "day"),
        (2026, 4, 31, "day"),
        (2026, None, 5, "month"),
        (10000, None, None, "year"),
        (-10000, None, None, "year"),
    ],
)
def test_impossible_dates_name_the_wrong_field(year, month, day, field):
    with pytest.raises(InvalidDate) as error:
        HistoricalDate(year, month, day)
    assert error.value.field == field
    assert error.value.message


def test_thirty_days_message_names_the_month():
    with pytest.raises(InvalidDate, match="April has only 30 days"):
        HistoricalDate(2026, 4, 31)


@pytest.mark.parametrize(
    ("year", "valid"),
    [
        (1940, True),
        (1939, False),
        (1900, False),
        (2000, True),
        (2024, True),
        (2100, False),
        (-4, True),  # 5 BC
        (0, True),  # 1 BC
        (-1, False),  # 2 BC
        (-100, False),  # 101 BC
        (-400, True),  # 401 BC
    ],
)
def test_february_29_only_in_proleptic_gregorian_leap_years(year, valid):
    if valid:
        assert HistoricalDate(year, 2, 29).day == 29
    else:
        with pytest.raises(InvalidDate) as error:
            HistoricalDate(year, 2, 29)
        assert error.value.field == "day"
        assert "not a leap year" in error.value.message


def test_february_29_of_5_bc_and_1_bc_entered_as_written():
    assert HistoricalDate.from_parts(5, Era.BC, 2, 29).year == -4
    assert HistoricalDate.from_parts(1, Era.BC, 2, 29).year == 0


def test_february_29_of_a_common_bc_year_is_reported_with_its_bc_year():
    with pytest.raises(InvalidDate, match="2 BC was not a leap year"):
        HistoricalDate.from_parts(2, Era.BC, 2, 29)


@pytest.mark.parametrize(
    ("month", "day", "valid"),
    [(2, 29, True), (2, 30, False), (4, 31, False), (12, 31, True), (13, 1, False), (0, 1, False)],
)
def test_is_valid_day_of_year(month, day, valid):
    assert dates.is_valid_day_of_year(month, day) is valid
