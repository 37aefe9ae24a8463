"""Pictures: uploads checked by decoding them (uploads.py), published without
metadata, with renditions at a few widths for responsive pages (renditions.py); the
model fields a picture is stored in (fields.py), the admin's form field and ModelAdmin
(forms.py, admin.py), and the <picture> markup pages show (templatetags/picture_tags.py).

The app knows no model of the site: it works on a model's ImageField named ``<name>``,
beside ``<name>_width``, ``<name>_height`` and ``<name>_renditions`` (see fields.py).
"""
