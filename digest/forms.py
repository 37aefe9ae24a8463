"""The subscription form and the subscriber's preferences."""

from django import forms
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from articles.counts import tag_counts


def tag_choices():
    """Tags readers can follow: those with published articles, most used first."""
    return [(tag.pk, tag.name) for tag in tag_counts()]


class TagsField(forms.TypedMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(coerce=int, required=False, **kwargs)
        self.choices = tag_choices


class PreferencesForm(forms.Form):
    tags = TagsField(
        label=_("Tags to follow"),
        help_text=_("Leave them all unticked to get every anniversary."),
    )

    def clean_tags(self):
        # A tag deleted since the page was shown is dropped, not an error.
        return list(
            Tag.objects.filter(pk__in=self.cleaned_data["tags"]).values_list("pk", flat=True)
        )


class SubscribeForm(PreferencesForm):
    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)
    # A field people never see (it is off screen and skipped by the keyboard), which
    # form-filling robots fill in.
    website = forms.CharField(label=_("Leave this empty"), required=False)

    field_order = ["email", "tags", "website"]

    @property
    def is_robot(self):
        return bool(self.data.get("website"))
