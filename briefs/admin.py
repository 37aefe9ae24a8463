"""Briefs in the admin: one at a time (the date fields and messages of the article
form), several at once (the bulk add, checked as the CSV import checks rows), with
revisions. Authors add and change drafts; editors (roles.is_editor, or the
briefs.publish_brief permission) publish and change every brief."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from reversion.admin import VersionAdmin

from articles import date_labels, roles

from . import (
    revisions,  # noqa: F401  (the brief with its tags, before VersionAdmin)
    rows,
)
from .forms import BriefForm, BulkOptionsForm, BulkRowFormSet
from .models import Brief


def may_publish(user):
    return roles.is_editor(user) or user.has_perm("briefs.publish_brief")


@admin.register(Brief)
class BriefAdmin(VersionAdmin):
    form = BriefForm
    change_list_template = "admin/briefs/brief/change_list.html"
    list_display = ["event_date_display", "kind", "text", "status", "state"]
    list_display_links = ["event_date_display", "text"]
    list_filter = ["kind", "status", "event_approximate"]
    search_fields = ["text"]
    show_full_result_count = False
    autocomplete_fields = ["article"]
    fieldsets = [
        (None, {"fields": ["kind", "text"]}),
        (
            gettext_lazy("Event date"),
            {
                "fields": [
                    ("year", "era"),
                    ("month", "day"),
                    "event_approximate",
                    "event_old_style",
                    "date_as_read",
                ]
            },
        ),
        (None, {"fields": ["tags", "source_url", "article", "status", "publish_at"]}),
    ]

    @admin.display(description=gettext_lazy("event date"), ordering="event_year")
    def event_date_display(self, brief):
        return date_labels.event_date(brief)

    @admin.display(description=gettext_lazy("state"))
    def state(self, brief):
        if brief.status == Brief.Status.DRAFT:
            return _("Draft")
        return _("Published") if brief.is_public else _("Scheduled")

    def get_readonly_fields(self, request, obj=None):
        return [] if may_publish(request.user) else ["status", "publish_at"]

    def has_change_permission(self, request, obj=None):
        """Authors change drafts; a published brief is the editors' to change."""
        return super().has_change_permission(request, obj) and (
            obj is None or obj.status == Brief.Status.DRAFT or may_publish(request.user)
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or obj.status == Brief.Status.DRAFT or may_publish(request.user)
        )

    def save_model(self, request, obj, form, change):
        if not may_publish(request.user):
            obj.status, obj.publish_at = Brief.Status.DRAFT, None
        super().save_model(request, obj, form, change)

    def get_urls(self):
        bulk = self.admin_site.admin_view(self.bulk_add_view)
        return [path("bulk-add/", bulk, name="briefs_brief_bulk_add"), *super().get_urls()]

    def bulk_add_view(self, request):
        """Several briefs typed at once: all saved, or none when any row is wrong."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        options = BulkOptionsForm(request.POST or None)
        publish = options.is_valid() and options.cleaned_data["publish"]
        if publish and not may_publish(request.user):
            raise PermissionDenied(_("Only editors publish briefs."))
        status = Brief.Status.PUBLISHED if publish else Brief.Status.DRAFT
        formset = BulkRowFormSet(request.POST or None, form_kwargs={"status": status})
        if request.method == "POST" and formset.is_valid():
            checked = [form.checked for form in formset if form.checked is not None]
            if checked:
                with transaction.atomic():
                    fresh = rows.new_briefs(checked)
                    rows.write_briefs(fresh)
                messages.success(request, added_message(len(fresh), len(checked) - len(fresh)))
                return redirect("admin:briefs_brief_changelist")
            messages.error(request, _("Type at least one brief."))
        elif request.method == "POST":
            messages.error(request, _("Nothing was saved: correct the rows marked below."))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Add several briefs"),
            "opts": self.model._meta,
            "formset": formset,
            "options": options,
            "may_publish": may_publish(request.user),
        }
        return TemplateResponse(request, "admin/briefs/brief/bulk_add.html", context)


def added_message(added, already):
    message = ngettext("%(count)d brief added.", "%(count)d briefs added.", added) % {
        "count": added
    }
    if already:
        message += " " + ngettext(
            "%(count)d was already there.", "%(count)d were already there.", already
        ) % {"count": already}
    return message
