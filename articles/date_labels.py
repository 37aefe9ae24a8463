"""Dates as people read them, in the active language: "March 15, 44 BC", "1940",
"the 20th century". The pure rules live in articles.dates; this module adds the words.
Templates reach these through the ``event_dates`` tag library; feeds, revisions, share
cards and the admin import them from here."""

import functools

from django.utils.dates import MONTHS
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from . import dates


def month_names():
    return _month_names_in(get_language())


@functools.cache
def _month_names_in(language):
    return [str(MONTHS[number]) for number in range(1, 13)]


def event_date(article):
    """The article's event date as readers see it: "March 15, 44 BC"."""
    return historical_date(article.event_date)


def historical_date(event):
    """A :class:`dates.HistoricalDate` as readers see it: "c. 1450"."""
    return dates.format_date(
        event,
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


def month_name(number):
    """A month's name: 8 is "August"."""
    return month_names()[number - 1]


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


def date_as_read(event, today):
    """What readers will read of an event date, for its author: "March 15, 44 BC ·
    2069 years ago · remembered every March 15". static/js/admin-date-echo.js writes
    the same line as the author types."""
    parts = [historical_date(event)]
    years = dates.years_between(event, today)
    if years > 0 and event.approximate:
        parts.append(ngettext("About %d year ago", "About %d years ago", years) % years)
    elif years > 0:
        parts.append(ngettext("%d year ago", "%d years ago", years) % years)
    elif years == 0:
        parts.append(_("This year"))
    if event.has_anniversary:
        remembered = _("remembered every %s") % day_of_year((event.month, event.day))
        if (event.month, event.day) == (2, 29):
            remembered += " " + _("(February 28 in other years)")
        parts.append(remembered)
    elif event.approximate:
        parts.append(_("no anniversary: the date is approximate"))
    else:
        parts.append(_("no anniversary: the date has no day"))
    return " · ".join(parts)
