"""Pictures: uploads checked by decoding, published without metadata, renditions.
The <picture> markup pages build from them: test_pages.py. Admin uploads:
tests/test_picture_admin.py."""

import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from PIL import Image, ImageFile

from articles.models import Article, Author
from pictures import renditions, uploads
from tests import images


def refusal(data, name="picture.jpg"):
    """The ValidationError validate_image raises for the file."""
    with pytest.raises(ValidationError) as caught:
        uploads.validate_image(images.upload(data, name))
    return caught.value


def published(data, name="picture.jpg", *, square=False):
    """Publish an upload the way the admin does; return the article (or author) and the
    renditions record."""
    if square:
        owner = Author(display_name="Ada", slug="ada")
        owner.photo = ContentFile(data, name=name)
        return owner, renditions.publish(owner.photo, square=True)
    owner = Article(title="A", slug="a", event_year=1900)
    owner.picture = ContentFile(data, name=name)
    return owner, renditions.publish(owner.picture)


def open_stored(name):
    with default_storage.open(name, "rb") as stored:
        data = stored.read()
    image = Image.open(io.BytesIO(data))
    image.load()
    return image, data


def rendition_files(record):
    return [item["name"] for kind in ("webp", "jpeg") for item in record[kind]]


def close_to(colour, expected, tolerance=40):
    return all(abs(a - b) <= tolerance for a, b in zip(colour[:3], expected, strict=True))


# ---------- Validation ----------


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP", "GIF"])
def test_the_four_formats_are_accepted(image_format):
    uploads.validate_image(images.upload(images.picture(image_format=image_format)))


def test_a_decompression_bomb_is_refused():
    bomb = images.png_claiming(100_000, 100_000)
    assert len(bomb) < 100

    error = refusal(bomb, "bomb.png")

    assert error.code == "too_many_pixels"
    assert "too many pixels" in error.messages[0]


def test_the_pixel_limit_is_checked_before_anything_is_decoded(settings, monkeypatch):
    # 8000 x 6000 is within Pillow's own limits, over ours: only the header may be read.
    def decode(image):
        raise AssertionError("the picture was decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", decode)

    error = refusal(images.png_claiming(8000, 6000), "big.png")

    assert error.code == "too_many_pixels"
    assert "40 million" in error.messages[0]


def test_the_pixel_limit_is_a_setting(settings):
    settings.PICTURE_MAX_PIXELS = 50_000
    uploads.validate_image(images.upload(images.picture((250, 200))))

    assert refusal(images.picture((300, 200))).code == "too_many_pixels"


def test_a_truncated_jpeg_is_refused():
    error = refusal(images.truncated_jpeg())

    assert error.code == "damaged"
    assert "damaged or incomplete" in error.messages[0]


@pytest.mark.parametrize("name, data", images.NOT_PICTURES.values(), ids=images.NOT_PICTURES)
def test_files_that_are_not_pictures_are_refused_whatever_their_name(name, data):
    error = refusal(data, name)

    assert error.code == "not_a_picture"
    assert error.messages == ["This file is not a JPEG, PNG, WebP or GIF picture."]


def test_an_empty_file_is_refused():
    assert refusal(b"").messages == ["The file is empty."]


def test_a_file_over_the_size_limit_is_refused(settings):
    settings.PICTURE_MAX_BYTES = 1000
    data = images.picture((400, 300), "PNG", colour=(1, 2, 3), compress_level=0)
    assert len(data) > 1000

    error = refusal(data, "big.png")

    assert error.code == "too_large"
    message = error.messages[0].replace("\xa0", " ")
    assert message == "The file is 352.0 KB; a picture can be at most 1000 bytes."


# ---------- What is published ----------


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_no_published_file_keeps_any_metadata(image_format):
    data = images.leaky_picture(image_format, size=(1000, 600))

    article, record = published(data, f"leaky.{image_format.lower()}")

    files = [article.picture.name, *rendition_files(record)]
    assert len(files) == 1 + 2 * 3
    for name in files:
        image, stored = open_stored(name)
        assert not any(secret in stored for secret in images.SECRETS), name
        assert not image.getexif(), name
        assert not image.getexif().get_ifd(0x8825), name  # GPSInfo
        assert not {"exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment"} & set(
            image.info
        ), name


@pytest.mark.parametrize(
    "orientation, red_corner",
    [(6, "top right"), (8, "bottom left")],
)
def test_a_sideways_jpeg_is_published_upright(orientation, red_corner):
    article, record = published(images.rotated_jpeg(orientation))

    stored, _ = open_stored(article.picture.name)
    rendition, _ = open_stored(record["jpeg"][-1]["name"])
    for image in (stored, rendition):
        assert image.size == (200, 300)  # tall now; the upload was stored 300 x 200
        corners = {
            "top left": (10, 10),
            "top right": (189, 10),
            "bottom left": (10, 289),
            "bottom right": (189, 289),
        }
        for corner, position in corners.items():
            expected = images.RED if corner == red_corner else images.BLUE
            assert close_to(image.getpixel(position), expected), corner
    assert (article.picture_width, article.picture_height) == (200, 300)
    assert (record["width"], record["height"]) == (200, 300)


