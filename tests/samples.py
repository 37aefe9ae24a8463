"""Test data for sharing, metadata and feeds: strings an author might type, by accident
or not, that must come out as the same text everywhere this site writes them (HTML,
JSON-LD, feeds, share links, cards), and a picture to attach to an article."""

import io

from PIL import Image

HOSTILE = [
    "</script><script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "& # ' \" ünïcödé 日本",
    "<!-- --> ]]> <![CDATA[ x ]]>",
    'Tom & Jerry\'s "Day" #1 ?a=b&c=d',
]


def jpeg(size=(300, 200), colour=(20, 40, 200)):
    """A small JPEG of one colour, for an article's picture."""
    output = io.BytesIO()
    Image.new("RGB", size, colour).save(output, "JPEG")
    return output.getvalue()
