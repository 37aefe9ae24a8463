"""The editor's picks: the article that leads Today in History on a day of the year.
Editors pin from the article's page ("Pin as the lead on …", which opens this admin's
add form filled in) and unpin from this list."""

from urllib.parse import urlencode

from django.contrib import admin
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .. import date_labels, roles
from ..models import EditorsPick


class EditorsPickAdmin(admin.ModelAdmin):
    list_display = ["day", "article", "pinned_by", "pinned_at"]
    list_select_related = ["article", "pinned_by"]
    raw_id_fields = ["article"]
    fields = [("event_month", "event_day"), "article"]
    list_per_page = 50

    @admin.display(description=_("day"), ordering="event_month")
    def day(self, pick):
        return pick.day_label

    def save_model(self, request, obj, form, change):
        obj.pinned_by = request.user
        super().save_model(request, obj, form, change)

    # Only editors pin and unpin.

    def has_module_permission(self, request):
        return roles.is_editor(request.user)

    def has_view_permission(self, request, obj=None):
        return roles.is_editor(request.user)

    def has_add_permission(self, request):
        return roles.is_editor(request.user)

    def has_change_permission(self, request, obj=None):
        return roles.is_editor(request.user)

    def has_delete_permission(self, request, obj=None):
        return roles.is_editor(request.user)


def pin_link(request, article):
    """The change form's link to pin ``article`` as the lead on its day, or to the pick
    that already holds it there: (text, address), or None when it cannot lead."""
    if not roles.is_editor(request.user) or article is None or article.pk is None:
        return None
    if article.status != article.Status.PUBLISHED or not article.day_of_year:
        return None
    day = date_labels.day_of_year(article.day_of_year)
    pick = EditorsPick.objects.filter(
        event_month=article.event_month, event_day=article.event_day
    ).first()
    if pick is not None and pick.article_id == article.pk:
        url = reverse("admin:articles_editorspick_delete", args=[pick.pk])
        return _("Leads on %(day)s: unpin") % {"day": day}, url
    query = urlencode(
        {"article": article.pk, "event_month": article.event_month, "event_day": article.event_day}
    )
    url = f"{reverse('admin:articles_editorspick_add')}?{query}"
    return _("Pin as the lead on %(day)s") % {"day": day}, url
