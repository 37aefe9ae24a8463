"""Pictures of a WordPress site, read from the copy of its uploads folder.

Only files under ``wp-content/uploads/`` are read, by their path there, from the folder
given with ``--media-dir``; never from the network. A path that would lead out of that
folder (``..``, a link elsewhere) is refused. What is read goes through the checks of an
admin upload (pictures.uploads.validate_image); the importer then publishes it as the
admin does (pictures.renditions.publish: metadata stripped, renditions made).
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from pictures.uploads import validate_image

UPLOADS = "wp-content/uploads/"
# WordPress's smaller copies: photo-1024x768.jpg is photo.jpg, resized.
RESIZED = re.compile(r"-[0-9]+x[0-9]+(?=\.[A-Za-z0-9]+$)")
# Where in the copied folder the uploads may be: the folder given may be the uploads
# folder itself, wp-content, or the whole site.
FOLDERS = ("", "uploads", "wp-content/uploads")


class PictureMissing(Exception):
    """A picture that cannot be imported; the message says why, for the report."""


def uploads_path(address: str) -> str | None:
    """The path under wp-content/uploads/ of a picture's address, or None when the
    address is not in an uploads folder."""
    path = unquote(urlsplit(address.strip()).path)
    _, found, relative = path.partition(UPLOADS)
    return relative if found and relative else None


def locate(media_dir: Path, relative: str) -> Path:
    """The file at ``relative`` in the copied uploads folder (its original rather than
    a resized copy, when there is one). Raises PictureMissing."""
    normal = posixpath.normpath(relative)
    if normal.startswith(("/", "..")) or "\\" in normal or "\x00" in normal:
        raise PictureMissing(f"{relative}: refused, the path leads out of the uploads folder")
    root = media_dir.resolve()
    original = RESIZED.sub("", normal)
    for folder in FOLDERS:
        for name in dict.fromkeys((original, normal)):
            candidate = (root / folder / name).resolve()
            if not candidate.is_relative_to(root):
                raise PictureMissing(f"{relative}: refused, it links out of the uploads folder")
            if candidate.is_file():
                return candidate
    raise PictureMissing(f"{relative}: not found in {media_dir}")


def read_picture(media_dir: Path | None, address: str) -> ContentFile:
    """The picture at ``address``, read from the copied uploads folder and checked as
    an admin upload is. Raises PictureMissing with the reason."""
    relative = uploads_path(address)
    if relative is None:
        raise PictureMissing(f"{address}: not in a wp-content/uploads/ folder")
    if media_dir is None:
        raise PictureMissing(f"{relative}: no uploads folder given (--media-dir)")
    path = locate(media_dir, relative)
    if path.stat().st_size > settings.PICTURE_MAX_BYTES:
        raise PictureMissing(f"{relative}: refused, larger than PICTURE_MAX_BYTES")
    picture = ContentFile(path.read_bytes(), name=path.name)
    try:
        validate_image(picture)
    except ValidationError as error:
        raise PictureMissing(f"{relative}: refused, {' '.join(error.messages)}") from None
    return picture
