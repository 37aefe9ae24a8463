"""WordPress post bodies turned into the Markdown an author writes in the admin.

In order: HTML comments go (the block editor's ``<!-- wp:paragraph -->`` markers,
``<!--more-->``); ``[caption]`` becomes a figure with its caption, and other shortcodes
lose their brackets (what they enclose stays) and are reported; a classic-editor body
gets WordPress's paragraphs (a blank line starts one, a line break is kept), which
wpautop adds only when it shows a post; pictures are taken out, to be imported as
the article's picture or listed (see wordpress.pictures); the rest becomes Markdown
with markdownify. Article.save() then renders it through articles.markdown like any
body written in the admin.

Plain Python, no Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from markdownify import MarkdownConverter

COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
CAPTION = re.compile(r"\[(caption|wp_caption)\b([^\]]*)\](.*?)\[/\1\]", re.DOTALL | re.IGNORECASE)
CAPTION_ATTRIBUTE = re.compile(r"""\bcaption=(?:"([^"]*)"|'([^']*)')""")
SHORTCODE = re.compile(r"\[(/?)([a-z][a-z0-9_-]*)((?:\s[^\[\]]*)?)(/?)\]", re.IGNORECASE)
# WordPress's own shortcodes, recognised even with no attribute and no closing tag.
CORE_SHORTCODES = {"audio", "caption", "embed", "gallery", "playlist", "video", "wp_caption"}
ATTACHMENT_CLASS = re.compile(r"\bwp-image-([0-9]+)\b")

# What wpautop never wraps in a paragraph: the body's own blocks.
BLOCKS = (
    r"(?:address|article|aside|blockquote|dd|div|dl|dt|figure|form|h[1-6]|hr|iframe|li|ol|p|"
    r"pre|section|table|tbody|td|th|thead|tr|ul)"
)
BLOCK_START = re.compile(rf"\s*(?:\x00|<{BLOCKS}\b)", re.IGNORECASE)
BLOCK_OPENING = re.compile(rf"(<{BLOCKS}[\s/>])", re.IGNORECASE)
BLOCK_CLOSING = re.compile(rf"(</{BLOCKS}>)", re.IGNORECASE)
PRE = re.compile(r"<pre\b.*?</pre>", re.DOTALL | re.IGNORECASE)


@dataclass
class Picture:
    """A picture the body showed: its address, alt text, caption and the WordPress
    attachment it came from (from the editor's ``wp-image-<id>`` class), if known."""

    src: str
    alt: str = ""
    caption: str = ""
    attachment_id: int | None = None


@dataclass
class Body:
    markdown: str
    pictures: list[Picture] = field(default_factory=list)
    shortcodes: list[str] = field(default_factory=list)  # the names taken out
    first_paragraph: str = ""


def convert(content: str, site_url: str = "") -> Body:
    """The Markdown of a post's content:encoded, with what was taken out of it. Links to
    the old site's pages (at ``site_url``) become paths here, where the old addresses
    answer 301 to the articles."""
    html = COMMENT.sub("", content) if "<!--" in content else content
    is_block_editor = "<!-- wp:" in content
    html = CAPTION.sub(_figure, html)
    html, shortcodes = strip_shortcodes(html)
    if not is_block_editor:
        html = autop(html)
    soup = BeautifulSoup(html, "html.parser")
    pictures = take_out_pictures(soup)
    if site_url:
        link_here(soup, site_url)
    paragraphs = (" ".join(p.get_text().split()) for p in soup.find_all("p"))
    first = next((text for text in paragraphs if text), "")
    markdown = _Converter(
        heading_style="ATX", bullets="-", escape_misc=True, newline_style="backslash"
    ).convert_soup(soup)
    markdown = re.sub(r"\n{3,}", "\n\n", markdown).strip() + "\n"
    return Body(markdown.lstrip("\n"), pictures, shortcodes, first)


