"""Template filters and the widget tag: dates are formatted here, in one place."""

import functools

from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .. import dates
from ..anniversaries import today_in_history as build_today_in_history

register = template.Library()


def _month_names():
    return _month_names_in(get_language())


@functools.cache
def _month_names_in(language):
    return [str(MONTHS[number]) for number in range(1, 13)]


@register.filter
def event_date(article):
    """The article's event date as readers see it: "March 15, 44 BC"."""
    return dates.format_date(
        article.event_date,
        month_names=_month_names(),
        bc=_("BC"),
        ad=_("AD"),
        circa=_("c."),
    )


@register.filter
def old_style_date(article):
    """ "October 25, 1917 O.S." when the author asked for the Julian date."""
    julian = article.old_style_date
    if julian is None:
        return ""
    year, month, day = julian
    return _("%(date)s O.S.") % {
        "date": dates.format_date(
            dates.HistoricalDate(year, month, day),
            month_names=_month_names(),
            bc=_("BC"),
            ad=_("AD"),
        )
    }


@register.filter
def year_label(year):
    """An astronomical year as written: 1940, 44 BC."""
    return dates.format_year(year, bc=_("BC"), ad=_("AD"))


@register.filter
def day_of_year(month_day):
    """A (month, day) pair as "August 20"."""
    month, day = month_day
    return dates.format_day_of_year(month, day, month_names=_month_names())


@register.filter
def years_ago(article, today):
    """Whole years from the event to ``today``."""
    return dates.years_between(article.event_date, today)


@register.filter
def ordinal(number):
    return dates.ordinal(number)


@register.filter
def century_label(number):
    return dates.format_century(number, bc=_("BC"))


@register.filter
def decade_label(first_year):
    return dates.format_decade(first_year, bc=_("BC"))


@register.inclusion_tag("includes/day_picker.html")
def day_picker(month, day):
    """The month and day form that leads to any day page, with a day preselected."""
    return {
        "months": list(enumerate(_month_names(), start=1)),
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
