"""Renditions: a published picture at a few widths, in WebP and JPEG, for responsive
pages; making them, deleting them with the picture, and the srcsets pages show.

The flow, called explicitly by the admin and the demo content:

1. ``publish(field_file)`` replaces the upload with a clean copy (uploads.clean_upload),
   then makes the renditions (``make_renditions``) and returns their record, which the
   model stores in its ``<name>_renditions`` field so pages never open an image.
2. ``delete_after_commit(...)`` removes a picture and its renditions when it is
   replaced or its row deleted.
3. ``sources(field_file, record)`` is what a page's <picture> needs.

Every file goes through the field's storage (``open``, ``save``, ``exists``,
``delete``), never the file system, so S3-compatible storage works by configuration.
"""

import hashlib
import io
import math
import posixpath

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image, ImageOps

from .uploads import clean_upload, flatten, published_pixels

# Renditions are what pages show: smaller files, at qualities hard to tell apart.
RENDITION_OPTIONS = {
    "webp": {"format": "WEBP", "quality": 80},
    "jpeg": {"format": "JPEG", "quality": 82, "optimize": True, "progressive": True},
}


# ---------- Making them ----------


def rendition_widths(source_width, widths):
    """The widths to make for a source this wide: each configured width narrower than the
    source, plus the source's own width (capped at the widest), so a picture is never
    upscaled, always has at least one rendition, and its full detail stays available."""
    chosen = {width for width in widths if width < source_width}
    chosen.add(min(source_width, max(widths)))
    return sorted(chosen)


def rendition_sizes(source_width, source_height, *, widths=None, square=False):
    """(width, height) of each rendition, smallest first: at PICTURE_WIDTHS, or square
    at PICTURE_AUTHOR_SIZES. Square renditions crop around the centre; their side is
    never larger than the source's shorter side."""
    if square:
        sides = rendition_widths(
            min(source_width, source_height), widths or settings.PICTURE_AUTHOR_SIZES
        )
        return [(side, side) for side in sides]
    return [
        (width, max(1, round(source_height * width / source_width)))
        for width in rendition_widths(source_width, widths or settings.PICTURE_WIDTHS)
    ]


def rendition_name(source_name, digest, width, kind):
    """renditions/<the source's folder>/<stem>-<content hash>-<width>w.<webp|jpg>.

    Derived from the source's name and content, so a rendition is made once and reused,
    and a new picture never has the address of an old one that a browser may cache."""
    folder, filename = posixpath.split(source_name)
    stem = posixpath.splitext(filename)[0]
    extension = "webp" if kind == "webp" else "jpg"
    return posixpath.join("renditions", folder, f"{stem}-{digest}-{width}w.{extension}")


def make_renditions(field_file, *, widths=None, square=False):
    """Make (or find, when they exist) the WebP and JPEG renditions of a stored picture,
    and return the record pages need, to be saved in the model's renditions field::

        {"source": <picture name>, "width": ..., "height": ...,
         "webp": [{"width": 480, "height": 270, "name": "renditions/..."}, ...],
         "jpeg": [...]}

    Works from any stored picture: orientation is applied and metadata left out here
    too, so a picture stored before ``publish`` existed gets clean renditions.
    """
    storage = field_file.storage
    with storage.open(field_file.name, "rb") as stored:
        data = stored.read()
    digest = hashlib.sha256(data).hexdigest()[:12]
    with Image.open(io.BytesIO(data)) as image:
        orientation = image.getexif().get(0x0112, 1)  # 5 to 8 turn the picture sideways
        width, height = image.size[::-1] if orientation in (5, 6, 7, 8) else image.size
        sizes = rendition_sizes(width, height, widths=widths, square=square)
        names = {
            (kind, size): rendition_name(field_file.name, digest, size[0], kind)
            for kind in RENDITION_OPTIONS
            for size in sizes
        }
        missing = {key: name for key, name in names.items() if not storage.exists(name)}
        if missing:
            names.update(_save_renditions(storage, image, width, sizes, square, missing))
    return {
        "source": field_file.name,
        "width": width,
        "height": height,
        **{
            kind: [
                {"width": size[0], "height": size[1], "name": names[kind, size]} for size in sizes
            ]
            for kind in RENDITION_OPTIONS
        },
    }


