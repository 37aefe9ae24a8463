"""Pictures for the demo content, drawn with Pillow.

Abstract on purpose: a gradient, one geometric motif that evokes the subject, and the
year in large type. Each picture is described by the same data that draws it, so its alt
text says exactly what is there. The year stays inside the part of the picture that
every crop the site makes keeps (``safe_area``), so no card or thumbnail cuts it.
"""

import io
import math
import random
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

from sharing import cards

COLOURS = {
    "charcoal": (38, 38, 46),
    "midnight blue": (22, 28, 68),
    "navy": (28, 52, 110),
    "slate blue": (72, 88, 140),
    "sky blue": (120, 176, 222),
    "teal": (22, 110, 118),
    "forest green": (34, 88, 58),
    "olive": (120, 124, 58),
    "plum": (92, 40, 92),
    "crimson": (178, 28, 48),
    "rust": (168, 74, 36),
    "coral": (236, 112, 88),
    "ochre": (206, 148, 46),
    "gold": (236, 190, 70),
    "sand": (226, 206, 164),
    "ivory": (248, 244, 230),
    "white": (255, 255, 255),
}

LANDSCAPE = (1600, 900)
WIDE = (1800, 800)
CLASSIC = (1500, 1000)
SQUARE = (1200, 1200)
PORTRAIT = (960, 1200)
# By the names an article's front matter gives them (demo/loader.py).
SIZES = {
    "landscape": LANDSCAPE,
    "wide": WIDE,
    "classic": CLASSIC,
    "square": SQUARE,
    "portrait": PORTRAIT,
}


# Every crop the site makes of an article's picture, as (width / height, centering):
# the cards' 16:9 and the thumbnails' 3:2 (object-fit: cover, centred, in
# static/css/site.css: .card-image, .thumb) and the share card (sharing.cards).
CROPS = (
    (16 / 9, (0.5, 0.5)),
    (3 / 2, (0.5, 0.5)),
    (cards.WIDTH / cards.HEIGHT, cards.CENTERING),
)


def crop_box(size, aspect, centering):
    """The (left, top, right, bottom) of ``size`` that a cover crop to ``aspect`` keeps."""
    width, height = size
    if width / height > aspect:
        kept = height * aspect
        left = (width - kept) * centering[0]
        return (left, 0, left + kept, height)
    kept = width / aspect
    top = (height - kept) * centering[1]
    return (0, top, width, top + kept)


def safe_area(size):
    """The part of a picture of ``size`` that every crop in CROPS keeps."""
    boxes = [crop_box(size, aspect, centering) for aspect, centering in CROPS]
    return (
        max(box[0] for box in boxes),
        max(box[1] for box in boxes),
        min(box[2] for box in boxes),
        min(box[3] for box in boxes),
    )


@dataclass(frozen=True)
class Picture:
    """An illustration: a motif in the accent colour over a top-to-bottom gradient."""

    motif: str
    gradient: tuple[str, str]
    accent: str
    size: tuple[int, int] = LANDSCAPE


def _disc(draw, width, height, colour, rng):
    radius = min(width, height) * 0.3
    cx, cy = width * 0.66, height * 0.42
    for step in range(3, 0, -1):  # a soft halo, then the disc
        halo = radius + step * radius * 0.12
        draw.ellipse((cx - halo, cy - halo, cx + halo, cy + halo), fill=(*colour, 40))
    draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=(*colour, 255))


def _rings(draw, width, height, colour, rng):
    cx, cy = width * 0.62, height * 0.45
    for number in range(1, 9):
        radius = number * min(width, height) * 0.075
        line = max(3, int(min(width, height) * 0.012))
        box = (cx - radius, cy - radius, cx + radius, cy + radius)
        draw.ellipse(box, outline=(*colour, 255 - number * 22), width=line)


def _spiral(draw, width, height, colour, rng):
    cx, cy = width * 0.62, height * 0.45
    turns, dots = 3, 48
    for index in range(dots):
        angle = index / dots * turns * 2 * math.pi
        distance = min(width, height) * (0.05 + 0.36 * index / dots)
        x, y = cx + distance * math.cos(angle), cy + distance * math.sin(angle)
        size = min(width, height) * 0.012 + index * 0.4
        draw.ellipse((x - size, y - size, x + size, y + size), fill=(*colour, 230))


def _columns(draw, width, height, colour, rng):
    count = 6
    span = width * 0.7
    left, ground, top = width * 0.25, height * 0.72, height * 0.24
    pitch = span / count
    shaft = pitch * 0.42
    fill = (*colour, 235)
    draw.polygon(
        [(left - pitch * 0.2, top), (left + span / 2, top - height * 0.12), (left + span, top)],
        fill=fill,
    )
    draw.rectangle((left - pitch * 0.2, top, left + span, top + height * 0.04), fill=fill)
    for index in range(count):
        x = left + index * pitch + (pitch - shaft) / 2
        draw.rectangle((x, top + height * 0.06, x + shaft, ground), fill=fill)
    draw.rectangle((left - pitch * 0.3, ground, left + span + pitch * 0.1, ground + 14), fill=fill)


def _waves(draw, width, height, colour, rng):
    for layer in range(5):
        base = height * (0.45 + layer * 0.09)
        amplitude = height * 0.025 * (1 + layer * 0.3)
        phase = rng.uniform(0, 2 * math.pi)
        points = [
            (x, base + amplitude * math.sin(x / width * 6 * math.pi + phase))
            for x in range(0, width + 20, 20)
        ]
        draw.polygon([*points, (width, height), (0, height)], fill=(*colour, 70 + layer * 30))


def _rays(draw, width, height, colour, rng):
    cx, cy = width * 0.6, height * 1.05
    length = max(width, height) * 1.2
    for index in range(14):
        start = math.pi + index * math.pi / 14
        end = start + math.pi / 28
        draw.polygon(
            [
                (cx, cy),
                (cx + length * math.cos(start), cy + length * math.sin(start)),
                (cx + length * math.cos(end), cy + length * math.sin(end)),
            ],
            fill=(*colour, 150),
        )


def _stars(draw, width, height, colour, rng):
    for _ in range(140):
        x, y = rng.uniform(0, width), rng.uniform(0, height * 0.8)
        size = rng.choice((1.5, 2, 2, 3, 4))
        draw.ellipse(
            (x - size, y - size, x + size, y + size), fill=(*colour, rng.randint(120, 255))
        )
    radius = min(width, height) * 0.16
    cx, cy = width * 0.7, height * 0.38
    draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=(*colour, 255))


def _peaks(draw, width, height, colour, rng):
    for layer, (share, alpha) in enumerate(((0.55, 110), (0.4, 170), (0.3, 255))):
        peak_x = width * (0.3 + 0.25 * layer)
        draw.polygon(
            [
                (peak_x - width * 0.45, height),
                (peak_x, height * share),
                (peak_x + width * 0.45, height),
            ],
            fill=(*colour, alpha),
        )


def _arc(draw, width, height, colour, rng):
    line = max(6, int(min(width, height) * 0.02))
    box = (width * 0.3, height * 0.2, width * 1.4, height * 2.2)
    draw.arc(box, start=180, end=270, fill=(*colour, 255), width=line)
    radius = line * 2.5
    x, y = width * 0.85, height * 0.2 + line / 2  # the arc's top end
    draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(*colour, 255))


def _stripes(draw, width, height, colour, rng):
    band = max(width, height) * 0.06
    for index in range(-12, 26, 2):
        x = index * band
        draw.polygon(
            [(x, height), (x + band, height), (x + band + height, 0), (x + height, 0)],
            fill=(*colour, 120),
        )


def _blocks(draw, width, height, colour, rng):
    rows, columns = 6, 9
    cell_w, cell_h = width * 0.7 / columns, height * 0.6 / rows
    left, top = width * 0.25, height * 0.1
    for row in range(rows):
        for column in range(columns):
            if rng.random() < 0.2:
                continue
            x, y = left + column * cell_w, top + row * cell_h
            draw.rectangle(
                (x, y, x + cell_w * 0.82, y + cell_h * 0.72),
                fill=(*colour, rng.randint(140, 255)),
            )


