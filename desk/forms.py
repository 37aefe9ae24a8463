"""The idea form: the event date typed as on the article form, with the same fields,
the same rules (articles.dates, articles.written_years) and the same messages."""

from django import forms
from django.utils import timezone

from articles import date_labels, dates
from articles.admin.forms import ArticleForm

from .models import Idea

DATE_FIELDS = ["year", "era", "month", "day", "date_as_read"]


class IdeaForm(forms.ModelForm):
    # The article form's own date fields (copied per form, as every declared field is),
    # so that an idea's date is written, checked and echoed exactly as an article's.
    year, era, month, day, date_as_read = (ArticleForm.base_fields[name] for name in DATE_FIELDS)
    source_url = forms.URLField(
        label=Idea._meta.get_field("source_url").verbose_name.capitalize(),
        max_length=Idea._meta.get_field("source_url").max_length,
        required=False,
        assume_scheme="https",
        help_text=Idea._meta.get_field("source_url").help_text,
    )

    class Meta:
        model = Idea
        fields = [
            "title",
            "event_approximate",
            "event_old_style",
            "notes",
            "source_url",
            "assignee",
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
            if not self.is_bound:
                self.show_date_as_read(self.instance.event_date)

    def clean(self):
        cleaned = super().clean()
        written, era = cleaned.get("year"), cleaned.get("era")
        if written is None or era is None or self.has_error("month"):
            return cleaned  # the field errors already say what is missing or wrong
        # As on the article form, the era and "c." typed in the year box win.
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
