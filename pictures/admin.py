import logging
import os

from django.contrib import admin
from django.db import models
from django.utils.html import format_html

from .forms import KeptFile, KeptPictureInput, PictureField, keep
from .renditions import (
    delete_after_commit,
    is_current,
    make_renditions,
    publish,
    smallest,
    stored_names,
)

logger = logging.getLogger(__name__)


class PictureAdmin(admin.ModelAdmin):
    """Admin for a model with one picture field and its ``<field>_renditions`` record
    (see fields.py); ``picture_field`` names it, and ``square_renditions`` makes its
    renditions square crops.

    An upload is published by ``renditions.publish`` (cleaned, then its renditions
    made) before the row is saved; the files of a replaced picture or a deleted row are
    deleted once the change commits. Django leaves old files behind on its own.
    """

    picture_field = "picture"
    square_renditions = False
    formfield_overrides = {
        models.ImageField: {"form_class": PictureField, "widget": KeptPictureInput}
    }

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == self.picture_field:
            formfield.widget.storage = db_field.storage
        return formfield

    def save_model(self, request, obj, form, change):
        field_file = getattr(obj, self.picture_field)
        if self.picture_field in form.changed_data:
            replaced = stored_names(form.initial.get(self.picture_field), self.renditions(obj))
            record = publish(field_file, square=self.square_renditions) if field_file else {}
            self.set_renditions(obj, record)
            chosen = form.cleaned_data.get(self.picture_field)
            if isinstance(chosen, KeptFile):  # published now: no longer kept
                chosen.close()
                replaced.append(chosen.kept_name)
            delete_after_commit(field_file.storage, replaced)
        elif field_file and not is_current(field_file, self.renditions(obj)):
            # A picture stored before renditions existed gets them on its next save.
            try:
                self.set_renditions(
                    obj, make_renditions(field_file, square=self.square_renditions)
                )
            except (OSError, ValueError):
                # Not a picture Pillow can read: the save goes on; pages show the file.
                logger.warning("No renditions for unreadable picture %s", field_file.name)
        super().save_model(request, obj, form, change)

    def render_change_form(self, request, context, *args, **kwargs):
        self.keep_the_chosen_picture(context["adminform"].form)
        return super().render_change_form(request, context, *args, **kwargs)

    def keep_the_chosen_picture(self, form):
        """A form sent back with errors cannot show the file chosen in it again (no
        browser lets a page fill a file input): a checked upload is kept in storage,
        and the form carries it, signed, to the next save (forms.keep)."""
        name = self.picture_field
        if not (form.is_bound and form.errors) or name not in form.fields:
            return
        chosen = form[name].data
        if not chosen or form.has_error(name):
            return
        widget = form.fields[name].widget
        if widget.storage is None:
            return
        token = keep(chosen, widget.storage)
        widget.kept = (token, os.path.basename(chosen.name))

    def delete_model(self, request, obj):
        files = self.stored_names(obj)
        super().delete_model(request, obj)
        delete_after_commit(getattr(obj, self.picture_field).storage, files)

    def delete_queryset(self, request, queryset):
        objs = list(queryset)
        super().delete_queryset(request, queryset)
        for obj in objs:
            delete_after_commit(getattr(obj, self.picture_field).storage, self.stored_names(obj))

    def renditions(self, obj):
        return getattr(obj, f"{self.picture_field}_renditions")

    def set_renditions(self, obj, record):
        setattr(obj, f"{self.picture_field}_renditions", record)

    def stored_names(self, obj):
        return stored_names(getattr(obj, self.picture_field), self.renditions(obj))

    def preview(self, obj, *, width, height=None):
        """The smallest rendition, ``width`` CSS pixels wide and as tall as its proportions
        make it (or cropped to ``height``); a dash without a picture."""
        field_file = getattr(obj, self.picture_field)
        if not field_file:
            return "—"
        url, rendition_width, rendition_height = smallest(field_file, self.renditions(obj))
        if height is None:
            height = (
                round(width * rendition_height / rendition_width) if rendition_width else width
            )
        return format_html(
            '<img src="{}" width="{}" height="{}" alt="" loading="lazy" '
            'style="object-fit: cover; border-radius: 2px">',
            url,
            width,
            height,
        )
