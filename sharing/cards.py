"""Share cards: the 1200x630 image a social network shows beside a shared link, how it
is drawn and where it is stored (the views that serve it are in views.py).

A card is drawn with Pillow in the bundled DejaVu fonts (see fonts/LICENSE), so it
looks the same on every server. It is stored in the default storage (the media folder,
or S3) under a name made from a hash of everything drawn on it: a new title, date or
picture gives a new name, so a new card, and the old ones are deleted. The image URL
carries the same hash, so a social network that cached the old card fetches the new.

An article's card also says how long ago its event was, on the day it is shared ("86
years ago today" on the anniversary, "86 years ago" otherwise). That text changes only
on the anniversary and the day after, so the hash, and with it the image URL, stays the
same the rest of the year; a page embeds the card of its own day, and the page cache
keeps no page past midnight.
"""

import functools
import hashlib
import json
import logging
import unicodedata
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, ImageDraw, ImageEnhance, ImageFont, ImageOps

from articles.date_labels import event_date

from .addresses import absolute_url, site_host, with_query
from .years_ago import years_ago_phrase

logger = logging.getLogger(__name__)

WIDTH, HEIGHT = 1200, 630
# Where the card's crop of a picture sits: centred across, a little above the middle.
CENTERING = (0.5, 0.4)
# Part of every card's hash: change it when the design changes, to redraw every card.
DESIGN_VERSION = "2"

FONTS = Path(__file__).resolve().parent / "fonts"
SERIF = FONTS / "DejaVuSerifCondensed-Bold.ttf"
SANS = FONTS / "DejaVuSans-Bold.ttf"

MARGIN = 72
TITLE_TOP, TITLE_BOTTOM = 236, HEIGHT - 56
# Title sizes tried in turn, largest first, until the title fits.
TITLE_SIZES = (76, 68, 60, 54)
LINE_SPACING = 1.12
ELLIPSIS = "…"

PAPER = {"background": "#faf7f0", "text": "#1c1a16", "accent": "#9a1f17", "muted": "#5c564b"}
ON_PICTURE = {"background": "#1c1a16", "text": "#faf7f0", "accent": "#f9cdc2", "muted": "#e0d9cb"}


@dataclass(frozen=True)
class Card:
    """What a card shows. ``picture`` is a FieldFile or None."""

    kicker: str  # the event date, after the label
    title: str
    folder: str  # where its versions are stored
    picture: object = None
    label: str = ""  # in the accent colour: "86 years ago today", "Today in History"

    @property
    def version(self):
        """A short hash of everything drawn on the card."""
        drawn = [
            DESIGN_VERSION,
            self.label,
            self.kicker,
            self.title,
            self.picture.name if self.picture else "",
            settings.SITE_NAME,
            site_host(),
        ]
        return hashlib.sha256(json.dumps(drawn).encode()).hexdigest()[:12]

    @property
    def name(self):
        return f"{self.folder}/{self.version}.jpg"


@dataclass(frozen=True)
class ShareImage:
    """An absolute image URL and what ``og:image`` says about it."""

    url: str
    alt: str
    width: int = WIDTH
    height: int = HEIGHT


def article_card(article, on=None):
    """The article's card as shared on the date ``on``, by default today."""
    on = on or timezone.localdate()
    label = years_ago_phrase(article, on)
    if not label and article.is_anniversary_on(on):
        label = _("Today in History")
    return Card(
        kicker=event_date(article),
        title=article.title,
        folder=f"sharecards/articles/{article.pk}",
        picture=article.picture or None,
        label=label,
    )


def site_card():
    return Card(
        kicker="",
        title=_("What happened on this day, in every year"),
        folder="sharecards/site",
        label=_("Today in History"),
    )


def article_share_image(article, on=None):
    """The URL of the article's card as shared on the date ``on`` (by default today),
    with its version."""
    card = article_card(article, on)
    url = absolute_url(reverse("articles:article_card", args=[article.slug]))
    return ShareImage(
        url=with_query(url, v=card.version),
        alt=_("%(date)s: %(title)s") % {"date": card.kicker, "title": card.title},
    )


def site_share_image():
    card = site_card()
    url = absolute_url(reverse("articles:site_card"))
    return ShareImage(
        url=with_query(url, v=card.version),
        alt=_("%(site)s: Today in History") % {"site": settings.SITE_NAME},
    )


# Drawing


@functools.cache
def load_font(path, size):
    return ImageFont.truetype(path, size)


def printable(text):
    """``text`` on one line, without control or format characters a font cannot draw."""
    text = " ".join(text.split())
    return "".join(char for char in text if unicodedata.category(char)[0] != "C")


def fit(text, font, width):
    """``text`` shortened with an ellipsis, word by word where it can, to fit ``width``."""
    if font.getlength(text) <= width:
        return text
    while text:
        shorter = text.rsplit(" ", 1)[0] if " " in text else text[:-1]
        text = shorter.rstrip(" ,.;:-\u2013\u2014")  # no "…" after a comma or a dash
        if font.getlength(text + ELLIPSIS) <= width:
            return text + ELLIPSIS
    return ELLIPSIS


