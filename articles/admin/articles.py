"""The article admin: declarations, the roles (articles.roles), publishing from the
list, and what a restore keeps."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from pictures.admin import PictureAdmin
from sharing.addresses import absolute_url

from .. import revisions, roles
from ..models import Author, EditConflict
from ..search import update_search_vector
from .actions import publish_now, unpublish
from .columns import ArticleColumnsMixin
from .filters import CenturyFilter, StateFilter
from .forms import ArticleForm
from .history import HistoryAdmin
from .live_preview import LivePreviewMixin
from .picks import pin_link
from .review import ReviewMixin
from .search import WordSearchMixin


class ArticleAdmin(
    ArticleColumnsMixin,
    WordSearchMixin,
    ReviewMixin,
    LivePreviewMixin,
    HistoryAdmin,
    PictureAdmin,
):
    """Articles, with their history, comparison, restore and recovery, and the roles:
    authors see and change only their own articles."""

    form = ArticleForm
    object_history_template = "admin/articles/article/object_history.html"
    compare_template = "admin/articles/article/compare.html"
    list_display = [
        "thumbnail",
        "title",
        "event_date_display",
        "author",
        "state_display",
        "publish_at",
        "on_site",
    ]
    # The thumbnail is no link: its alt text is empty, and the title next to it says it.
    list_display_links = ["title"]
    list_filter = [StateFilter, CenturyFilter, "author", "tags"]
    list_select_related = ["author"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["author"]
    date_hierarchy = "publish_at"
    # Drafts first (they are being worked on), then the newest publish time.
    ordering = [models.F("publish_at").desc(nulls_first=True), "-id"]
    readonly_fields = ["picture_preview"]
    actions = [publish_now, unpublish]
    fieldsets = [
        (None, {"fields": ["title", "slug", "dek", "opened_version"]}),
        (
            _("Event date"),
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

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "author" and not roles.is_editor(request.user):
            # An author writes as themselves; a crafted choice of another is invalid.
            kwargs["queryset"] = Author.objects.filter(user=request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_fieldsets(self, request, obj=None):
        *fieldsets, (title, publication) = super().get_fieldsets(request, obj)
        description = _(
            "“Preview”, under the form, shows what is in the form now as readers will "
            "see it, without saving; “Preview” at the top of the page shows the last save."
        )
        if not roles.can_publish(request.user):
            description = f"{description} {_('An editor publishes it, after reviewing it.')}"
        return [*fieldsets, (title, {**publication, "description": description})]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        # The form class is made afresh for each request, so its fields may be changed.
        if obj is not None and obj.slug and "slug" in form.base_fields:
            form.base_fields["slug"].help_text = address_help_text(obj)
        return form

    def get_autocomplete_fields(self, request):
        return self.autocomplete_fields if roles.is_editor(request.user) else []

    def get_readonly_fields(self, request, obj=None):
        fields = [*super().get_readonly_fields(request, obj)]
        if not roles.can_publish(request.user):
            fields += ["status", "publish_at"]
        return fields

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        author = getattr(request.user, "author", None)
        if author is not None:
            initial.setdefault("author", author.pk)
        return initial

    # Roles: authors see, change and preview only their own articles, delete only their
    # drafts, and publish only with the setting on.

    def get_queryset(self, request):
        # With the author, whom the roles (may_edit) and the change form ask about.
        return super().get_queryset(request).editable_by(request.user).select_related("author")

    def get_object(self, request, object_id, from_field=None):
        article = super().get_object(request, object_id, from_field)
        if article is None and from_field is None and not roles.is_editor(request.user):
            try:
                exists = self.model._default_manager.filter(pk=object_id).exists()
            except (ValidationError, ValueError):
                exists = False
            if exists:  # another author's article: refused, not "perhaps it was deleted"
                raise PermissionDenied(
                    _(
                        "This article is another author's. You can open the articles "
                        "credited to you; an editor can open every article."
                    )
                )
        return article

    def has_add_permission(self, request):
        # An author's articles are theirs: a login without an author profile adds none.
        return super().has_add_permission(request) and (
            roles.is_editor(request.user) or Author.objects.filter(user=request.user).exists()
        )

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or roles.may_edit(request.user, obj)
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or roles.may_delete(request.user, obj)
        )

    def has_publish_permission(self, request):
        return roles.can_publish(request.user)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context.update(
            self.review_context(request, obj or self.model()),
            live_preview_url=self.live_preview_url(obj),
            pin_link=pin_link(request, obj),
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    # Saving.

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except EditConflict:
            # Someone saved between this form's check and its save, which was rolled
            # back: checked again, the form says who, and keeps what was typed.
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The search vector includes the tag names, saved only now.
        update_search_vector(form.instance)

    # Restore and recovery (HistoryAdmin's hooks).

    def restore_refused(self, request, version, *, recovering):
        return revisions.restore_refusal(version, recovering=recovering)

    def recoverable_versions(self, request, deleted):
        """An author recovers their own articles only."""
        if roles.is_editor(request.user):
            return deleted
        own = Author.objects.filter(user=request.user).values_list("pk", flat=True).first()
        return deleted.filter(
            pk__in=[version.pk for version in deleted if revisions.author_id(version) == own]
        )

    def restored(self, request, object_id, before):
        article = self.model._default_manager.get(pk=object_id)
        kept, warning = revisions.kept_on_restore(
            article, before, may_publish=roles.can_publish(request.user)
        )
        if warning:
            messages.warning(request, warning)
        if kept:
            self.model._default_manager.filter(pk=article.pk).update(**kept)


def address_help_text(article):
    """The slug's help text once the article has an address: the address itself, a
    link when readers can follow it."""
    url = absolute_url(article.get_absolute_url())
    if article.is_public:
        return format_html(
            _(
                "Readers find this article at {}. Changing the address breaks the links "
                "they have shared."
            ),
            format_html('<a href="{}">{}</a>', url, url),
        )
    return format_html(_("Once published, this article will be at {}."), url)
