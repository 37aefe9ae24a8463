"""The date filters (articles.date_labels, for templates) and the day picker."""

from django import template

from .. import date_labels, dates

register = template.Library()

for _filter in (
    date_labels.event_date,
    date_labels.old_style_date,
    date_labels.year_label,
    date_labels.day_of_year,
    date_labels.month_name,
    date_labels.years_ago,
    date_labels.century_label,
    date_labels.decade_label,
    dates.ordinal,
):
    register.filter(_filter.__name__, _filter)

# A year's decade and century, for links to their pages: {% url 'articles:decade' year|decade %}
register.filter("decade", dates.decade)
register.filter("century", dates.century)


@register.inclusion_tag("includes/day_picker.html")
def day_picker(month, day, error=""):
    """The month and day form that leads to any day page, with a day preselected.

    It offers the days of the preselected month (February's 29 included);
    static/js/day-picker.js offers those of any month chosen, from ``days_in_months``.
    ``error`` is a message about the day last picked."""
    return {
        "months": list(enumerate(date_labels.month_names(), start=1)),
        "days": range(1, dates.days_in_month(2000, month) + 1),
        "days_in_months": " ".join(
            str(dates.days_in_month(2000, number)) for number in range(1, 13)
        ),
        "month": month,
        "day": day,
        "error": error,
    }
