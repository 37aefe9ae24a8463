"""What every dated entry has: an event date as historians give it (a year, with a
month and a day when they are known, perhaps approximate, perhaps recorded in the
Julian calendar), stored so that anniversaries and eras are plain queries. The date
rules themselves are in articles.dates."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from . import dates


def event_date_constraints(prefix):
    """The database's own check of an event's month and day (a day needs its month),
    for a HistoricalEvent model's Meta.constraints, named after ``prefix``."""
    return [
        models.CheckConstraint(
            condition=Q(event_month__isnull=True) | Q(event_month__range=(1, 12)),
            name=f"{prefix}_event_month_range",
        ),
        models.CheckConstraint(
            condition=Q(event_day__isnull=True)
            | Q(event_month__isnull=False, event_day__range=(1, 31)),
            name=f"{prefix}_event_day_range",
        ),
    ]


class HistoricalEvent(models.Model):
    """An abstract model: the event date fields, their checks and their readings."""

    event_year = models.IntegerField(
        help_text=_("Astronomical year: 1 BC is 0, 44 BC is -43. The admin form converts."),
    )
    event_month = models.PositiveSmallIntegerField(null=True, blank=True)
    event_day = models.PositiveSmallIntegerField(null=True, blank=True)
    event_approximate = models.BooleanField(
        _("approximate date"),
        default=False,
        help_text=_("Shown as “c. 1450”. An approximate date has no daily anniversary."),
    )
    event_old_style = models.BooleanField(
        _("show Old Style date"),
        default=False,
        help_text=_(
            "Also show the Julian (Old Style) date, for events after 1582 recorded in "
            "that calendar (Russia until 1918). Enter the Gregorian date above."
        ),
    )

    class Meta:
        abstract = True

    def event_date_errors(self):
        if self.event_year is None:
            return {}  # the form reports the missing year on its own field
        try:
            event = self.event_date
        except dates.InvalidDate as error:
            return {f"event_{error.field}": error.message}
        if self.event_old_style and not dates.can_show_old_style(event):
            return {
                "event_old_style": _(
                    "An Old Style date is shown only for full dates from October 15, "
                    "1582, when the Gregorian calendar began. Earlier dates are "
                    "written in the Julian calendar already: enter them as sources "
                    "give them."
                )
            }
        return {}

    @property
    def event_date(self) -> dates.HistoricalDate:
        return dates.HistoricalDate(
            self.event_year, self.event_month, self.event_day, self.event_approximate
        )

    @property
    def day_of_year(self):
        """(month, day) of the event's anniversary, or None when it has none."""
        if not self.event_date.has_anniversary:
            return None
        return (self.event_month, self.event_day)

    def is_anniversary_on(self, day):
        """Whether the date ``day`` is the anniversary of the event (a February 29
        event's is February 28 in common years); never for a date without a known day."""
        return self.day_of_year in dates.anniversary_days(day)

    @property
    def old_style_date(self):
        """The Julian (year, month, day) of the event, when the author asked for it."""
        if not (self.event_old_style and dates.can_show_old_style(self.event_date)):
            return None
        return dates.gregorian_to_julian(self.event_year, self.event_month, self.event_day)
