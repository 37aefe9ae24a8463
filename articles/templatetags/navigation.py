"""The site navigation's links, each marked when it leads to the page being read."""

from django import template

register = template.Library()


@register.inclusion_tag("includes/nav_link.html", takes_context=True)
def nav_link(context, view_name, label, *section):
    """A list item linking to the view ``view_name`` ("articles:tags"), marked
    aria-current="page" on that view's page and aria-current="true" on the pages of the
    views in ``section`` ("articles:tag"), which belong under it."""
    match = getattr(context.get("request"), "resolver_match", None)
    current = match.view_name if match else None
    if current == view_name:
        aria_current = "page"
    elif current in section:
        aria_current = "true"
    else:
        aria_current = None
    return {"view_name": view_name, "label": label, "aria_current": aria_current}