# Each motif: how to draw it, and how the alt text says what was drawn.
MOTIFS = {
    "disc": (_disc, "a large {accent} disc with a soft halo"),
    "rings": (_rings, "concentric {accent} rings"),
    "spiral": (_spiral, "a spiral of {accent} dots"),
    "columns": (_columns, "a row of {accent} columns under a pediment"),
    "waves": (_waves, "layered {accent} waves"),
    "rays": (_rays, "{accent} rays fanning out from the bottom edge"),
    "stars": (_stars, "scattered {accent} stars and a round {accent} planet"),
    "peaks": (_peaks, "overlapping {accent} triangular peaks"),
    "arc": (_arc, "a thin {accent} arc rising to the upper right"),
    "stripes": (_stripes, "diagonal {accent} stripes"),
    "blocks": (_blocks, "rows of {accent} rectangles like blocks of type"),
}


def _luminance(rgb):
    red, green, blue = rgb
    return (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255


def _text_colour(picture):
    """White or charcoal, for the gradient where the year is drawn."""
    _left, top, _right, bottom = safe_area(picture.size)
    share = (top + bottom * 3) / 4 / picture.size[1]  # low in the safe area
    upper, lower = (COLOURS[name] for name in picture.gradient)
    behind = tuple(a + (b - a) * share for a, b in zip(upper, lower, strict=True))
    return "white" if _luminance(behind) < 0.5 else "charcoal"


def describe(picture: Picture, year_text: str) -> str:
    """The alt text of a picture: what it shows, in words."""
    top, bottom = picture.gradient
    motif = MOTIFS[picture.motif][1].format(accent=picture.accent)
    return (
        f"Abstract illustration: {motif} over a gradient from {top} to {bottom}, "
        f"with the year {year_text} in large {_text_colour(picture)} lettering."
    )


def draw(picture: Picture, year_text: str, seed: str) -> bytes:
    """Draw the picture as JPEG bytes. ``seed`` makes any scattering repeatable."""
    width, height = picture.size
    top, bottom = (Image.new("RGB", picture.size, COLOURS[name]) for name in picture.gradient)
    mask = Image.linear_gradient("L").resize(picture.size)
    image = Image.composite(bottom, top, mask).convert("RGBA")

    layer = Image.new("RGBA", picture.size, (0, 0, 0, 0))
    motif = MOTIFS[picture.motif][0]
    motif(ImageDraw.Draw(layer), width, height, COLOURS[picture.accent], random.Random(seed))
    image = Image.alpha_composite(image, layer)

    text = Image.new("RGBA", picture.size, (0, 0, 0, 0))
    pen = ImageDraw.Draw(text)
    # The year at the bottom left of the safe area, no wider than 60% of it.
    safe_left, safe_top, safe_right, safe_bottom = safe_area(picture.size)
    safe_width, safe_height = safe_right - safe_left, safe_bottom - safe_top
    size = int(min(safe_width, safe_height) * 0.25)
    font = ImageFont.load_default(size=size)
    while size > 12 and font.getlength(year_text) > safe_width * 0.6:
        size -= 4
        font = ImageFont.load_default(size=size)
    margin = int(min(safe_width, safe_height) * 0.07)
    position = (int(safe_left) + margin, int(safe_bottom) - margin)
    shadow = int(min(width, height) * 0.006)
    pen.text(
        (position[0] + shadow, position[1] + shadow),
        year_text,
        font=font,
        anchor="ls",
        fill=(0, 0, 0, 110),
    )
    pen.text(position, year_text, font=font, anchor="ls", fill=COLOURS[_text_colour(picture)])
    image = Image.alpha_composite(image, text)

    output = io.BytesIO()
    image.convert("RGB").save(output, "JPEG", quality=84, optimize=True, progressive=True)
    return output.getvalue()


def draw_portrait(initials: str, colour: str, size: int = 800) -> bytes:
    """An author's portrait: initials on a coloured disc, as PNG bytes."""
    image = Image.new("RGB", (size, size), COLOURS["ivory"])
    pen = ImageDraw.Draw(image)
    inset = size * 0.06
    pen.ellipse((inset, inset, size - inset, size - inset), fill=COLOURS[colour])
    ring = size * 0.1
    pen.ellipse(
        (ring, ring, size - ring, size - ring), outline=COLOURS["ivory"], width=size // 100
    )
    font = ImageFont.load_default(size=int(size * 0.34))
    pen.text((size / 2, size / 2), initials, font=font, anchor="mm", fill=COLOURS["white"])
    output = io.BytesIO()
    image.save(output, "PNG", optimize=True)
    return output.getvalue()
