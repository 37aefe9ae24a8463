"""Dates as people read them, in the active language: "March 15, 44 BC", "1940",
"the 20th century". The pure rules live in articles.dates; this module adds the words.
Templates reach these through the ``event_dates`` tag library; feeds, revisions, share
cards and the admin import them from here."""

import functools

from django.utils.dates import MONTHS
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from . import dates


def month_names():
    return _month_names_in(get_language())


@functools.cache
def _month_names_in(language):
    return [str(MONTHS[number]) for number in range(1, 13)]


def event_date(article):
    """The article's event date as readers see it: "March 15, 44 BC"."""
    return dates.format_date(
        article.event_date,
        month_names=month_names(),
        bc=_("BC"),
        ad=_("AD"),
        circa=_("c."),
    )


def old_style_date(article):
    """ "October 25, 1917 O.S." when the author asked for the Julian date."""
    julian = article.old_style_date
    if julian is None:
        return ""
    year, month, day = julian
    return _("%(date)s O.S.") % {
        "date": dates.format_date(
            dates.HistoricalDate(year, month, day),
            month_names=month_names(),
            bc=_("BC"),
            ad=_("AD"),
        )
    }


def year_label(year):
    """An astronomical year as written: 1940, 44 BC."""
    return dates.format_year(year, bc=_("BC"), ad=_("AD"))


def day_of_year(month_day):
    """A (month, day) pair as "August 20"."""
    month, day = month_day
    return dates.format_day_of_year(month, day, month_names=month_names())


def years_ago(article, today):
    """Whole years from the event to ``today``."""
    return dates.years_between(article.event_date, today)


def century_label(number):
    return dates.format_century(number, bc=_("BC"))


def decade_label(first_year):
    return dates.format_decade(first_year, bc=_("BC"))
