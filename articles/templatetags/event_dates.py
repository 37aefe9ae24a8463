"""The date filters (articles.date_labels, for templates) and the day picker."""

from django import template

from .. import date_labels, dates

register = template.Library()

for _filter in (
    date_labels.event_date,
    date_labels.old_style_date,
    date_labels.year_label,
    date_labels.day_of_year,
    date_labels.years_ago,
    date_labels.century_label,
    date_labels.decade_label,
    dates.ordinal,
):
    register.filter(_filter.__name__, _filter)


@register.inclusion_tag("includes/day_picker.html")
def day_picker(month, day):
    """The month and day form that leads to any day page, with a day preselected."""
    return {
        "months": list(enumerate(date_labels.month_names(), start=1)),
        "days": range(1, 32),
        "month": month,
        "day": day,
    }
