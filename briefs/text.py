"""A brief's text: one or two sentences of inline Markdown (emphasis, links, code),
rendered to HTML that is safe to show. HTML the editor types is shown as text, never
as markup, and the result goes through nh3 with the articles' allow-list, cut to the
inline elements."""

import nh3
from markdown_it import MarkdownIt

from articles.markdown import ALLOWED_ATTRIBUTES

_inline = MarkdownIt("commonmark", {"html": False, "typographer": True}).enable(
    ["strikethrough", "replacements", "smartquotes"]
)

INLINE_TAGS = {
    "a", "abbr", "b", "br", "cite", "code", "del", "em", "i", "q", "s", "small",
    "strong", "sub", "sup",
}  # fmt: skip
INLINE_ATTRIBUTES = {tag: names for tag, names in ALLOWED_ATTRIBUTES.items() if tag in INLINE_TAGS}


def render_brief_text(text: str) -> str:
    """The HTML of a brief's text: inline Markdown, sanitised, no paragraph around it."""
    return nh3.clean(
        _inline.renderInline(" ".join(text.split())),
        tags=INLINE_TAGS,
        attributes=INLINE_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
