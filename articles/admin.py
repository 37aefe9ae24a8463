from django import forms
from django.contrib import admin
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _
from taggit.forms import TagWidget
from taggit.models import Tag

from . import dates
from .models import Article, Author
from .templatetags.history import event_date


class ArticleForm(forms.ModelForm):
    """The event date as authors write it: a year with its era, then month and day.

    The model stores an astronomical year (44 BC is -43); only this form and the
    dates module translate between the two.
    """

    year = forms.IntegerField(
        label=_("Year"),
        min_value=1,
        error_messages={
            "min_value": _("There is no year 0: 1 BC is followed directly by AD 1."),
        },
        help_text=_("As written, without era: 1940, or 44 for 44 BC."),
    )
    era = forms.ChoiceField(
        label=_("Era"), choices=[(era.value, era.value) for era in dates.Era], initial="AD"
    )
    month = forms.TypedChoiceField(
        label=_("Month"),
        choices=[("", _("— (year only)")), *MONTHS.items()],
        coerce=int,
        empty_value=None,
        required=False,
    )
    day = forms.IntegerField(
        label=_("Day"),
        required=False,
        help_text=_("Leave empty when only the month or the year is known."),
    )

    class Meta:
        model = Article
        fields = [
            "title",
            "slug",
            "dek",
            "event_approximate",
            "event_old_style",
            "body",
            "tags",
            "picture",
            "picture_alt",
            "picture_caption",
            "picture_credit",
            "author",
            "status",
            "publish_at",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            written, era = dates.from_astronomical(self.instance.event_year)
            self.initial.update(
                year=written,
                era=era.value,
                month=self.instance.event_month,
                day=self.instance.event_day,
            )

    def clean(self):
        cleaned = super().clean()
        year, era = cleaned.get("year"), cleaned.get("era")
        if year is None or era is None:
            return cleaned  # the field errors already say what is missing
        try:
            event = dates.HistoricalDate.from_parts(
                year, dates.Era(era), cleaned.get("month"), cleaned.get("day")
            )
        except dates.InvalidDate as error:
            self.add_error(error.field, error.message)
            return cleaned
        self.instance.event_year = event.year
        self.instance.event_month = event.month
        self.instance.event_day = event.day
        return cleaned


class TagSuggestionsWidget(TagWidget):
    """taggit's comma-separated input, offering the existing tags as suggestions."""

    template_name = "articles/widgets/tag_input.html"

    class Media:
        js = ["js/admin-tags.js"]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["suggestions"] = Tag.objects.order_by("name").values_list("name", flat=True)
        context["widget"]["attrs"]["list"] = f"{context['widget']['attrs']['id']}-suggestions"
        return context


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


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleForm
    list_display = ["title", "event_date_display", "author", "state_display", "publish_at"]
    list_filter = ["status", CenturyFilter, "author", "tags"]
    list_select_related = ["author"]
    search_fields = ["title", "dek", "body"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["author"]
    date_hierarchy = "publish_at"
    ordering = ["-publish_at", "-id"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "dek"]}),
        (
            _("Event date"),
            {
                "fields": [
                    ("year", "era"),
                    ("month", "day"),
                    "event_approximate",
                    "event_old_style",
                ]
            },
        ),
        (None, {"fields": ["body", "tags"]}),
        (
            _("Picture"),
            {"fields": ["picture", "picture_alt", "picture_caption", "picture_credit"]},
        ),
        (_("Publication"), {"fields": ["author", "status", "publish_at"]}),
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "tags":
            kwargs["widget"] = TagSuggestionsWidget
        elif db_field.name == "body":
            kwargs["help_text"] = _(
                "Markdown: *italic*, **bold**, [a link](https://example.org), ## a subheading, "
                "> a quotation, - a list item, and footnotes for sources: text[^1] then "
                "[^1]: the source. HTML is allowed but scripts and styles are removed."
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        author = getattr(request.user, "author", None)
        if author is not None:
            initial.setdefault("author", author.pk)
        return initial

    @admin.display(description=_("event date"), ordering="event_year")
    def event_date_display(self, article):
        return event_date(article)

    @admin.display(description=_("status"), ordering="status")
    def state_display(self, article):
        return article.state


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["display_name", "slug", "user"]
    search_fields = ["display_name", "slug", "user__username"]
    prepopulated_fields = {"slug": ["display_name"]}
    autocomplete_fields = ["user"]
