"""The review of a draft: its author submits it, the editors are told by e-mail, an
editor publishes it or sends it back with a comment (a ReviewNote)."""

import logging
import smtplib

from django.core.mail import send_mass_mail
from django.utils import timezone
from django.utils.translation import gettext as _

from . import roles
from .models import ReviewNote

logger = logging.getLogger(__name__)


def submit(article, now=None):
    """Marks the draft as waiting for review (the caller saves it)."""
    article.submitted_at = now or timezone.now()


def publish(article, now=None):
    """Publishes the draft now, or at the future publish time it was given (the caller
    saves it, which also takes it out of the review queue)."""
    now = now or timezone.now()
    article.status = article.Status.PUBLISHED
    if article.publish_at is None or article.publish_at <= now:
        article.publish_at = now


def send_back(article, editor, comment):
    """Takes the draft out of the review queue with the editor's comment; returns the
    note (the caller saves the article)."""
    article.submitted_at = None
    return ReviewNote.objects.create(article=article, editor=editor, comment=comment)


def tell_editors(article, change_url):
    """E-mails every editor with an address that ``article`` waits for review. Returns
    True when sent (or no one has an address); False, logged, when the mail server
    refused or could not be reached (the submission itself stands)."""
    addresses = roles.editors_with_addresses().values_list("email", flat=True)
    subject = _("Ready for review: %(title)s") % {"title": article.title}
    body = _(
        "%(author)s submitted “%(title)s” for review.\n\n"
        "Read it, then publish it or send it back with a comment:\n%(url)s\n"
    ) % {"author": article.author, "title": article.title, "url": change_url}
    return send(article, [(subject, body, None, [address]) for address in addresses])


def tell_author(article, note, change_url):
    """E-mails the author of ``article`` (if their login has an address) the comment
    it was sent back with. True when sent or not needed, False when the server failed."""
    user = article.author.user
    if user is None or not user.is_active or not user.email:
        return True
    subject = _("Sent back to you: %(title)s") % {"title": article.title}
    body = _(
        "An editor sent “%(title)s” back to you with this comment:\n\n%(comment)s\n\n"
        "Change it, then submit it for review again:\n%(url)s\n"
    ) % {"title": article.title, "comment": note.comment, "url": change_url}
    return send(article, [(subject, body, None, [user.email])])


def send(article, messages):
    try:
        # One message each (over one connection), so no one sees the others' addresses.
        send_mass_mail(messages)
    except (smtplib.SMTPException, OSError):
        logger.exception("The review e-mail about article %s could not be sent", article.pk)
        return False
    return True
