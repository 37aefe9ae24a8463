"""Article text as search reads and shows it: without HTML, without control characters."""

import html
import re

from django.utils.html import strip_tags

# Control characters (NUL included: PostgreSQL refuses it in text), among them the
# highlight markers of articles.search.snippets.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def strip_control(text: str) -> str:
    """``text`` with each control character turned into a space."""
    return CONTROL_CHARACTERS.sub(" ", text)


def body_text(body_html: str) -> str:
    """The words of an article body, without HTML: what a reader reads."""
    return strip_control(html.unescape(strip_tags(body_html)))
