"""The historical-date rules of articles/dates.py: examples, then properties."""

import datetime
import re

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from articles import dates
from articles.dates import Era, HistoricalDate, InvalidDate, Precision

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
# URL slugs


@pytest.mark.parametrize(
    ("month", "day", "slug"), [(8, 20, "august-20"), (2, 29, "february-29"), (1, 1, "january-1")]
)
def test_day_slug_round_trip(month, day, slug):
    assert dates.day_slug(month, day) == slug
    assert dates.parse_day_slug(slug) == (month, day)


@pytest.mark.parametrize(
    "slug",
    [
        "february-30",
        "april-31",
        "august-32",
        "august-020",
        "august-0",
        "foo-1",
        "August-20",
        "august-",
        "august",
        "-20",
        "",
        "august-20-x",
        "august--20",
        "august-+20",
        "august- 20",
        "august-٢٠",
    ],
)
def test_parse_day_slug_rejects(slug):
    with pytest.raises(ValueError):
        dates.parse_day_slug(slug)


@pytest.mark.parametrize(
    ("year", "slug"),
    [(1940, "1940"), (1, "1"), (0, "1-bc"), (-43, "44-bc"), (9999, "9999"), (-9999, "10000-bc")],
)
def test_year_slug_round_trip(year, slug):
    assert dates.year_slug(year) == slug
    assert dates.parse_year_slug(slug) == year


@pytest.mark.parametrize(
    "slug",
    [
        "0",
        "0-bc",
        "0044",
        "0044-bc",
        "-44",
        "44-BC",
        "44bc",
        "44-b",
        "",
        "-bc",
        "bc",
        "10000",
        "10001-bc",
        "19 40",
        "1940.0",
    ],
)
def test_parse_year_slug_rejects(slug):
    with pytest.raises(ValueError):
        dates.parse_year_slug(slug)


@pytest.mark.parametrize(
    ("month", "day", "step", "expected"),
    [
        (2, 28, 1, (2, 29)),
        (2, 29, 1, (3, 1)),
        (3, 1, -1, (2, 29)),
        (12, 31, 1, (1, 1)),
        (1, 1, -1, (12, 31)),
        (8, 20, -1, (8, 19)),
    ],
)
def test_adjacent_day_includes_february_29_and_wraps(month, day, step, expected):
    assert dates.adjacent_day(month, day, step) == expected


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
