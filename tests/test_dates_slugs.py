"""Day and year URL slugs of articles/dates.py, and the day before and after."""

import pytest

from articles import dates

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
