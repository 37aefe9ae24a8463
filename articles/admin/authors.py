"""The author admin: editors manage every author; an author edits their own profile."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from pictures.admin import PictureAdmin

from .. import roles


class AuthorAdmin(PictureAdmin):
    """Editors manage every author; an author edits their own profile only (the
    "My profile" link in the admin's header), and not the login or address it has."""

    picture_field = "photo"
    square_renditions = True
    list_display = ["display_name", "slug", "user"]
    search_fields = ["display_name", "slug", "user__username"]
    prepopulated_fields = {"slug": ["display_name"]}
    autocomplete_fields = ["user"]
    fields = ["user", "display_name", "slug", "bio", "photo", "photo_preview", "links"]
    readonly_fields = ["photo_preview"]

    def get_queryset(self, request):
        authors = super().get_queryset(request)
        return authors if roles.is_editor(request.user) else authors.filter(user=request.user)

    def get_readonly_fields(self, request, obj=None):
        fields = [*super().get_readonly_fields(request, obj)]
        if not roles.is_editor(request.user):
            fields += ["user", "slug"]
        return fields

    def get_prepopulated_fields(self, request, obj=None):
        if not roles.is_editor(request.user):
            return {}
        return super().get_prepopulated_fields(request, obj)

    @admin.display(description=_("preview"))
    def photo_preview(self, author):
        return self.preview(author, width=160)
