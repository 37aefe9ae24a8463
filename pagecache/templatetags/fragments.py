"""{% fragment "name" value ... %}…{% endfragment %}: the enclosed part of a template,
rendered once per change of the page cache's generation (and per day) for each set of
values, and kept in this process's memory (pagecache.fragments).

The values name everything the part depends on besides what a change of generation or
of day covers: {% fragment "card" article.pk heading_level %}. Data the part alone
uses is best given to the template lazily (SimpleLazyObject), so that it is not read
from the database when the part is kept. A page whose context sets ``render_afresh``
(a preview of unsaved or unpublished work) renders every part afresh.
"""

from django import template
from django.utils.safestring import mark_safe

from ..fragments import fragment

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, values):
        self.nodelist = nodelist
        self.name = name
        self.values = values

    def render(self, context):
        if context.get("render_afresh"):  # a preview: what is kept may not stand in
            return self.nodelist.render(context)
        vary = tuple(value.resolve(context) for value in self.values)
        return mark_safe(
            fragment(self.name.resolve(context), vary, lambda: self.nodelist.render(context))
        )


@register.tag("fragment")
def do_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"'{bits[0]}' needs a name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]]
    )
