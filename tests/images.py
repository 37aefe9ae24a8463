"""Picture files made in the tests, with Pillow, in memory: good ones, metadata-laden
ones and the bad ones the upload checks must refuse."""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image, ImageCms, ImageDraw
from PIL.PngImagePlugin import PngInfo

RED = (220, 20, 20)
BLUE = (20, 40, 200)
GREEN = (20, 180, 40)

# Text hidden in the metadata of a "leaky" picture; none of it may be published.
SECRETS = (b"SECRETPLACE", b"SpyCam", b"XMPSECRET", b"COMMENTSECRET")


def picture(size=(300, 200), image_format="JPEG", colour=BLUE, **options):
    """A picture of one colour, with a red square in its top-left corner: after any
    rotation, where that square ends up tells which way the picture was turned."""
    image = Image.new("RGB", size, colour)
    corner = min(size) // 4
    ImageDraw.Draw(image).rectangle((0, 0, corner, corner), fill=RED)
    output = io.BytesIO()
    image.save(output, image_format, **options)
    return output.getvalue()


def upload(data, name="picture.jpg"):
    return SimpleUploadedFile(name, data)


def leaky_picture(image_format="JPEG", size=(300, 200)):
    """A picture carrying a GPS position, a camera make, XMP, an ICC profile and a
    comment, as phones and editors write them."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "SpyCam"
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (52.0, 31.0, 12.0),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (13.0, 24.0, 0.0),
        ExifTags.GPS.GPSAreaInformation: b"ASCII\0\0\0SECRETPLACE",
    }
    options = {
        "exif": exif,
        "icc_profile": ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes(),
    }
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">XMPSECRET</x:xmpmeta>'
    if image_format == "PNG":
        text = PngInfo()
        text.add_itxt("XML:com.adobe.xmp", xmp.decode())
        text.add_text("Comment", "COMMENTSECRET")
        options["pnginfo"] = text
    else:
        options["xmp"] = xmp
    if image_format == "JPEG":
        options["comment"] = b"COMMENTSECRET"
    data = picture(size, image_format, **options)
    assert all(secret in data for secret in SECRETS[:2])  # the test file really leaks
    return data


def rotated_jpeg(orientation=6):
    """A wide 300x200 picture stored sideways, with the EXIF tag that tells viewers to
    turn it: 6 means a quarter turn clockwise, 8 anticlockwise."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    return picture((300, 200), "JPEG", exif=exif)


def animated_gif(size=(120, 80)):
    """Three frames: red, green, blue."""
    frames = [Image.new("RGB", size, colour) for colour in (RED, GREEN, BLUE)]
    output = io.BytesIO()
    frames[0].save(output, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    return output.getvalue()


def png_claiming(width, height):
    """A valid, tiny PNG whose header claims width x height pixels: a decompression
    bomb's signature, made by patching the IHDR chunk and its checksum."""
    output = io.BytesIO()
    Image.new("1", (1, 1)).save(output, "PNG")
    data = bytearray(output.getvalue())
    # Signature (8 bytes), then the IHDR chunk: length (4), "IHDR" (4), data (13), CRC (4).
    assert data[12:16] == b"IHDR"
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return bytes(data)


def truncated_jpeg():
    """A detailed JPEG cut off two thirds of the way through, as a broken upload is."""
    output = io.BytesIO()
    Image.effect_noise((400, 300), 60).convert("RGB").save(output, "JPEG")
    data = output.getvalue()
    return data[: len(data) * 2 // 3]


NOT_PICTURES = {
    "html renamed .jpg": ("holiday.jpg", b"<!doctype html><html><body>Hi</body></html>"),
    "svg": (
        "drawing.svg",
        b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        b'<script>alert(1)</script><rect width="10" height="10"/></svg>',
    ),
    "pdf": ("scan.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"),
    "script renamed .jpg": ("photo.jpg", b"#!/bin/sh\necho hello\n"),
    "tiff": ("scan.tif", picture((20, 20), "TIFF")),
}
