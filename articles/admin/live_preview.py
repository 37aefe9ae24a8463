"""The live preview: what is in the article form now, as readers will see it, from
the "Preview" button of the add and change forms. The button posts the whole form
here, in a new tab; nothing is saved, no revision is kept, no picture is stored."""

import copy

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from ..markdown import render_markdown

TEMPLATE = "articles/article_live_preview.html"

# What the instance keeps from its last save whatever the form says: a picture chosen
# in the form is shown once saved (and checked), never from the preview.
SAVED_PICTURE = ["picture", "picture_width", "picture_height", "picture_renditions"]


class LivePreviewMixin:
    """For the article admin. The view is an admin view: staff only, CSRF-protected,
    never cached."""

    def get_urls(self):
        preview = self.admin_site.admin_view(self.live_preview_view)
        return [
            path("live-preview/", preview, name=self.url_name("live_preview")),
            path("<path:object_id>/live-preview/", preview, name=self.url_name("live_preview")),
            *super().get_urls(),
        ]

    def live_preview_url(self, article):
        if article is not None and article.pk:
            return self.admin_url("live_preview", article.pk)
        return self.admin_url("live_preview")

    def live_preview_view(self, request, object_id=None):
        saved = None
        if object_id is not None:
            saved = self.get_object(request, unquote(object_id))
            if saved is None:
                raise Http404(_("There is no such article; perhaps it was deleted."))
            if not self.has_change_permission(request, saved):
                raise PermissionDenied
        elif not self.has_add_permission(request):
            raise PermissionDenied
        if request.method != "POST":
            return self.render_live_preview(
                request,
                None,
                [(None, [_("Open the preview with the “Preview” button under the form.")])],
                status=405,
            )
        form_class = preview_form(self.get_form(request, saved, change=saved is not None))
        article = copy.copy(saved) if saved else self.model()
        form = form_class(request.POST, request.FILES, instance=article)
        if not form.is_valid():
            return self.render_live_preview(request, article, form_errors(form))
        for name in SAVED_PICTURE:
            default = article._meta.get_field(name).get_default()
            setattr(article, name, getattr(saved, name) if saved else default)
        article.body_html = render_markdown(article.body)
        return self.render_live_preview(request, article, [], tags=preview_tags(form))

    def render_live_preview(self, request, article, errors, *, tags=(), status=200):
        today = timezone.localdate()
        context = {
            "article": article,
            "render_afresh": True,  # unsaved: no fragment kept for the article may stand in
            "errors": errors,
            "tags": tags,
            "related_articles": [],
            "today": today,
            "is_anniversary": bool(article and not errors and article.is_anniversary_on(today)),
            "change_url": (
                self.admin_url("change", article.pk) if article and article.pk else None
            ),
        }
        return TemplateResponse(request, TEMPLATE, context, status=status)


def preview_form(form_class):
    """The admin's article form, checking the address and the author once, by their
    own fields (the slug's clean_slug, the author's choice), without the model checking
    them again: this form saves nothing, and the real save checks everything."""

    class PreviewForm(form_class):
        def _get_validation_exclusions(self):
            return {*super()._get_validation_exclusions(), "slug", "author"}

    return PreviewForm


def form_errors(form):
    """(label, messages) for each field with errors; a None label for the form's own."""
    errors = []
    for name, messages in form.errors.items():
        label = form.fields[name].label if name in form.fields else None
        errors.append((label, messages))
    return errors


def preview_tags(form):
    """The tags typed in the form, as the page lists them (not saved)."""
    names = form.cleaned_data.get("tags") or []
    return [Tag(name=name, slug=slugify(name, allow_unicode=True)) for name in names]
