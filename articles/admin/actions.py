"""Publishing from the article list. Each article keeps a revision of its own, so
restoring one never reverts the others changed with it."""

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..models import Article


@admin.action(description=_("Publish now"), permissions=["publish"])
def publish_now(modeladmin, request, queryset):
    """Drafts and scheduled articles appear now: their publish time becomes now.
    Articles already public keep theirs."""
    now = timezone.now()
    changed = 0
    for article in queryset:
        if article.is_public:
            continue
        article.status = Article.Status.PUBLISHED
        article.publish_at = now
        modeladmin.save_with_revision(request, article, _("Published with “Publish now”."))
        changed += 1
    modeladmin.message_user(
        request,
        ngettext("%d article published.", "%d articles published.", changed) % changed,
        messages.SUCCESS,
    )


@admin.action(description=_("Unpublish (back to draft)"), permissions=["publish"])
def unpublish(modeladmin, request, queryset):
    """Published and scheduled articles become drafts. Their publish time stays:
    published again from the form, an article keeps its date; “Publish now” gives a
    new one."""
    changed = 0
    for article in queryset.filter(status=Article.Status.PUBLISHED):
        article.status = Article.Status.DRAFT
        modeladmin.save_with_revision(request, article, _("Unpublished (back to draft)."))
        changed += 1
    modeladmin.message_user(
        request,
        ngettext("%d article is a draft again.", "%d articles are drafts again.", changed)
        % changed,
        messages.SUCCESS,
    )