def wrap(text, font, width):
    """Lines of ``text`` no wider than ``width``; a word too long for a line is broken."""
    lines = []
    line = ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if font.getlength(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = word
        while font.getlength(line) > width:  # one long word, or a script without spaces
            cut = len(line) - 1
            while cut > 1 and font.getlength(line[:cut]) > width:
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
    if line:
        lines.append(line)
    return lines


def layout_title(title, width=WIDTH - 2 * MARGIN, height=TITLE_BOTTOM - TITLE_TOP):
    """The font, lines and line height for ``title`` in a box of ``width`` x ``height``.

    The largest size at which the whole title fits wins; at the smallest size, a title
    still too long keeps the lines that fit, the last one ending with an ellipsis.
    """
    title = printable(title)
    for size in TITLE_SIZES:
        font = load_font(SERIF, size)
        line_height = round(size * LINE_SPACING)
        max_lines = height // line_height
        lines = wrap(title, font, width)
        if len(lines) <= max_lines:
            return font, lines, line_height
    kept = lines[:max_lines]
    kept[-1] = fit(f"{kept[-1]} {lines[max_lines]}", font, width)
    return font, kept, line_height


def background(picture):
    """The picture cover-cropped to the card and darkened for white text, or None when
    there is no picture or it cannot be read."""
    if not picture:
        return None
    try:
        with picture.storage.open(picture.name, "rb") as file:
            image = Image.open(file)
            image.draft("RGB", (WIDTH, HEIGHT))  # decode a large JPEG at a smaller scale
            image = ImageOps.exif_transpose(image).convert("RGB")
    except (OSError, ValueError, Image.DecompressionBombError):
        logger.warning("Share card drawn without its unreadable picture %s", picture.name)
        return None
    image = ImageOps.fit(image, (WIDTH, HEIGHT), Image.Resampling.LANCZOS, centering=CENTERING)
    image = ImageEnhance.Color(image).enhance(0.6)
    # Mixed 70% with dark ink, even a white picture ends no lighter than #606060: the
    # title keeps WCAG's 4.5:1 contrast over any picture, the kicker over 3:1 (large text).
    return Image.blend(image, Image.new("RGB", image.size, ON_PICTURE["background"]), 0.7)


def draw(card):
    """The card as JPEG bytes."""
    image = background(card.picture)
    colours = PAPER if image is None else ON_PICTURE
    if image is None:
        image = Image.new("RGB", (WIDTH, HEIGHT), colours["background"])
    pen = ImageDraw.Draw(image)
    right = WIDTH - MARGIN

    # A masthead: the site's name and address over a double rule, as on the site.
    host_font = load_font(SANS, 22)
    host = printable(site_host() or "")
    pen.text((right, 100), host, font=host_font, fill=colours["muted"], anchor="rs")
    name_width = right - MARGIN - host_font.getlength(host) - 40
    name_font = load_font(SERIF, 40)
    name = fit(printable(settings.SITE_NAME), name_font, name_width)
    pen.text((MARGIN, 100), name, font=name_font, fill=colours["text"], anchor="ls")
    pen.rectangle((MARGIN, 120, right, 124), fill=colours["text"])
    pen.rectangle((MARGIN, 129, right, 130), fill=colours["text"])

    # The kicker: "86 YEARS AGO TODAY | AUGUST 20, 1940", or the date alone in red.
    kicker_font = load_font(SANS, 26)
    label = fit(printable(card.label).upper(), kicker_font, right - MARGIN)
    if card.kicker:
        label = f"{label}  |  " if label else ""
        date_left = MARGIN + kicker_font.getlength(label)
        date = fit(printable(card.kicker).upper(), kicker_font, right - date_left)
        ink = colours["text"] if label else colours["accent"]
        pen.text((date_left, 196), date, font=kicker_font, fill=ink, anchor="ls")
    if label:
        pen.text((MARGIN, 196), label, font=kicker_font, fill=colours["accent"], anchor="ls")

    font, lines, line_height = layout_title(card.title)
    top = TITLE_TOP + font.getmetrics()[0]  # the first baseline
    for number, line in enumerate(lines):
        position = (MARGIN, top + number * line_height)
        pen.text(position, line, font=font, fill=colours["text"], anchor="ls")

    output = BytesIO()
    # 4:4:4 chroma keeps the red kicker's edges crisp.
    image.save(output, "JPEG", quality=88, subsampling=0, optimize=True)
    return output.getvalue()


# Storage


def stored(card, keep=()):
    """The storage name of ``card``, drawing and saving it first if needed; older
    versions of the card are deleted, but for the cards in ``keep``."""
    if default_storage.exists(card.name):
        return card.name
    saved = default_storage.save(card.name, ContentFile(draw(card)))
    if saved != card.name:  # another request saved it meanwhile: keep one copy
        default_storage.delete(saved)
    kept = {card.name, *(other.name for other in keep)}
    _folders, files = default_storage.listdir(card.folder)
    for file in files:
        if f"{card.folder}/{file}" not in kept:
            default_storage.delete(f"{card.folder}/{file}")
    return card.name
