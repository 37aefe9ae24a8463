"""The decade and century pages, /years/1920s/ and /centuries/20th/: the articles and
briefs of the span, oldest first, with its years (or decades) that have any, the
neighbouring spans and the way up to the century and the timeline."""

from django.utils.functional import SimpleLazyObject
from django.views.generic import ListView

from . import dates, periods
from .spans import entries_in_years, read_entries, years_with_entries
from .views import PublishedArticlesMixin


class SpanView(PublishedArticlesMixin, ListView):
    """A span of years, ``first_year`` to ``last_year``; subclasses say which."""

    template_name = "articles/span.html"
    paginate_by = 50

    def get_queryset(self):
        return entries_in_years(self.first_year, self.last_year)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            first_year=self.first_year, last_year=self.last_year, **kwargs
        )
        # The page's entries and the span's years are read when first used: the page's
        # content is a fragment. Its count is the paginator's (kept until the next change).
        span, rows = (self.first_year, self.last_year), context["object_list"]
        context["year_sections"] = SimpleLazyObject(lambda: read_entries(rows, *span))
        context["year_counts"] = SimpleLazyObject(lambda: years_with_entries(*span))
        context["entry_count"] = context["paginator"].count
        return context


class DecadeView(SpanView):
    """/years/1920s/, /years/40s-bc/: with the decade's years that have entries."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.decade = kwargs["decade"]
        self.first_year, self.last_year = periods.decade_span(self.decade)

    def get_context_data(self, **kwargs):
        before, after = self.first_year - 1, self.last_year + 1
        return super().get_context_data(
            decade=self.decade,
            century=dates.century(self.first_year),
            previous_decade=dates.decade(before) if before >= dates.MIN_YEAR else None,
            next_decade=dates.decade(after) if after <= dates.MAX_YEAR else None,
            **kwargs,
        )


class CenturyView(SpanView):
    """/centuries/20th/, /centuries/1st-bc/: with the century's decades that have
    entries."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.century = kwargs["century"]
        self.first_year, self.last_year = dates.century_span(self.century)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            century=self.century,
            previous_century=self.neighbour(-1),
            next_century=self.neighbour(1),
            **kwargs,
        )
        context["decade_counts"] = SimpleLazyObject(lambda: by_decade(context["year_counts"]))
        return context

    def neighbour(self, step):
        """The century before (-1) or after (1): there is no century 0."""
        number = self.century + step
        if number == 0:
            number += step
        return number if periods.FIRST_CENTURY <= number <= periods.LAST_CENTURY else None


def by_decade(year_counts):
    """{first year of a decade: count} from {year: count}."""
    decade_counts = {}
    for year, count in year_counts.items():
        decade = dates.decade(year)
        decade_counts[decade] = decade_counts.get(decade, 0) + count
    return decade_counts
