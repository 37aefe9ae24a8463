"""The desk in the admin: the anniversary ideas, turning one into a draft, and the
calendar and coverage pages (desk/views.py), listed with the ideas.

Every author and editor sees every idea (so that nobody notes the same event twice);
an author changes and deletes the ideas they noted or were given, an editor all of them.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles import date_labels, roles
from historyblog.admin import AdminPage

from . import drafts, views
from .forms import IdeaForm
from .models import Idea


def may_change(user, idea):
    """Editors change every idea; an author, the ones they noted or were given."""
    return (
        roles.is_editor(user)
        or idea.created_by_id == user.pk
        or (idea.assignee is not None and idea.assignee.user_id == user.pk)
    )


class ProgressFilter(admin.SimpleListFilter):
    title = gettext_lazy("article")
    parameter_name = "progress"

    def lookups(self, request, model_admin):
        return [
            ("waiting", gettext_lazy("Not started")),
            ("draft", gettext_lazy("Draft started")),
            ("published", gettext_lazy("Published or scheduled")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "waiting":
            return queryset.filter(article__isnull=True)
        if self.value() == "draft":
            return queryset.filter(article__status="draft")
        if self.value() == "published":
            return queryset.filter(article__status="published")
        return queryset


@admin.register(Idea)
class IdeaAdmin(admin.ModelAdmin):
    form = IdeaForm
    change_form_template = "admin/desk/idea/change_form.html"
    list_display = ["title", "event_date_display", "assignee", "article_display", "created_by"]
    list_filter = [ProgressFilter, "assignee"]
    list_select_related = ["assignee", "article", "created_by"]
    search_fields = ["title", "notes"]
    show_full_result_count = False  # one count of the list, not two
    readonly_fields = ["created_by", "article_display"]
    fieldsets = [
        (None, {"fields": ["title"]}),
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
        (None, {"fields": ["notes", "source_url", "assignee", "created_by", "article_display"]}),
    ]

    @admin.display(description=gettext_lazy("event date"), ordering="event_year")
    def event_date_display(self, idea):
        return date_labels.event_date(idea)

    @admin.display(description=gettext_lazy("article"))
    def article_display(self, idea):
        if idea.article is None:
            return "—"
        url = reverse("admin:articles_article_change", args=[idea.article.pk])
        return format_html('<a href="{}">{}</a> ({})', url, idea.article, idea.article.state)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("assignee", "article", "created_by")

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or may_change(request.user, obj)
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or may_change(request.user, obj)
        )

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        author = getattr(request.user, "author", None)
        if author is not None:
            initial.setdefault("assignee", author.pk)
        return initial

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def get_urls(self):
        draft = self.admin_site.admin_view(self.draft_view)
        return [path("<int:idea_id>/draft/", draft, name="desk_idea_draft"), *super().get_urls()]

    def draft_view(self, request, idea_id):
        """Turns the idea into a draft article and opens the draft. Only a POST does: a
        GET (a followed or reloaded link) goes back to the idea's page, with its button."""
        if request.method != "POST":
            return redirect("admin:desk_idea_change", idea_id)
        with transaction.atomic():
            idea = get_object_or_404(
                self.get_queryset(request).select_for_update(of=("self",)), pk=idea_id
            )
            if not self.has_change_permission(request, idea):
                raise PermissionDenied(
                    _(
                        "Only its author, the author it was given to or an "
                        "editor turns this idea into a draft."
                    )
                )
            outcome = drafts.draft_from_idea(idea, request.user)
        if outcome.refusal:
            messages.error(request, outcome.refusal)
            return redirect("admin:desk_idea_change", idea.pk)
        if outcome.created:
            messages.success(
                request,
                _("The draft “%(title)s” is ready, with the idea's title and date.")
                % {"title": outcome.article},
            )
        else:
            messages.info(request, _("This idea already became this article."))
        return redirect("admin:articles_article_change", outcome.article.pk)


admin.site.register_page(
    AdminPage(
        app_label="desk",
        route="desk/calendar/",
        name="desk_calendar",
        title=gettext_lazy("Calendar"),
        view=views.calendar_view,
        permission="desk.view_idea",
    )
)
admin.site.register_page(
    AdminPage(
        app_label="desk",
        route="desk/coverage/",
        name="desk_coverage",
        title=gettext_lazy("Coverage"),
        view=views.coverage_view,
        permission="desk.view_idea",
    )
)
