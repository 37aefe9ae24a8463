from django.contrib import admin

from .models import ImportedPost, OldAddress


@admin.register(ImportedPost)
class ImportedPostAdmin(admin.ModelAdmin):
    """What was imported from WordPress, to find the drafts that still need a date."""

    list_display = ["post_id", "article", "needs_event_date", "imported_at"]
    list_filter = ["needs_event_date"]
    search_fields = ["article__title", "guid"]
    list_select_related = ["article"]
    readonly_fields = ["guid", "post_id", "site", "article", "imported", "imported_at"]

    def has_add_permission(self, request):
        return False  # made by manage.py import_wordpress only


@admin.register(OldAddress)
class OldAddressAdmin(admin.ModelAdmin):
    list_display = ["path", "article"]
    search_fields = ["path", "article__title"]
    list_select_related = ["article"]
    raw_id_fields = ["article"]
