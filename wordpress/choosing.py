"""Which picture a post's article gets: its featured image (``_thumbnail_id``), else the
first picture of its body. An article has one picture and its body holds none (pictures
in Markdown bodies have no renditions and no alt-text check), so the body's other
pictures are left out and listed for an editor."""

from __future__ import annotations

from dataclasses import dataclass

from .pictures import RESIZED, uploads_path


@dataclass
class Chosen:
    address: str
    alt: str = ""
    caption: str = ""


def same_file(address):
    relative = uploads_path(address)
    return RESIZED.sub("", relative) if relative else address


def choose_picture(item, body, attachments, by_address):
    """(the Chosen picture or None, addresses of body pictures left out, problems).
    ``attachments`` by post ID, ``by_address`` by same_file() of their address."""
    problems = []
    chosen = None
    featured_id = item.meta.get("_thumbnail_id", "")
    if featured_id.isdigit():
        attachment = attachments.get(int(featured_id))
        if attachment is None:
            problems.append(f"featured image {featured_id} is not in the export")
        else:
            chosen = _from_attachment(attachment)
    for picture in body.pictures:
        attachment = attachments.get(picture.attachment_id) or by_address.get(
            same_file(picture.src)
        )
        if chosen is None:
            chosen = _from_attachment(attachment) if attachment else Chosen(picture.src)
            chosen.alt = chosen.alt or picture.alt
            chosen.caption = picture.caption or chosen.caption
    left_out = [
        picture.src
        for picture in body.pictures
        if chosen is None or same_file(picture.src) != same_file(chosen.address)
    ]
    return chosen, left_out, problems


def _from_attachment(attachment):
    return Chosen(
        address=attachment.attachment_url,
        alt=" ".join(attachment.meta.get("_wp_attachment_image_alt", "").split()),
        caption=" ".join(attachment.excerpt.split()),
    )
