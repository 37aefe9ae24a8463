"""Who may do what with articles: the one place the roles are decided.

Editors (the "Editors" group of migration 0004, holding EDITOR_PERMISSION) change and
publish every article and manage authors and tags. Other staff are authors: they change
their own articles and profile, delete their own drafts, and publish only when the
setting ARTICLES_AUTHORS_CAN_PUBLISH is on (off by default, so an editor reviews).
The article queryset (``editable_by``) and the admin both ask here.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q

EDITOR_PERMISSION = "articles.publish_article"


def is_staff(user):
    return bool(user.is_active and user.is_staff)


def is_editor(user):
    return user.has_perm(EDITOR_PERMISSION)


def can_publish(user):
    """Editors publish; authors too, their own articles, with the setting on."""
    return is_editor(user) or (
        settings.ARTICLES_AUTHORS_CAN_PUBLISH and user.has_perm("articles.change_article")
    )


def may_edit(user, article):
    """Editors change every article; an author, the articles credited to them."""
    owner = article.author.user_id
    return is_editor(user) or (owner is not None and owner == user.pk)


def may_delete(user, article):
    """Taking an article off the site is publishing's business: authors delete drafts."""
    return may_edit(user, article) and (
        article.status == article.Status.DRAFT or can_publish(user)
    )


def may_submit_for_review(user, article):
    """An author asks for a review of their draft; an editor needs no one's review."""
    return (
        article.status == article.Status.DRAFT
        and not is_editor(user)
        and (article.pk is None or may_edit(user, article))
    )


def editors_with_addresses():
    """The active editors (by permission, through a group or their own, and the
    superusers) who have an e-mail address: whom the review requests reach."""
    app_label, codename = EDITOR_PERMISSION.split(".")
    permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    holds = Q(groups__permissions__in=permission) | Q(user_permissions__in=permission)
    return (
        get_user_model()
        .objects.filter(Q(is_superuser=True) | holds, is_active=True)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )
