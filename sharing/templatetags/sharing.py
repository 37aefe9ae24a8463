"""The ``{% load sharing %}`` library: tags for the page's metadata (canonical URL,
Open Graph, JSON-LD) and the share buttons, over the modules of the sharing app."""

from django import template
from django.utils.safestring import mark_safe

from .. import addresses, cards, descriptions, links, structured_data, years_ago

register = template.Library()


class CaptureNode(template.Node):
    def __init__(self, nodelist, variable):
        self.nodelist = nodelist
        self.variable = variable

    def render(self, context):
        # Rendered template output: every variable in it was escaped as it rendered.
        context[self.variable] = mark_safe(" ".join(self.nodelist.render(context).split()))
        return ""


@register.tag
def capture(parser, token):
    """``{% capture as name %}…{% endcapture %}`` renders its content once, with
    whitespace collapsed, into the variable ``name`` instead of the page.

    base.html captures the title and description blocks, so a page that fills them in
    once gets the same text in <title>, the meta description and the Open Graph tags.
    """
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


@register.filter
def absolute(path):
    """A path from ``reverse()`` or ``get_absolute_url()`` as an absolute URL."""
    return addresses.absolute_url(path)


@register.filter
def description(article):
    """The article's description: its dek, or the opening sentences of its body."""
    return descriptions.article_description(article)


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The absolute canonical URL of the page being rendered."""
    page = context.get("page_obj")  # tested against None: a Page's truth reads its list
    return addresses.canonical_url(context.get("request"), page.number if page is not None else 1)


@register.simple_tag
def article_share_image(article, on):
    """The article's share card as shared on the date ``on``: ``url``, ``alt``,
    ``width``, ``height``."""
    return cards.article_share_image(article, on)


@register.filter
def share_text(article, on):
    """What a share of the article says on the date ``on``: its title, event date and
    how long ago that was ("86 years ago today" on the anniversary)."""
    return years_ago.share_text(article, on)


@register.simple_tag
def site_share_image():
    """The site's share card, for pages that are not articles."""
    return cards.site_share_image()


@register.simple_tag
def article_json_ld(article, tags, image):
    """The article's schema.org data in a <script type="application/ld+json">."""
    return json_ld(structured_data.article_structured_data(article, tags, image.url))


@register.filter
def json_ld(data):
    """``data`` as JSON-LD, safe inside HTML the way ``json_script`` is."""
    return structured_data.json_ld_script(data)


@register.inclusion_tag("includes/share_buttons.html", takes_context=True)
def share_buttons(context, title):
    """Share buttons for the page being rendered (its first page, if a list), titled
    ``title``."""
    url = addresses.canonical_url(context.get("request"))
    return {"share_url": url, "share_title": title, "links": links.share_links(url, title)}
