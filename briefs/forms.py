"""The brief's admin form (its event date typed, checked and echoed exactly as an
article's, with the article form's own fields) and the rows of the bulk add (checked by
briefs.rows, as the CSV import checks them)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from articles.admin.forms import ArticleForm, EventDateForm, TagSuggestionsWidget

from . import rows
from .models import Brief


class BriefForm(EventDateForm):
    source_url = forms.URLField(
        label=_("Source"),
        max_length=Brief._meta.get_field("source_url").max_length,
        required=False,
        assume_scheme="https",
        help_text=Brief._meta.get_field("source_url").help_text,
    )

    class Meta:
        model = Brief
        fields = [
            "kind",
            "text",
            "event_approximate",
            "event_old_style",
            "tags",
            "source_url",
            "article",
            "status",
            "publish_at",
        ]
        widgets = {"tags": TagSuggestionsWidget, "text": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"tags": ArticleForm.Meta.help_texts["tags"]}


class BulkRowForm(forms.Form):
    """One row of the bulk add, checked as a CSV row is (briefs.rows.read_row)."""

    date = forms.CharField(
        label=_("Date"),
        max_length=40,
        widget=forms.TextInput(attrs={"placeholder": _("20 August 1940"), "size": 16}),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=Brief.Kind.choices, initial=Brief.Kind.EVENT)
    text = forms.CharField(
        label=_("Text"), max_length=400, widget=forms.TextInput(attrs={"size": 60})
    )
    tags = forms.CharField(label=_("Tags"), required=False, max_length=200)
    source = forms.CharField(label=_("Source"), required=False, max_length=500)

    def __init__(self, *args, status=Brief.Status.DRAFT, **kwargs):
        super().__init__(*args, **kwargs)
        self.status = status
        self.checked = None

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        try:
            self.checked = rows.read_row(cleaned, {}, self.status)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                field = {"source_url": "source", "event_month": "date", "event_day": "date"}.get(
                    field, field
                )
                for message in messages:
                    self.add_error(field if field in self.fields else None, message)
        return cleaned


class BulkOptionsForm(forms.Form):
    publish = forms.TypedChoiceField(
        label=_("Save them as"),
        choices=[("", _("Drafts")), ("yes", _("Published now"))],
        coerce=bool,
        empty_value=False,
        required=False,
    )


BulkRowFormSet = forms.formset_factory(BulkRowForm, extra=10, max_num=50, validate_max=True)
