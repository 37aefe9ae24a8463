"""The article list's filters: draft, scheduled or published; the century of the event."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .. import dates
from ..models import Article


class StateFilter(admin.SimpleListFilter):
    """Draft, scheduled or published, as the status column says: a scheduled article
    is stored as published, with a publish time still to come."""

    title = _("status")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("draft", _("Draft")),
            ("review", _("Waiting for review")),
            ("scheduled", _("Scheduled")),
            ("published", _("Published")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "draft":
            return queryset.filter(status=Article.Status.DRAFT)
        if self.value() == "review":
            return queryset.waiting_for_review()
        if self.value() == "scheduled":
            return queryset.scheduled()
        if self.value() == "published":
            return queryset.published()
        return queryset


class CenturyFilter(admin.SimpleListFilter):
    title = _("century")
    parameter_name = "century"

    def lookups(self, request, model_admin):
        years = model_admin.get_queryset(request).values_list("event_year", flat=True)
        centuries = sorted({dates.century(year) for year in years.distinct()})
        return [(str(number), dates.format_century(number)) for number in centuries]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        try:
            first, last = dates.century_span(int(self.value()))
        except ValueError:
            return queryset.none()
        return queryset.filter(event_year__range=(first, last))
