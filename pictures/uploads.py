"""Checking an upload and cleaning it for publication.

``validate_image(upload)`` refuses anything that is not a sound JPEG, PNG, WebP or GIF
within the limits PICTURE_MAX_BYTES and PICTURE_MAX_PIXELS (set in
historyblog/settings/content.py). ``clean_upload(upload)`` makes the copy that is published:
upright (EXIF orientation applied), in sRGB, re-encoded with no EXIF, GPS, XMP, ICC
profile or comment; an animated upload keeps only its first frame. The raw upload
itself is never stored.
"""

import io
import posixpath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

# The Pillow decoders an upload may be opened with; no other is ever tried.
ACCEPTED_FORMATS = ["JPEG", "PNG", "WEBP", "GIF"]
# The file extension of each format as published. MPO is how Pillow names a JPEG that
# carries extra images (phones store HDR gain maps that way): it is published as a
# plain JPEG of its main image.
EXTENSIONS = {"JPEG": ".jpg", "MPO": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif"}
PUBLISHED_FORMAT = {"MPO": "JPEG"}

# The published original is kept at full size and high quality: renditions can be made
# from it again. (PNG and GIF are lossless; PNG is not optimised, which would be slow.)
ORIGINAL_OPTIONS = {"JPEG": {"quality": 90}, "WEBP": {"quality": 90}, "PNG": {}, "GIF": {}}

SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def upload_help_text():
    return _(
        "A JPEG, PNG, WebP or GIF of at most %(size)s. Location and camera details are "
        "removed before it is published, and smaller copies are made for phones."
    ) % {"size": filesizeformat(settings.PICTURE_MAX_BYTES)}


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
    max_bytes, max_pixels = settings.PICTURE_MAX_BYTES, settings.PICTURE_MAX_PIXELS
    size = _file_size(file)
    if size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if size > max_bytes:
        raise ValidationError(
            _("The file is %(size)s; a picture can be at most %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(max_bytes)},
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
        params={"limit": f"{max_pixels / 1_000_000:g}"},
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
    if width * height > max_pixels:
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


def published_pixels(image):
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


def flatten(image):
    """An RGB image, transparent parts on white, for JPEG which has no transparency."""
    if not image.has_transparency_data:
        return image.convert("RGB")
    rgba = image.convert("RGBA")
    background = Image.new("RGB", rgba.size, (255, 255, 255))
    background.paste(rgba, mask=rgba.getchannel("A"))
    return background


def clean_upload(file):
    """A copy of an uploaded picture fit to publish: upright, sRGB, first frame only,
    re-encoded in its own format with no metadata. Returns a ContentFile named after
    the upload, with the extension of its real format."""
    with Image.open(io.BytesIO(_read(file)), formats=ACCEPTED_FORMATS) as image:
        published_format = PUBLISHED_FORMAT.get(image.format, image.format)
        extension = EXTENSIONS[image.format]
        pixels = published_pixels(image)
    if published_format == "JPEG" and pixels.mode not in ("RGB", "L"):
        pixels = flatten(pixels)
    if published_format == "GIF" and pixels.mode not in ("P", "L"):
        pixels = pixels.convert("P")
    output = io.BytesIO()
    pixels.save(output, published_format, **ORIGINAL_OPTIONS[published_format])
    stem = posixpath.splitext(posixpath.basename(file.name or "picture"))[0] or "picture"
    return ContentFile(output.getvalue(), name=stem + extension)
