"""Pictures: uploads checked by decoding them, published without metadata, and
renditions at a few widths for responsive pages.

The flow, called explicitly by the admin and the demo-content command:

1. ``validate_image(upload)`` refuses anything that is not a sound JPEG, PNG, WebP or
   GIF within the size and pixel limits (the admin's picture fields call it).
2. ``publish(field_file)`` replaces the upload with a clean copy: upright (EXIF
   orientation applied), in sRGB, re-encoded with no EXIF, GPS, XMP, ICC profile or
   comment; an animated upload keeps only its first frame. The raw upload itself is
   never stored. It then makes the renditions (``make_renditions``) and returns their
   record, which the model stores in a JSON field so pages never open an image.
3. ``delete_files(...)`` removes a picture and its renditions when it is replaced or
   its row deleted.

Every file goes through the field's storage (``open``, ``save``, ``exists``,
``delete``), never the file system, so S3-compatible storage works by configuration.
"""

import hashlib
import io
import math
import posixpath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

# Defaults of the settings documented in historyblog/settings.py and the README.
MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
ARTICLE_WIDTHS = (480, 960, 1600)
AUTHOR_SIZES = (160, 320)

# The Pillow decoders an upload may be opened with; no other is ever tried.
ACCEPTED_FORMATS = ["JPEG", "PNG", "WEBP", "GIF"]
# The file extension of each format as published. MPO is how Pillow names a JPEG that
# carries extra images (phones store HDR gain maps that way): it is published as a
# plain JPEG of its main image.
EXTENSIONS = {"JPEG": ".jpg", "MPO": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif"}
PUBLISHED_FORMAT = {"MPO": "JPEG"}

# The published original is kept at full size and high quality: renditions can be made
# from it again. Renditions are what pages show: smaller files, at qualities hard to
# tell apart. (PNG and GIF are lossless; PNG is not optimised, which would be slow.)
ORIGINAL_OPTIONS = {"JPEG": {"quality": 90}, "WEBP": {"quality": 90}, "PNG": {}, "GIF": {}}
RENDITION_OPTIONS = {
    "webp": {"format": "WEBP", "quality": 80},
    "jpeg": {"format": "JPEG", "quality": 82, "optimize": True, "progressive": True},
}

SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def max_bytes():
    return getattr(settings, "PICTURE_MAX_BYTES", MAX_BYTES)


def max_pixels():
    return getattr(settings, "PICTURE_MAX_PIXELS", MAX_PIXELS)


def article_widths():
    return tuple(getattr(settings, "PICTURE_WIDTHS", ARTICLE_WIDTHS))


def author_sizes():
    return tuple(getattr(settings, "PICTURE_AUTHOR_SIZES", AUTHOR_SIZES))


def upload_help_text():
    return _(
        "A JPEG, PNG, WebP or GIF of at most %(size)s. Location and camera details are "
        "removed before it is published, and smaller copies are made for phones."
    ) % {"size": filesizeformat(max_bytes())}


# ---------- Validation ----------


def _read(file):
    """All the bytes of an upload or stored file, from the start."""
    if hasattr(file, "seek"):
        file.seek(0)
    data = file.read()
    if hasattr(file, "seek"):
        file.seek(0)
    return data


def _file_size(file):
    size = getattr(file, "size", None)
    if size is None:
        file.seek(0, io.SEEK_END)
        size = file.tell()
        file.seek(0)
    return size


def validate_image(file):
    """Refuse, with a ValidationError an editor understands, anything but a sound JPEG,
    PNG, WebP or GIF within PICTURE_MAX_BYTES and PICTURE_MAX_PIXELS.

    The checks go from cheap to costly: the size, then the format and dimensions from
    the header (so a small file claiming billions of pixels, a "decompression bomb",
    is refused before it is decoded), then Pillow's structural check and a full decode
    that finds truncated files.
    """
    size = _file_size(file)
    if size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if size > max_bytes():
        raise ValidationError(
            _("The file is %(size)s; a picture can be at most %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(max_bytes())},
        )
    data = _read(file)
    not_a_picture = ValidationError(
        _("This file is not a JPEG, PNG, WebP or GIF picture."), code="not_a_picture"
    )
    too_many_pixels = ValidationError(
        _(
            "The picture has too many pixels; it can have at most %(limit)s million. "
            "Save a smaller copy and upload that."
        ),
        code="too_many_pixels",
        params={"limit": f"{max_pixels() / 1_000_000:g}"},
    )
    damaged = ValidationError(
        _(
            "The picture is damaged or incomplete. Open it in a picture editor, "
            "save it again and upload the new file."
        ),
        code="damaged",
    )
    try:
        # Opening reads the header only. Pillow's own bomb check may raise here; with
        # warnings turned into errors, its warning may too.
        with Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS) as image:
            width, height = image.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_many_pixels from None
    except UnidentifiedImageError:
        raise not_a_picture from None
    except Exception:  # a header Pillow recognises but cannot read
        raise damaged from None
    if width * height > max_pixels():
        raise too_many_pixels
    try:
        with Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS) as image:
            image.verify()  # checksums and structure, without decoding the pixels
        with Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS) as image:
            # Only the first frame is published, so only it needs to decode. A JPEG
            # decodes at reduced scale: the whole stream is still read, so a truncated
            # file is still found, with a fraction of the memory.
            image.draft(image.mode, (max(1, width // 8), max(1, height // 8)))
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_many_pixels from None
    except Exception:
        raise damaged from None


# ---------- Cleaning the upload ----------


def _to_srgb(image):
    """Colours converted from an embedded ICC profile to sRGB, the profile then dropped:
    every browser shows sRGB correctly, and the published file carries no profile."""
    profile = image.info.get("icc_profile")
    if not profile or image.mode not in ("RGB", "RGBA", "CMYK"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        output_mode = "RGBA" if image.mode == "RGBA" else "RGB"
        return ImageCms.profileToProfile(image, source, SRGB, outputMode=output_mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        # An unreadable profile: keep the pixels as they are, as most viewers would.
        return image


def _published_pixels(image):
    """The first frame, upright, in sRGB, as a new image with no metadata at all."""
    image.seek(0)
    upright = _to_srgb(ImageOps.exif_transpose(image))
    if upright.mode == "CMYK":
        upright = upright.convert("RGB")
    # Only the transparency of palette and grey pictures survives: it is part of the
    # pixels, not metadata. EXIF (GPS included), XMP, ICC and comments all go.
    kept = {"transparency": upright.info["transparency"]} if "transparency" in upright.info else {}
    upright.info = kept
    return upright


def clean_upload(file):
    """A copy of an uploaded picture fit to publish: upright, sRGB, first frame only,
    re-encoded in its own format with no metadata. Returns a ContentFile named after
    the upload, with the extension of its real format."""
    with Image.open(io.BytesIO(_read(file)), formats=ACCEPTED_FORMATS) as image:
        published_format = PUBLISHED_FORMAT.get(image.format, image.format)
        extension = EXTENSIONS[image.format]
        pixels = _published_pixels(image)
    if published_format == "JPEG" and pixels.mode not in ("RGB", "L"):
        pixels = _flatten(pixels)
    if published_format == "GIF" and pixels.mode not in ("P", "L"):
        pixels = pixels.convert("P")
    output = io.BytesIO()
    pixels.save(output, published_format, **ORIGINAL_OPTIONS[published_format])
    stem = posixpath.splitext(posixpath.basename(file.name or "picture"))[0] or "picture"
    return ContentFile(output.getvalue(), name=stem + extension)


def _flatten(image):
    """An RGB image, transparent parts on white, for JPEG which has no transparency."""
    if not image.has_transparency_data:
        return image.convert("RGB")
    rgba = image.convert("RGBA")
    background = Image.new("RGB", rgba.size, (255, 255, 255))
    background.paste(rgba, mask=rgba.getchannel("A"))
    return background


# ---------- Renditions ----------


def rendition_widths(source_width, widths):
    """The widths to make for a source this wide: each configured width narrower than the
    source, plus the source's own width (capped at the widest), so a picture is never
    upscaled, always has at least one rendition, and its full detail stays available."""
    chosen = {width for width in widths if width < source_width}
    chosen.add(min(source_width, max(widths)))
    return sorted(chosen)


def rendition_sizes(source_width, source_height, *, widths=None, square=False):
    """(width, height) of each rendition, smallest first. Square renditions crop around
    the centre; their side is never larger than the source's shorter side."""
    if square:
        sides = rendition_widths(min(source_width, source_height), widths or author_sizes())
        return [(side, side) for side in sides]
    return [
        (width, max(1, round(source_height * width / source_width)))
        for width in rendition_widths(source_width, widths or article_widths())
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
    pixels = _published_pixels(image)
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
            encoded = current if kind == "webp" else _flatten(current)
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


# ---------- Deleting ----------


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
