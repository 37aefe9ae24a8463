from django.db import models


def picture_fields(name, *, upload_to):
    """The four fields a picture is stored in, to be assigned in a model's body to
    ``<name>, <name>_width, <name>_height, <name>_renditions``:

    an optional ImageField, which keeps the picture's width and height in the next two
    fields, and the record of its renditions (renditions.publish makes it), so a page
    never opens an image or asks the storage what exists. Forms edit only the first.
    """
    return (
        models.ImageField(
            upload_to=upload_to,
            blank=True,
            width_field=f"{name}_width",
            height_field=f"{name}_height",
        ),
        models.PositiveIntegerField(null=True, blank=True, editable=False),
        models.PositiveIntegerField(null=True, blank=True, editable=False),
        models.JSONField(default=dict, blank=True, editable=False),
    )
