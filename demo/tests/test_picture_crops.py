"""The demo pictures keep their year inside every crop the site makes: the cards'
16:9 and the thumbnails' 3:2 (centred, static/css/site.css) and the share card's
1200x630 (sharing.cards), at every size an article's front matter may ask for."""

import io

import pytest
from PIL import Image, ImageChops

from demo import pictures
from sharing import cards

# Written out here, not read from demo.pictures, so the test checks its list too.
SITE_CROPS = {
    "card 16:9": (16 / 9, (0.5, 0.5)),
    "thumbnail 3:2": (3 / 2, (0.5, 0.5)),
    "share card": (cards.WIDTH / cards.HEIGHT, cards.CENTERING),
}
JPEG_SLACK = 8  # JPEG blocks blur an edge by up to a block


def label_box(size, year_text):
    """Where the year was drawn: the pixels that differ from the picture without it."""
    picture = pictures.Picture("rings", ("navy", "sky blue"), "white", size)
    with_year = Image.open(io.BytesIO(pictures.draw(picture, year_text, seed="s")))
    without = Image.open(io.BytesIO(pictures.draw(picture, "", seed="s")))
    difference = ImageChops.difference(with_year, without).convert("L")
    return difference.point(lambda value: 255 if value > 48 else 0).getbbox()


def kept(size, aspect, centering):
    """What a cover crop to ``aspect`` keeps of a picture of ``size``."""
    width, height = size
    if width / height > aspect:
        crop = height * aspect
        left = (width - crop) * centering[0]
        return (left, 0, left + crop, height)
    crop = width / aspect
    top = (height - crop) * centering[1]
    return (0, top, width, top + crop)


@pytest.mark.parametrize("size_name", sorted(pictures.SIZES))
@pytest.mark.parametrize("year_text", ["1976", "1926", "44 BC", "c. 1450"])
def test_the_year_is_inside_every_crop(size_name, year_text):
    size = pictures.SIZES[size_name]
    label = label_box(size, year_text)
    assert label, "the year was drawn"
    for crop_name, (aspect, centering) in SITE_CROPS.items():
        left, top, right, bottom = kept(size, aspect, centering)
        assert label[0] >= left - JPEG_SLACK, (crop_name, label)
        assert label[1] >= top - JPEG_SLACK, (crop_name, label)
        assert label[2] <= right + JPEG_SLACK, (crop_name, label)
        assert label[3] <= bottom + JPEG_SLACK, (crop_name, label)


def test_the_demo_knows_every_crop_of_the_site():
    assert sorted(pictures.CROPS) == sorted(SITE_CROPS.values())


@pytest.mark.parametrize("size_name", sorted(pictures.SIZES))
def test_the_year_stays_large_enough_to_read_in_a_thumbnail(size_name):
    size = pictures.SIZES[size_name]
    _, top, _, bottom = label_box(size, "1976")
    # In a 9rem thumbnail (144 px wide) of the 3:2 crop, the digits are 12 px tall.
    left, _, right, _ = kept(size, 3 / 2, (0.5, 0.5))
    assert (bottom - top) * 144 / (right - left) >= 12
