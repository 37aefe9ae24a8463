"""Article bodies: Markdown in, sanitised HTML out.

markdown-it-py renders CommonMark (with tables, strikethrough and footnotes, which
history writing uses for sources). Authors may also write raw HTML, so the result always
goes through nh3 with an allow-list: whatever was pasted, no script, event handler,
style or foreign frame reaches a reader. A picture whose address leads nowhere is left
out rather than shown broken, and :func:`swallowed_text` finds the writing that
sanitising would remove with an element left open, so the form can say so.
"""

import html
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

_markdown = (
    MarkdownIt("commonmark", {"html": True, "typographer": True})
    .enable(["table", "strikethrough", "replacements", "smartquotes"])
    .use(footnote_plugin)
)

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "cite", "code", "del", "em", "figcaption",
    "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "li", "ol", "p", "pre", "q",
    "s", "section", "small", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead",
    "tr", "ul",
}  # fmt: skip

ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "id"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "li": {"id"},
    "ol": {"start"},
    "sup": {"id"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
}

FOOTNOTE_CLASSES = {
    "a": {"footnote-backref"},
    "hr": {"footnotes-sep"},
    "li": {"footnote-item"},
    "section": {"footnotes"},
    "sup": {"footnote-ref"},
}


# nh3 writes every attribute quoted with ", so an img element is exactly this.
_IMG = re.compile(r'<img(?:\s+[^\s="]+="[^"]*")*\s*/?>')
_SRC = re.compile(r'\ssrc="([^"]*)"')

# Elements whose content sanitising removes: left open, they take all that follows.
SWALLOWING_TAGS = {"script", "style", "template"}


def render_markdown(text: str) -> str:
    """Render an article body to HTML that is safe to show to readers."""
    cleaned = nh3.clean(
        _markdown.render(text),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=FOOTNOTE_CLASSES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    return _IMG.sub(lambda img: img.group() if _leads_somewhere(img.group()) else "", cleaned)


def _leads_somewhere(img):
    """Whether a picture's address can lead to a picture: an absolute http(s) address
    or a path on this site ("/media/…"). "x" or "" would show a broken picture."""
    src = _SRC.search(img)
    if src is None:
        return False
    address = urlsplit(html.unescape(src.group(1)).strip())
    if address.scheme:
        return address.scheme in ("http", "https") and bool(address.netloc)
    return bool(address.netloc) or address.path.startswith("/")


def swallowed_text(text: str) -> tuple[str, str, str] | None:
    """What sanitising an article body would silently remove with an element left open.

    A ``<script>``, ``<style>`` or ``<template>`` that is never closed takes everything
    after it. Returns that element's name, its opening tag and the text after it, or
    None when no text would be lost. What is written in code spans and blocks is text,
    never an element.
    """
    rendered = _markdown.render(text)
    finder = _OpenElementFinder()
    finder.feed(rendered)
    finder.close()
    if finder.open is None:
        return None
    name, tag_text, index = finder.open
    after = re.sub(r"<[^>]*>", " ", rendered[index + len(tag_text) :])
    after = " ".join(html.unescape(after).split())
    return (name, tag_text, after) if after else None


class _OpenElementFinder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open = None  # (name, opening tag, its index in the HTML) until closed
        self.line_starts = None

    def feed(self, data):
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", data)]
        super().feed(data)

    def handle_starttag(self, tag, attrs):
        if tag in SWALLOWING_TAGS and self.open is None:
            line, column = self.getpos()
            self.open = (tag, self.get_starttag_text(), self.line_starts[line - 1] + column)

    def handle_startendtag(self, tag, attrs):
        # "<style/>" opens a style element in HTML, as if the slash were not there.
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if self.open is not None and self.open[0] == tag:
            self.open = None
