"""Reading a WordPress export (WXR 1.0 to 1.2, as Tools → Export writes it), streamed.

``read(file)`` yields the export's ``Site`` first, then its ``Author`` and ``Item``
records in file order, keeping only the element being read in memory: each item is
cleared once it is read, so a 100 MB export costs the memory of its largest post.

The XML is parsed by defusedxml, which refuses any document type declaration: a
WordPress export has none, so one is an external entity or an entity-expansion bomb
waiting to happen, and the file is refused whole. Every way a file can fail to be a
WordPress export raises :class:`WXRError` with one sentence that says why.

Plain Python (no Django), so it can be read and tested on its own.
"""

from __future__ import annotations

import gzip
from contextlib import contextmanager
from dataclasses import dataclass, field
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

# Namespace addresses, by the prefix WordPress gives them; the wp: one carries the
# WXR version (export/1.0/, 1.1/, 1.2/), so it is recognised by its start.
NAMESPACES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://wellformedweb.org/CommentAPI/": "wfw",
}
WP_NAMESPACE = "http://wordpress.org/export/"
EXCERPT_NAMESPACE = "excerpt/"  # after WP_NAMESPACE and the version


class WXRError(Exception):
    """The file is not a WordPress export that can be read."""


@dataclass
class Site:
    wxr_version: str
    base_site_url: str
    base_blog_url: str
    title: str = ""


@dataclass
class Author:
    login: str
    email: str = ""
    display_name: str = ""
    first_name: str = ""
    last_name: str = ""


@dataclass
class Item:
    """One <item>: a post, a page, an attachment, a menu item..."""

    post_id: int
    post_type: str
    status: str = ""
    title: str = ""
    link: str = ""
    guid: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    post_name: str = ""
    post_date: str = ""
    post_date_gmt: str = ""
    attachment_url: str = ""
    password: str = ""
    terms: list[tuple[str, str, str]] = field(default_factory=list)  # domain, nicename, name
    meta: dict[str, str] = field(default_factory=dict)
    comments: int = 0


def local_name(tag: str) -> str:
    """An element's name as WordPress writes it: "wp:post_id", "content:encoded"."""
    if not tag.startswith("{"):
        return tag
    namespace, _, name = tag[1:].partition("}")
    if namespace.startswith(WP_NAMESPACE):
        rest = namespace[len(WP_NAMESPACE) :].split("/", 1)[-1]
        return f"excerpt:{name}" if rest == EXCERPT_NAMESPACE else f"wp:{name}"
    prefix = NAMESPACES.get(namespace)
    return f"{prefix}:{name}" if prefix else name


def _text(element) -> str:
    return (element.text or "").strip() if element is not None else ""


def _children(element) -> dict[str, str]:
    """The text of each child, by local name (the first of each name)."""
    found = {}
    for child in element:
        found.setdefault(local_name(child.tag), child.text or "")
    return found


def read_author(element) -> Author:
    values = {name: text.strip() for name, text in _children(element).items()}
    return Author(
        login=values.get("wp:author_login", ""),
        email=values.get("wp:author_email", ""),
        display_name=values.get("wp:author_display_name", ""),
        first_name=values.get("wp:author_first_name", ""),
        last_name=values.get("wp:author_last_name", ""),
    )


