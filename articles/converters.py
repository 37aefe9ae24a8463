"""Path converters for the URL forms of historical dates and periods."""

from . import dates, periods


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


class DecadeConverter:
    """``1920s`` <-> 1920 and ``40s-bc`` <-> -48 (the decade's first year, astronomical)."""

    regex = "[0-9]{1,6}s(?:-bc)?"

    def to_python(self, value):
        return periods.parse_decade_slug(value)

    def to_url(self, value):
        return periods.decade_slug(value)


class CenturyConverter:
    """``20th`` <-> 20 and ``1st-bc`` <-> -1 (articles.dates.century's numbering)."""

    regex = "[0-9]{1,4}[a-z]{2}(?:-bc)?"

    def to_python(self, value):
        return periods.parse_century_slug(value)

    def to_url(self, value):
        return periods.century_slug(value)
