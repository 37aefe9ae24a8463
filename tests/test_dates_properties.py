"""Properties of the historical-date rules of articles/dates.py, checked with Hypothesis."""

import datetime
import re

from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from articles import dates
from articles.dates import Era, HistoricalDate, Precision

# ---------------------------------------------------------------------------
# Properties

PROPERTIES = hypothesis_settings(max_examples=200, deadline=None)

years = st.integers(dates.MIN_YEAR, dates.MAX_YEAR)
eras = st.sampled_from(Era)
precisions = st.sampled_from(Precision)


@st.composite
def historical_dates(draw, years=years, precisions=precisions):
    year = draw(years)
    precision = draw(precisions)
    month = day = None
    if precision is not Precision.YEAR:
        month = draw(st.integers(1, 12))
    if precision is Precision.DAY:
        day = draw(st.integers(1, dates.days_in_month(year, month)))
    return HistoricalDate(year, month, day, draw(st.booleans()))


def written_order_key(event):
    """Chronological order from the written form alone: every BC year comes before
    every AD year, and among BC years the larger number is the earlier one."""
    written, era = dates.from_astronomical(event.year)
    signed = -written if era is Era.BC else written
    return (era is Era.AD, signed, event.month or 0, event.day or 0)


DISPLAYED = re.compile(
    r"^(?P<circa>c\. )?"
    r"(?:(?P<month>[A-Z][a-z]+) (?:(?P<day>\d{1,2}), )?)?"
    r"(?P<ad>AD )?(?P<year>\d+)(?P<bc> BC)?$"
)


def parse_displayed(text):
    """A reader's parse of what format_date shows, back to a HistoricalDate."""
    match = DISPLAYED.match(text)
    assert match, text
    month = dates.MONTH_NAMES.index(match["month"]) + 1 if match["month"] else None
    day = int(match["day"]) if match["day"] else None
    era = Era.BC if match["bc"] else Era.AD
    return HistoricalDate.from_parts(int(match["year"]), era, month, day, bool(match["circa"]))


@PROPERTIES
@given(st.integers(1, 9999), eras)
def test_written_year_round_trips_through_astronomical(year, era):
    assert dates.from_astronomical(dates.to_astronomical(year, era)) == (year, era)


@PROPERTIES
@given(years)
def test_astronomical_year_round_trips_through_written(year):
    assert dates.to_astronomical(*dates.from_astronomical(year)) == year


@PROPERTIES
@given(historical_dates())
def test_displayed_date_reads_back_as_the_stored_date(event):
    assert parse_displayed(dates.format_date(event)) == event


@PROPERTIES
@given(years)
def test_year_slug_round_trips(year):
    slug = dates.year_slug(year)
    assert re.fullmatch(r"[1-9][0-9]*(-bc)?", slug)
    assert dates.parse_year_slug(slug) == year


@PROPERTIES
@given(st.dates(datetime.date(2000, 1, 1), datetime.date(2000, 12, 31)))
def test_day_slug_round_trips_for_every_day_of_the_year(day_of_leap_year):
    month, day = day_of_leap_year.month, day_of_leap_year.day
    assert dates.parse_day_slug(dates.day_slug(month, day)) == (month, day)


@PROPERTIES
@given(historical_dates(), historical_dates())
def test_sort_key_order_is_chronological_across_bc_and_ad(first, second):
    expected = written_order_key(first), written_order_key(second)
    actual = first.sort_key(), second.sort_key()
    assert (actual[0] < actual[1]) == (expected[0] < expected[1])
    assert (actual[0] == actual[1]) == (expected[0] == expected[1])


@PROPERTIES
@given(historical_dates(), st.dates(), st.dates())
def test_years_between_never_decreases_as_time_passes(event, first, second):
    earlier, later = sorted([first, second])
    assert dates.years_between(event, earlier) <= dates.years_between(event, later)


@PROPERTIES
@given(historical_dates(years=st.integers(1, 9000)), st.integers(0, 999))
def test_years_between_on_the_nth_anniversary_is_n(event, years_later):
    try:
        on = datetime.date(event.year + years_later, event.month or 1, event.day or 1)
    except ValueError:  # February 29 in a common year: no such Python date
        return
    assert dates.years_between(event, on) == years_later


@PROPERTIES
@given(
    historical_dates(years=st.integers(-9999, 9000), precisions=st.just(Precision.DAY)),
    st.integers(1, 999),
)
def test_on_the_observed_day_years_between_is_the_anniversary_number(event, years_later):
    year = event.year + years_later
    if year < 2:  # Python dates start in AD 1; the day before must exist too
        return
    on = datetime.date(year, *dates.observed_day(event.month, event.day, year))
    assert dates.years_between(event, on) == dates.anniversary_number(event, year) == years_later
    assert dates.years_between(event, on - datetime.timedelta(days=1)) == years_later - 1


@PROPERTIES
@given(years)
def test_year_lies_in_its_century_span(year):
    first, last = dates.century_span(dates.century(year))
    assert first <= year <= last


@PROPERTIES
@given(years, years)
def test_centuries_and_decades_follow_the_years(first, second):
    earlier, later = sorted([first, second])
    assert dates.century(earlier) <= dates.century(later)
    assert dates.decade(earlier) <= dates.decade(later)
    start = dates.decade(earlier)
    assert start <= earlier <= start + 9


def julian_next_day(year, month, day):
    leap = year % 4 == 0
    length = 29 if month == 2 and leap else dates.days_in_month(2001, month)
    if day < length:
        return year, month, day + 1
    if month < 12:
        return year, month + 1, 1
    return year + 1, 1, 1


@PROPERTIES
@given(st.dates(datetime.date(1582, 10, 15), datetime.date(9999, 12, 30)))
def test_consecutive_gregorian_days_are_consecutive_julian_days(day):
    following = day + datetime.timedelta(days=1)
    today_julian = dates.gregorian_to_julian(day.year, day.month, day.day)
    assert dates.gregorian_to_julian(
        following.year, following.month, following.day
    ) == julian_next_day(*today_julian)
