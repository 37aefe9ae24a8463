import logging

from django import forms
from django.contrib import admin
from django.db import models
from django.utils.dates import MONTHS
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from taggit.forms import TagWidget
from taggit.models import Tag

from . import dates, pictures
from .models import Article, Author
from .search import update_search_vector
from .templatetags.history import event_date

logger = logging.getLogger(__name__)


class PictureField(forms.ImageField):
    """Django's image field, after the checks of ``pictures.validate_image``: their
    messages say what is wrong, and a decompression bomb is refused before Pillow
    decodes it. (A validator on the model field would run only after this form field's
    own check, and would read the stored picture again on every ``full_clean``.)"""

    def __init__(self, **kwargs):
        kwargs["help_text"] = kwargs.get("help_text") or pictures.upload_help_text()
        super().__init__(**kwargs)

    def to_python(self, data):
        if data not in self.empty_values:
            pictures.validate_image(data)
        return super().to_python(data)


class PictureAdmin(admin.ModelAdmin):
    """Admin for a model with one picture field and its ``<field>_renditions`` record.

    An upload is published by ``pictures.publish`` (cleaned, then its renditions made)
    before the row is saved; the files of a replaced picture or a deleted row are
    deleted once the change commits. Django leaves old files behind on its own.
    """

    picture_field = "picture"
    square_renditions = False
    formfield_overrides = {models.ImageField: {"form_class": PictureField}}

    def save_model(self, request, obj, form, change):
        field_file = getattr(obj, self.picture_field)
        if self.picture_field in form.changed_data:
            replaced = pictures.stored_names(
                form.initial.get(self.picture_field), self.renditions(obj)
            )
            record = (
                pictures.publish(field_file, square=self.square_renditions) if field_file else {}
            )
            self.set_renditions(obj, record)
            pictures.delete_after_commit(field_file.storage, replaced)
        elif field_file and not pictures.is_current(field_file, self.renditions(obj)):
            # A picture stored before renditions existed gets them on its next save.
            try:
                self.set_renditions(
                    obj, pictures.make_renditions(field_file, square=self.square_renditions)
                )
            except (OSError, ValueError):
                # Not a picture Pillow can read: the save goes on; pages show the file.
                logger.warning("No renditions for unreadable picture %s", field_file.name)
        super().save_model(request, obj, form, change)

    def delete_model(self, request, obj):
        files = self.stored_names(obj)
        super().delete_model(request, obj)
        pictures.delete_after_commit(getattr(obj, self.picture_field).storage, files)

    def delete_queryset(self, request, queryset):
        objs = list(queryset)
        super().delete_queryset(request, queryset)
        for obj in objs:
            pictures.delete_after_commit(
                getattr(obj, self.picture_field).storage, self.stored_names(obj)
            )

    def renditions(self, obj):
        return getattr(obj, f"{self.picture_field}_renditions")

    def set_renditions(self, obj, record):
        setattr(obj, f"{self.picture_field}_renditions", record)

    def stored_names(self, obj):
        return pictures.stored_names(getattr(obj, self.picture_field), self.renditions(obj))

    def preview(self, obj, *, width, height=None):
        """The smallest rendition, ``width`` CSS pixels wide and as tall as its proportions
        make it (or cropped to ``height``); a dash without a picture."""
        field_file = getattr(obj, self.picture_field)
        if not field_file:
            return "—"
        url, rendition_width, rendition_height = pictures.smallest(
            field_file, self.renditions(obj)
        )
        if height is None:
            height = (
                round(width * rendition_height / rendition_width) if rendition_width else width
            )
        return format_html(
            '<img src="{}" width="{}" height="{}" alt="" loading="lazy" '
            'style="object-fit: cover; border-radius: 2px">',
            url,
            width,
            height,
        )


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
            "picture_decorative",
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
class ArticleAdmin(PictureAdmin):
    form = ArticleForm
    list_display = [
        "thumbnail",
        "title",
        "event_date_display",
        "author",
        "state_display",
        "publish_at",
    ]
    # The thumbnail is no link: its alt text is empty, and the title next to it says it.
    list_display_links = ["title"]
    list_filter = ["status", CenturyFilter, "author", "tags"]
    list_select_related = ["author"]
    search_fields = ["title", "dek", "body"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["author"]
    date_hierarchy = "publish_at"
    ordering = ["-publish_at", "-id"]
    readonly_fields = ["picture_preview"]
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
            {
                "fields": [
                    "picture",
                    "picture_preview",
                    "picture_alt",
                    "picture_decorative",
                    "picture_caption",
                    "picture_credit",
                ]
            },
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

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The search vector includes the tag names, saved only now.
        update_search_vector(form.instance)

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

    @admin.display(description=_("picture"))
    def thumbnail(self, article):
        return self.preview(article, width=64, height=48)

    @admin.display(description=_("preview"))
    def picture_preview(self, article):
        return self.preview(article, width=240)


@admin.register(Author)
class AuthorAdmin(PictureAdmin):
    picture_field = "photo"
    square_renditions = True
    list_display = ["display_name", "slug", "user"]
    search_fields = ["display_name", "slug", "user__username"]
    prepopulated_fields = {"slug": ["display_name"]}
    autocomplete_fields = ["user"]
    fields = ["user", "display_name", "slug", "bio", "photo", "photo_preview", "links"]
    readonly_fields = ["photo_preview"]

    @admin.display(description=_("preview"))
    def photo_preview(self, author):
        return self.preview(author, width=160)
