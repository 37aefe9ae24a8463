"""The revision interface of an admin: history, comparison of two versions, restore
and recovery of deleted objects, on top of django-reversion's VersionAdmin.

A model admin that uses it says what a restore may not do through three hooks:
``restore_refused`` (why a version cannot come back), ``recoverable_versions`` (the
deleted objects this user may recover) and ``restored`` (what to keep from the
current object once reversion has written the old version back).
"""

import contextlib
from dataclasses import dataclass

import reversion
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin
from reversion.models import Version

from .. import revisions


@dataclass(frozen=True)
class Restore:
    """A restore under way: ``before`` is the object as it is now, None when a deleted
    one is recovered. Passed to the form view in its extra context."""

    before: object


class HistoryAdmin(VersionAdmin):
    history_latest_first = True
    compare_template = None

    # Hooks.

    def restore_refused(self, request, version, *, recovering):
        """Why ``version`` cannot be restored (or recovered), or None if it can."""
        return None

    def recoverable_versions(self, request, deleted):
        """The last versions of deleted objects this user may recover."""
        return deleted

    def restored(self, request, object_id, before):
        """Called in the restore's transaction, once reversion has written the old
        version back and before the form reads it."""

    # Revisions of the changes made outside the form.

    def save_with_revision(self, request, obj, message):
        """Saves ``obj`` in a revision of its own, logged with ``message``."""
        with reversion.create_revision():
            obj.save()
            self.log_change(request, obj, message)  # also the revision's comment
            reversion.set_user(request.user)

    def keep_revision(self, request, obj, comment):
        with reversion.create_revision():
            reversion.add_to_revision(obj)
            reversion.set_user(request.user)
            reversion.set_comment(comment)

    def create_revision(self, request):
        # VersionAdmin wraps the whole list page in one revision, for list_editable;
        # the list's actions keep one revision per object instead (save_with_revision),
        # which a revision around them would merge into one.
        match = getattr(request, "resolver_match", None)
        if match is not None and match.url_name == self.url_name("changelist"):
            return contextlib.nullcontext()
        return super().create_revision(request)

    # Deleting keeps a last revision first, so the object can be recovered as it was,
    # even one saved before revisions were kept.

    def delete_model(self, request, obj):
        self.keep_revision(request, obj, _("Deleted."))
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.keep_revision(request, obj, _("Deleted."))
        super().delete_queryset(request, queryset)

    # The views.

    def url_name(self, view):
        opts = self.model._meta
        return f"{opts.app_label}_{opts.model_name}_{view}"

    def admin_url(self, view, *args):
        return reverse(f"{self.admin_site.name}:{self.url_name(view)}", args=args)

    def get_urls(self):
        compare = path(
            "<path:object_id>/history/compare/",
            self.admin_site.admin_view(self.compare_view),
            name=self.url_name("compare"),
        )
        return [compare, *super().get_urls()]

    def object_or_refuse(self, request, object_id, permission):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not permission(request, obj):
            raise PermissionDenied
        return obj

    def history_view(self, request, object_id, extra_context=None):
        obj = self.object_or_refuse(request, object_id, self.has_view_or_change_permission)
        context = {
            "versions": [
                {
                    "version": version,
                    "by": revisions.display_name(version.revision.user),
                    "restore_url": self.admin_url("revision", obj.pk, version.pk),
                }
                for version in revisions.versions_of(obj)
            ],
            "compare_url": self.admin_url("compare", obj.pk),
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, context)

    def compare_view(self, request, object_id):
        """Two versions side by side, only the fields that differ, words marked."""
        obj = self.object_or_refuse(request, object_id, self.has_view_or_change_permission)
        try:
            chosen = sorted({int(request.GET["from"]), int(request.GET["to"])})
        except (KeyError, ValueError):
            raise Http404 from None
        versions = revisions.versions_of(obj)
        older = get_object_or_404(versions, pk=chosen[0])
        newer = get_object_or_404(versions, pk=chosen[-1])
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": obj,
            "title": _("Compare versions"),
            "subtitle": str(obj),
            "sides": [
                {"version": version, "by": revisions.display_name(version.revision.user)}
                for version in (older, newer)
            ],
            "changes": revisions.compare(older, newer),
            "history_url": self.admin_url("history", obj.pk),
        }
        return TemplateResponse(request, self.compare_template, context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        obj = self.object_or_refuse(request, object_id, self.has_change_permission)
        version = get_object_or_404(Version.objects.get_for_object(obj), pk=version_id)
        refusal = self.restore_refused(request, version, recovering=False)
        if refusal:
            messages.error(request, refusal)
            return redirect(self.admin_url("history", obj.pk))
        context = {**(extra_context or {}), "restore": Restore(before=obj)}
        return super().revision_view(request, object_id, version_id, context)

    def recover_view(self, request, version_id, extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        version = get_object_or_404(self.deleted_versions(request), pk=version_id)
        refusal = self.restore_refused(request, version, recovering=True)
        if refusal:
            messages.error(request, refusal)
            return redirect(self.admin_url("recoverlist"))
        context = {**(extra_context or {}), "restore": Restore(before=None)}
        return super().recover_view(request, version_id, context)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        restore = (extra_context or {}).get("restore")
        if restore is not None:  # inside revision_view or recover_view
            self.restored(request, unquote(object_id), restore.before)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def response_change(self, request, obj):
        # Django would say "was changed successfully"; a restore or a recovery says so.
        match, saved = request.resolver_match, None
        if match.url_name == self.url_name("recover"):
            message = _("The {name} “{obj}” was recovered.")
        elif match.url_name == self.url_name("revision"):
            version = Version.objects.get(pk=match.args[-1])  # reversion's URL: no names
            saved = formats.localize(timezone.template_localtime(version.revision.date_created))
            message = _(
                "The version saved on {saved} was restored: the {name} “{obj}” is back as "
                "it was then."
            )
        else:
            return super().response_change(request, obj)
        link = format_html('<a href="{}">{}</a>', self.admin_url("change", obj.pk), obj)
        self.message_user(
            request,
            format_html(message, name=self.model._meta.verbose_name, obj=link, saved=saved),
            messages.SUCCESS,
        )
        return self.response_post_save_change(request, obj)

    def recoverlist_view(self, request, extra_context=None):
        context = {"deleted": self.deleted_versions(request), **(extra_context or {})}
        return super().recoverlist_view(request, context)

    def deleted_versions(self, request):
        deleted = Version.objects.get_deleted(self.model).select_related("revision")
        return self.recoverable_versions(request, deleted.order_by("-revision__date_created"))
