"""``{% waiting_for_review %}``: the admin index's list of drafts submitted for
review, for editors (templates/admin/index.html)."""

from django import template

from .. import roles
from ..models import Article

register = template.Library()

SHOWN = 10


@register.inclusion_tag("admin/articles/waiting_for_review.html", takes_context=True)
def waiting_for_review(context):
    request = context["request"]
    if not roles.is_editor(request.user):
        return {"shown": False}
    # One query: one more than is shown says whether there are more.
    waiting = list(Article.objects.waiting_for_review().for_listing()[: SHOWN + 1])
    return {"shown": True, "articles": waiting[:SHOWN], "more": len(waiting) > SHOWN}