def read_item(element) -> Item:
    values = _children(element)
    post_id = values.get("wp:post_id", "").strip()
    if not post_id.isdigit():
        raise WXRError(f"An item has no wp:post_id, or not a number: {post_id!r}.")
    item = Item(
        post_id=int(post_id),
        post_type=values.get("wp:post_type", "").strip(),
        status=values.get("wp:status", "").strip(),
        title=values.get("title", "").strip(),
        link=values.get("link", "").strip(),
        guid=values.get("guid", "").strip(),
        creator=values.get("dc:creator", "").strip(),
        content=values.get("content:encoded", ""),
        excerpt=values.get("excerpt:encoded", ""),
        post_name=values.get("wp:post_name", "").strip(),
        post_date=values.get("wp:post_date", "").strip(),
        post_date_gmt=values.get("wp:post_date_gmt", "").strip(),
        attachment_url=values.get("wp:attachment_url", "").strip(),
        password=values.get("wp:post_password", ""),
    )
    for child in element:
        name = local_name(child.tag)
        if name == "category":
            term = (child.get("domain", ""), child.get("nicename", ""), _text(child))
            item.terms.append(term)
        elif name == "wp:postmeta":
            meta = _children(child)
            key = meta.get("wp:meta_key", "").strip()
            if key:
                item.meta.setdefault(key, meta.get("wp:meta_value", "").strip())
        elif name == "wp:comment":
            item.comments += 1
    return item


# Elements of <channel> that come before the items and describe the site.
SITE_FIELDS = {"wp:wxr_version", "wp:base_site_url", "wp:base_blog_url", "title"}


def read(file):
    """Yield the export's Site, then each Author and Item, from a binary file object.

    Raises WXRError for a file that is not well-formed XML, declares a document type or
    entities, or is not a WordPress export."""
    site = {}
    site_given = False
    path = []  # local names of the open elements
    channel = None
    try:
        for event, element in iterparse(
            file, events=("start", "end"), forbid_dtd=True, forbid_entities=True
        ):
            name = local_name(element.tag)
            if event == "start":
                if not path and name != "rss":
                    raise WXRError(
                        f"This is not a WordPress export: it is an XML file whose root "
                        f"is <{name}>, where an export has <rss>."
                    )
                path.append(name)
                if path == ["rss", "channel"]:
                    channel = element
                continue
            path.pop()
            if path != ["rss", "channel"]:  # only the children of <channel> are read
                continue
            if name in SITE_FIELDS:
                site[name] = _text(element)
            elif name in ("wp:author", "item"):
                if not site_given:
                    yield _site(site)
                    site_given = True
                yield read_author(element) if name == "wp:author" else read_item(element)
            # Read, or not needed (categories, tags, terms): forget it, so that memory
            # holds one item at a time however long the export.
            channel.remove(element)
    except DefusedXmlException:
        raise WXRError(
            "This export declares a document type or entities, which a WordPress export "
            "never does: it was refused, since such a file can read files from this "
            "server or expand to fill its memory."
        ) from None
    except (EOFError, gzip.BadGzipFile):
        message = "This compressed export is damaged or cut off: download it again."
        raise WXRError(message) from None
    except ParseError as error:
        line, column = error.position
        raise WXRError(
            f"This file is not well-formed XML (line {line}, column {column}): it is "
            "damaged or incomplete. Export it again from WordPress."
        ) from None
    if not site_given:
        yield _site(site)


@contextmanager
def opened(path):
    """The export at ``path`` as a binary stream, and the file beneath it, whose position
    tells how far reading has come: plain XML, or compressed with gzip (.xml.gz). A zip
    archive, as WordPress.com exports, is refused with what to do."""
    with open(path, "rb") as raw:
        start = raw.read(4)
        raw.seek(0)
        if start.startswith(b"PK\x03\x04"):
            raise WXRError("This is a zip archive: unzip it, then import each .xml file it holds.")
        if start.startswith(b"\x1f\x8b"):
            with gzip.GzipFile(fileobj=raw) as stream:
                yield stream, raw
        else:
            yield raw, raw


def _site(values) -> Site:
    if "wp:wxr_version" not in values:
        raise WXRError(
            "This is an RSS feed, not a WordPress export: it has no wp:wxr_version. "
            "Export the site from WordPress with Tools → Export → All content."
        )
    return Site(
        wxr_version=values["wp:wxr_version"],
        base_site_url=values.get("wp:base_site_url", ""),
        base_blog_url=values.get("wp:base_blog_url", ""),
        title=values.get("title", ""),
    )
