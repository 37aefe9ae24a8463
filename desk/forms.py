"""The idea form: the event date typed as on the article form, with the same fields,
the same rules (articles.dates, articles.written_years) and the same messages."""

from django import forms

from articles.admin.forms import EventDateForm

from .models import Idea


class IdeaForm(EventDateForm):
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