def _figure(match) -> str:
    attributes, inner = match.group(2), match.group(3)
    named = CAPTION_ATTRIBUTE.search(attributes)
    if named:
        caption = named.group(1) or named.group(2) or ""
    else:
        # The caption is what follows the picture (or the link around it).
        split = re.search(r"^(.*(?:</a>|<img\b[^>]*>))(.*)$", inner, re.DOTALL | re.IGNORECASE)
        inner, caption = (split.group(1), split.group(2)) if split else (inner, "")
    return f"<figure>{inner.strip()}<figcaption>{caption.strip()}</figcaption></figure>"


def strip_shortcodes(html: str) -> tuple[str, list[str]]:
    """The body without its shortcodes' brackets (what an enclosing one holds is kept),
    and their names. A bracketed word with no attribute and no closing tag, such as
    "[sic]", is text, unless it is one of WordPress's own shortcodes."""
    closed = {match.group(2).lower() for match in SHORTCODE.finditer(html) if match.group(1)}
    names = set()

    def replace(match):
        closing, name, attributes, self_closing = match.groups()
        name = name.lower()
        if closing or self_closing or "=" in attributes or name in closed | CORE_SHORTCODES:
            names.add(name)
            return ""
        return match.group()

    return SHORTCODE.sub(replace, html), sorted(names)


def autop(html: str) -> str:
    """WordPress's paragraphs for a classic-editor body: text between blank lines is a
    paragraph, a single line break a <br>; blocks and <pre> are left as they are."""
    kept = []

    def keep(match):
        kept.append(match.group())
        return f"\n\n\x00{len(kept) - 1}\x00\n\n"

    html = PRE.sub(keep, html.replace("\r\n", "\n").replace("\r", "\n"))
    # As wpautop does: every block starts a chunk of its own, and so does what follows it.
    html = BLOCK_CLOSING.sub(r"\1\n\n", BLOCK_OPENING.sub(r"\n\n\1", html))
    chunks = []
    for chunk in re.split(r"\n\s*\n", html.strip()):
        if not chunk.strip():
            continue
        if BLOCK_START.match(chunk):
            chunks.append(chunk.strip())
        else:
            chunks.append("<p>" + re.sub(r"\s*\n\s*", "<br>\n", chunk.strip()) + "</p>")
    html = "\n\n".join(chunks)
    return re.sub(r"\x00([0-9]+)\x00", lambda match: kept[int(match.group(1))], html)


def take_out_pictures(soup) -> list[Picture]:
    """Remove every picture from the body (with its figure, caption and the link around
    it) and return them in order."""
    pictures = []
    for img in soup.find_all("img"):
        attachment = ATTACHMENT_CLASS.search(" ".join(img.get("class") or []))
        picture = Picture(
            src=(img.get("src") or "").strip(),
            alt=" ".join((img.get("alt") or "").split()),
            attachment_id=int(attachment.group(1)) if attachment else None,
        )
        figure = img.find_parent("figure")
        if figure is not None:
            caption = figure.find("figcaption")
            picture.caption = caption.get_text(" ", strip=True) if caption else ""
            figure.decompose()
        elif _is_link_around(img):
            img.parent.decompose()
        else:
            img.decompose()
        pictures.append(picture)
    return pictures


def _is_link_around(img):
    """Whether the picture's parent is a link that holds nothing else (to the file)."""
    parent = img.parent
    return parent is not None and parent.name == "a" and not parent.get_text(strip=True)


def link_here(soup, site_url):
    """Links to pages of the old site as paths on this one (files under wp-content
    stay where they are)."""
    site = urlsplit(site_url)
    for link in soup.find_all("a", href=True):
        address = urlsplit(link["href"])
        if (
            address.scheme in ("http", "https")
            and address.netloc.lower() == site.netloc.lower()
            and "/wp-content/" not in address.path
        ):
            path = address.path or "/"
            link["href"] = path + (f"?{address.query}" if address.query else "")


def plain_text(html: str) -> str:
    """Text without markup, on one line: for an excerpt, a title."""
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


class _Converter(MarkdownConverter):
    """markdownify, with what no Markdown body needs left out."""

    def convert_iframe(self, el, text, parent_tags):
        return ""
