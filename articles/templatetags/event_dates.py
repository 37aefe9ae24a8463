"""The date filters (articles.date_labels, for templates), the day picker and the
Today in History widget."""

from django import template
from django.conf import settings
from django.utils import timezone

from .. import date_labels, dates
from ..anniversaries import today_in_history as build_today_in_history

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


@register.inclusion_tag("includes/today_in_history.html")
def today_in_history():
    """The Today in History widget, for today in the site's time zone."""
    return {
        "widget": build_today_in_history(timezone.localdate(), settings.TODAY_IN_HISTORY_LIMIT)
    }