def test_the_upload_keeps_its_format_and_gets_the_matching_extension():
    article, _ = published(images.picture(image_format="PNG"), "looks-like-a.jpg")

    assert article.picture.name.endswith("looks-like-a.png")
    assert open_stored(article.picture.name)[0].format == "PNG"


def test_an_animated_gif_is_published_as_its_first_frame():
    article, record = published(images.animated_gif(), "dance.gif")

    original, _ = open_stored(article.picture.name)
    assert original.format == "GIF"
    assert getattr(original, "n_frames", 1) == 1
    for name in [article.picture.name, *rendition_files(record)]:
        image, _ = open_stored(name)
        assert close_to(image.convert("RGB").getpixel((60, 40)), images.RED), name


def test_transparency_stays_in_webp_and_turns_white_in_jpeg():
    transparent = Image.new("RGBA", (600, 400), (0, 0, 0, 0))
    output = io.BytesIO()
    transparent.save(output, "PNG")

    _, record = published(output.getvalue(), "clear.png")

    webp, _ = open_stored(record["webp"][0]["name"])
    jpeg, _ = open_stored(record["jpeg"][0]["name"])
    assert webp.mode == "RGBA" and webp.getpixel((5, 5))[3] == 0
    assert jpeg.mode == "RGB" and close_to(jpeg.getpixel((5, 5)), (255, 255, 255), 5)


# ---------- Renditions ----------


@pytest.mark.parametrize(
    "size, expected",
    [
        ((4000, 500), [(480, 60), (960, 120), (1600, 200)]),  # wide
        ((600, 2400), [(480, 1920), (600, 2400)]),  # tall
        ((1200, 800), [(480, 320), (960, 640), (1200, 800)]),  # between two widths
        ((300, 200), [(300, 200)]),  # smaller than the smallest width
    ],
    ids=["wide", "tall", "between", "small"],
)
def test_renditions_are_made_at_each_width_and_never_upscaled(size, expected):
    _, record = published(images.picture(size))

    for kind, image_format in [("webp", "WEBP"), ("jpeg", "JPEG")]:
        assert [(item["width"], item["height"]) for item in record[kind]] == expected
        for item in record[kind]:
            image, _ = open_stored(item["name"])
            assert (image.format, image.size) == (image_format, (item["width"], item["height"]))


def test_rendition_widths_are_a_setting(settings):
    settings.PICTURE_WIDTHS = (200, 400)

    _, record = published(images.picture((1000, 500)))

    assert [item["width"] for item in record["webp"]] == [200, 400]


def test_renditions_are_named_after_the_picture_its_content_and_width():
    article, record = published(images.picture((1000, 500)), "moon landing.jpg")

    folder = article.picture.name.rsplit("/", 1)[0]
    pattern = rf"renditions/{folder}/moon_landing-[0-9a-f]{{12}}-(480|960|1000)w\.(webp|jpg)"
    for name in rendition_files(record):
        assert re.fullmatch(pattern, name), name


def test_renditions_are_made_once_and_reused(monkeypatch):
    article, record = published(images.picture((1000, 500)))
    saved = []
    original_save = FileSystemStorage.save

    def counting_save(storage, name, content, **kwargs):
        saved.append(name)
        return original_save(storage, name, content, **kwargs)

    monkeypatch.setattr(FileSystemStorage, "save", counting_save)

    assert renditions.make_renditions(article.picture) == record
    assert saved == []


def test_a_missing_rendition_is_made_again():
    article, record = published(images.picture((1000, 500)))
    default_storage.delete(record["jpeg"][1]["name"])

    assert renditions.make_renditions(article.picture) == record
    assert default_storage.exists(record["jpeg"][1]["name"])


def test_a_picture_stored_before_renditions_existed_gets_upright_clean_ones():
    article = Article(title="A", slug="a", event_year=1900)
    article.picture.save(
        "old.jpg", ContentFile(images.rotated_jpeg(6), name="old.jpg"), save=False
    )

    record = renditions.make_renditions(article.picture)

    assert (record["width"], record["height"]) == (200, 300)
    rendition, _ = open_stored(record["jpeg"][0]["name"])
    assert rendition.size == (200, 300)
    assert close_to(rendition.getpixel((189, 10)), images.RED)
    assert not rendition.getexif()


def test_author_photos_are_cropped_square_around_the_centre():
    # 500 x 300, green on the left and right fifths: the centred square leaves them out.
    photo = Image.new("RGB", (500, 300), images.BLUE)
    photo.paste(images.GREEN, (0, 0, 100, 300))
    photo.paste(images.GREEN, (400, 0, 500, 300))
    output = io.BytesIO()
    photo.save(output, "JPEG")

    author, record = published(output.getvalue(), "ada.jpg", square=True)

    assert [(item["width"], item["height"]) for item in record["jpeg"]] == [
        (160, 160),
        (300, 300),
    ]
    for name in rendition_files(record):
        image, _ = open_stored(name)
        assert image.width == image.height
        assert close_to(image.getpixel((3, image.height // 2)), images.BLUE), name
        assert close_to(image.getpixel((image.width - 4, image.height // 2)), images.BLUE)
    # The published photo itself is not cropped.
    assert (author.photo_width, author.photo_height) == (500, 300)
