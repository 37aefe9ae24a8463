"""Path converters for the two URL forms of historical dates."""

from . import dates


class DayOfYearConverter:
    """``august-20`` <-> (8, 20). An impossible day does not match, so it is a 404."""

    regex = "[a-z]+-[0-9]{1,2}"

    def to_python(self, value):
        return dates.parse_day_slug(value)

    def to_url(self, value):
        month, day = value
        return dates.day_slug(month, day)


class YearConverter:
    """``1940`` <-> 1940 and ``44-bc`` <-> -43 (astronomical numbering)."""

    regex = "[0-9]{1,4}(?:-bc)?"

    def to_python(self, value):
        return dates.parse_year_slug(value)

    def to_url(self, value):
        return dates.year_slug(value)
