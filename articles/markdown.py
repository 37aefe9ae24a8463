"""Article bodies: Markdown in, sanitised HTML out.

markdown-it-py renders CommonMark (with tables, strikethrough and footnotes, which
history writing uses for sources). Authors may also write raw HTML, so the result always
goes through nh3 with an allow-list: whatever was pasted, no script, event handler,
style or foreign frame reaches a reader.
"""

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


def render_markdown(text: str) -> str:
    """Render an article body to HTML that is safe to show to readers."""
    return nh3.clean(
        _markdown.render(text),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=FOOTNOTE_CLASSES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
