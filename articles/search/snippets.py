"""Snippets of a results page: a passage of each article's body with the words
searched for highlighted (PostgreSQL's ``ts_headline``, or :func:`highlight` on
SQLite), escaped once and safe to show."""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .sqlite import searched_words
from .text import body_text, strip_control

if TYPE_CHECKING:
    from .results import SearchResult

# Highlight markers inside snippets until they are escaped: control characters, which
# no article text can contain once articles.search.text.strip_control has run over it.
MARK_START = "\x02"
MARK_STOP = "\x03"


def marked_up(text: str) -> SafeString:
    """Escape a snippet and turn its markers into ``<mark>`` elements, always closed
    and never nested, whatever the markers around them."""
    parts, open_ = [], False
    for piece in re.split(f"([{MARK_START}{MARK_STOP}])", text):
        if piece == MARK_START and not open_:
            parts.append("<mark>")
            open_ = True
        elif piece == MARK_STOP and open_:
            parts.append("</mark>")
            open_ = False
        elif piece not in (MARK_START, MARK_STOP):
            parts.append(escape(piece))
    if open_:
        parts.append("</mark>")
    return mark_safe("".join(parts))


def highlight(text: str, terms, words: int = 40) -> str:
    """A passage of ``text`` around the first term found, with every term marked by
    :data:`MARK_START`/:data:`MARK_STOP`: SQLite's stand-in for ``ts_headline``."""
    text = " ".join(strip_control(text).split())
    needles = sorted({term.lower() for term in terms if term}, key=len, reverse=True)
    if needles:
        pattern = re.compile("|".join(re.escape(needle) for needle in needles), re.IGNORECASE)
        first = pattern.search(text)
    else:
        pattern = first = None
    tokens = text.split(" ")
    start = 0
    if first is not None:
        start = max(text[: first.start()].count(" ") - words // 4, 0)
    passage = " ".join(tokens[start : start + words])
    if start > 0:
        passage = "… " + passage
    if start + words < len(tokens):
        passage += " …"
    if pattern is None:
        return passage
    return pattern.sub(lambda match: f"{MARK_START}{match.group(0)}{MARK_STOP}", passage)


def add_snippets(articles, result: SearchResult):
    """Give each article on a results page a ``snippet``: a passage of its body with
    the words searched for highlighted, escaped and safe to show."""
    terms = searched_words(result.groups)
    for article in articles:
        headline = getattr(article, "headline", None)
        if headline is None:
            headline = highlight(body_text(article.body_html), terms)
        else:
            # ts_headline ran over the stored HTML with its tags removed: its entities
            # are decoded here, so everything is escaped exactly once, below.
            headline = html.unescape(headline)
        article.snippet = marked_up(" ".join(headline.split()))
    return articles
