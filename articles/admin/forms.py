"""The article form: the event date as authors write it, tags as typed, and the
refusal of a save over someone else's newer one."""

import itertools

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from taggit.forms import TagWidget
from taggit.models import Tag

from .. import date_labels, dates, markdown, revisions, tagging, written_years
from ..models import Article


def free_slug(slug):
    """``slug`` with the smallest number from 2 that no article uses: "hastings-2"."""
    longest = Article._meta.get_field("slug").max_length
    stem = slug[: longest - 10]  # room for any number a suffix will need
    taken = set(Article.objects.filter(slug__startswith=stem).values_list("slug", flat=True))
    for number in itertools.count(2):
        suffix = f"-{number}"
        candidate = slug[: longest - len(suffix)].rstrip("-") + suffix
        if candidate not in taken:
            return candidate


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


class WrittenYearField(forms.CharField):
    """A year as sources write it, read by written_years.parse_written_year: "1940", "44 BC",
    "AD 79", "c. 1450". Its value is a written_years.WrittenYear."""

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        try:
            return written_years.parse_written_year(value)
        except dates.InvalidDate as error:
            raise ValidationError(error.message, code="invalid") from None


class DateAsReadWidget(forms.Widget):
    """The event date as readers will see it, under the date fields: written by the
    form (``text``) when it is shown, kept current by a script as the author types."""

    template_name = "articles/widgets/date_as_read.html"
    text = ""

    class Media:
        js = ["js/admin-date-echo.js"]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["text"] = self.text
        context["today"] = timezone.localdate().isoformat()
        context["months"] = date_labels.month_names()
        return context


class EventDateForm(forms.ModelForm):
    """The event date as authors write it: a year with its era, then month and day,
    for every model with a HistoricalEvent's fields (articles, ideas, briefs), so each
    is typed, checked and echoed with the same words and messages.

    The model stores an astronomical year (44 BC is -43); only this form and the
    dates module translate between the two.
    """

    year = WrittenYearField(
        label=_("Year"),
        widget=forms.TextInput(attrs={"size": 12, "maxlength": written_years.WRITTEN_YEAR_LENGTH}),
        help_text=_(
            "As sources write it: 1940, 44 BC, AD 79, c. 1450. An era typed here "
            "is the one kept; “c.” ticks “approximate date”."
        ),
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
        error_messages={"invalid_choice": _("Choose a month from the list.")},
    )
    day = forms.IntegerField(
        label=_("Day"),
        required=False,
        help_text=_("Leave empty when only the month or the year is known."),
    )
    date_as_read = forms.CharField(
        label=_("As readers will see it"),
        required=False,
        disabled=True,
        widget=DateAsReadWidget,
    )

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
            if not self.is_bound:  # a posted form shows the date it posted (see clean)
                self.show_date_as_read(self.instance.event_date)

    def clean(self):
        cleaned = super().clean()
        written, era = cleaned.get("year"), cleaned.get("era")
        if written is None or era is None or self.has_error("month"):
            return cleaned  # the field errors already say what is missing or wrong
        # What the year box says wins over the era list and the tick box beside it
        # (the list shows AD until changed); the line under the fields shows the result.
        era = written.era or dates.Era(era)
        cleaned["era"] = era.value
        if written.approximate:
            cleaned["event_approximate"] = True
        try:
            event = dates.HistoricalDate.from_parts(
                written.year,
                era,
                cleaned.get("month"),
                cleaned.get("day"),
                bool(cleaned.get("event_approximate")),
            )
        except dates.InvalidDate as error:
            self.add_error(error.field, error.message)
            return cleaned
        self.show_date_as_read(event)
        self.instance.event_year = event.year
        self.instance.event_month = event.month
        self.instance.event_day = event.day
        self.instance.event_approximate = event.approximate
        return cleaned

    def show_date_as_read(self, event):
        self.fields["date_as_read"].widget.text = date_labels.date_as_read(
            event, timezone.localdate()
        )


class ArticleForm(EventDateForm):
    """An article: its event date (EventDateForm), text, tags, picture and publication."""

    # The article's version as this form was opened. A save by anyone else since then,
    # or a form posted without it, refuses this one (see clean), so nobody overwrites
    # another's work; Article.save() checks it again as it saves.
    opened_version = forms.CharField(widget=forms.HiddenInput, required=False)

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
        widgets = {"tags": TagSuggestionsWidget}
        help_texts = {
            "tags": _(
                "Separated by commas: “War & Peace” is one tag, “France, 1940” two. "
                "Existing tags are suggested as you type."
            ),
            "body": _(
                "Markdown: *italic*, **bold**, [a link](https://example.org), ## a subheading, "
                "> a quotation, - a list item, and footnotes for sources: text[^1] then "
                "[^1]: the source. HTML is allowed but scripts and styles are removed, and a "
                "picture needs its full address (https://…)."
            ),
            "status": _(
                "Draft: only staff see it, in its preview. Published: readers see it from "
                "its publish time; a time in the future schedules it."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.initial["opened_version"] = self.instance.version

    def clean(self):
        cleaned = super().clean()
        self.refuse_conflicting_save(cleaned.get("opened_version"))
        return cleaned

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        # Checked here, not left to the model, to say it in an author's words.
        if Article.objects.filter(slug=slug).exclude(pk=self.instance.pk).exists():
            raise ValidationError(
                _(
                    "Another article already uses the address %(address)s; change the "
                    "title or the address. “%(free)s” is free."
                ),
                code="unique",
                params={
                    "address": reverse("articles:article", args=[slug]),
                    "free": free_slug(slug),
                },
            )
        return slug

    def clean_body(self):
        body = self.cleaned_data["body"]
        swallowed = markdown.swallowed_text(body)
        if swallowed:
            name, opening, after = swallowed
            raise ValidationError(
                _(
                    "%(opening)s is never closed, so readers would see nothing from it "
                    "to the end: “%(after)s”. Close it with %(closing)s where it should "
                    "end, or delete it."
                ),
                code="unclosed",
                params={
                    "opening": opening,
                    "after": Truncator(after).chars(80),
                    "closing": f"</{name}>",
                },
            )
        return body

    def clean_tags(self):
        names = self.cleaned_data["tags"]
        nameless = [name for name in names if not tagging.has_slug(name)]
        if nameless:
            raise ValidationError(
                _(
                    "“%(name)s” cannot be a tag: a tag needs at least one letter or digit. "
                    "Separate tags with commas; “War & Peace” is one tag."
                ),
                params={"name": nameless[0]},
            )
        longest = Tag._meta.get_field("name").max_length
        too_long = [name for name in names if len(name) > longest]
        if too_long:
            raise ValidationError(
                _("A tag is at most %(longest)d characters: “%(name)s…” is longer."),
                params={"longest": longest, "name": too_long[0][:40]},
            )
        return names

    def refuse_conflicting_save(self, version):
        # A new article has no one to conflict with. A form posted without its version
        # (a stale page, a hand-made request) cannot show it saw the last save: refused.
        if self.instance.pk is not None and version != str(self.instance.version):
            # The admin shows this above the form, which keeps everything typed in it.
            raise ValidationError(revisions.conflict_message(self.instance))
