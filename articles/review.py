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


def send_back(article, editor, comment):
    """Takes the draft out of the review queue with the editor's comment; returns the
    note (the caller saves the article)."""
    article.submitted_at = None
    return ReviewNote.objects.create(article=article, editor=editor, comment=comment)


def tell_editors(article, change_url):
    """E-mails every editor with an address that ``article`` waits for review. Returns
    True when sent; False, logged, when the mail server refused or could not be reached
    (the submission itself stands)."""
    addresses = list(roles.editors_with_addresses().values_list("email", flat=True))
    if not addresses:
        return True
    subject = _("Ready for review: %(title)s") % {"title": article.title}
    body = _(
        "%(author)s submitted “%(title)s” for review.\n\n"
        "Read it, then publish it or send it back with a comment:\n%(url)s\n"
    ) % {"author": article.author, "title": article.title, "url": change_url}
    try:
        # One message each (over one connection), so no editor sees the others' addresses.
        send_mass_mail([(subject, body, None, [address]) for address in addresses])
    except (smtplib.SMTPException, OSError):
        logger.exception("The review request for article %s could not be e-mailed", article.pk)
        return False
    return True