def _save_renditions(storage, image, upright_width, sizes, square, missing):
    """Resize once per size, from the largest down, and save the missing files."""
    largest = sizes[-1][0]
    scale = largest / (min(image.size) if square else upright_width)
    # A JPEG can decode straight at a reduced scale, much faster than in full; draft
    # never goes below the requested size, so quality does not suffer.
    image.draft(image.mode, (math.ceil(image.size[0] * scale), math.ceil(image.size[1] * scale)))
    pixels = published_pixels(image)
    pixels = pixels.convert("RGBA" if pixels.has_transparency_data else "RGB")
    saved = {}
    current = pixels
    for size in reversed(sizes):
        if square:
            current = ImageOps.fit(current, size, Image.Resampling.LANCZOS)
        elif current.size != size:
            current = current.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
        for kind, options in RENDITION_OPTIONS.items():
            if (kind, size) not in missing:
                continue
            encoded = current if kind == "webp" else flatten(current)
            output = io.BytesIO()
            encoded.save(output, **options)
            saved[kind, size] = storage.save(missing[kind, size], ContentFile(output.getvalue()))
    return saved


def publish(field_file, *, square=False):
    """Store a clean copy of the upload held (not yet saved) by ``field_file`` in its
    place, make its renditions, and return their record. The model is not saved."""
    cleaned = clean_upload(field_file)
    field_file.save(cleaned.name, cleaned, save=False)
    return make_renditions(field_file, square=square)


def is_current(field_file, record):
    """True when ``record`` holds the renditions of the picture now in ``field_file``."""
    return bool(field_file) and bool(record) and record.get("source") == field_file.name


# ---------- Deleting them ----------


def stored_names(field_file, record):
    """Every file a picture occupies in storage: itself and its renditions."""
    names = [field_file.name] if field_file else []
    for kind in RENDITION_OPTIONS:
        names.extend(item["name"] for item in (record or {}).get(kind, []))
    return names


def delete_files(storage, names):
    for name in names:
        storage.delete(name)


def delete_after_commit(storage, names):
    """Delete files once the transaction that stopped using them commits: a rolled-back
    change keeps pointing at files that still exist."""
    if names:
        transaction.on_commit(lambda: delete_files(storage, names))


# ---------- Pages ----------


def _stored_size(field_file):
    """The width and height the model stored for the picture (no file is opened)."""
    field, instance = field_file.field, field_file.instance
    return getattr(instance, field.width_field), getattr(instance, field.height_field)


def sources(field_file, record):
    """What a page's <picture> needs: srcsets for WebP and JPEG, the fallback src and its
    width and height. Only names are turned into URLs: no file is opened.

    A picture without current renditions (stored before they existed, or changed
    outside the admin) is shown as its own file with the stored width and height."""
    if not is_current(field_file, record):
        width, height = _stored_size(field_file)
        return {"src": field_file.url, "width": width, "height": height}
    storage = field_file.storage
    jpegs = record["jpeg"]
    # Browsers without srcset support get a middling size.
    fallback = ([item for item in jpegs if item["width"] <= 960] or jpegs)[-1]
    return {
        "src": storage.url(fallback["name"]),
        "width": fallback["width"],
        "height": fallback["height"],
        "webp_srcset": _srcset(storage, record["webp"]),
        "jpeg_srcset": _srcset(storage, jpegs),
    }


def smallest(field_file, record):
    """URL, width and height of the smallest rendition (the file itself without them)."""
    if not is_current(field_file, record):
        return field_file.url, *_stored_size(field_file)
    item = record["webp"][0]
    return field_file.storage.url(item["name"]), item["width"], item["height"]


def _srcset(storage, items):
    return ", ".join(f"{storage.url(item['name'])} {item['width']}w" for item in items)
