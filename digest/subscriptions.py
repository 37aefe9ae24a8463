"""Subscribing, confirming and unsubscribing: what each step changes, and which e-mail
it sends. The views call these; nothing here reads a request."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from taggit.models import Tag

from .emails import already_subscribed_message, confirmation_message
from .models import Subscriber


def find(email):
    return Subscriber.objects.filter(email__iexact=email.strip()).first()


def request_subscription(email, tag_ids):
    """Someone asked to subscribe ``email``: one row per address, made pending if it is
    new, and an e-mail to the address (the confirmation link, or for an address already
    subscribed a note with its preferences link). The chosen tags travel in the signed
    link and apply only once it is followed, so nobody changes a subscriber's tags by
    typing their address."""
    email = email.strip()
    subscriber = find(email)
    if subscriber is None:
        try:
            with transaction.atomic():
                subscriber = Subscriber.objects.create(email=email)
        except IntegrityError:  # the same address, at the same moment
            subscriber = find(email)
    if subscriber.state == Subscriber.State.CONFIRMED:
        already_subscribed_message(subscriber).send()
    else:
        confirmation_message(subscriber.email, tag_ids).send()
    return subscriber


def confirm(email, tag_ids):
    """Follows a confirmation link: the address is subscribed, to the tags it chose."""
    subscriber = find(email)
    if subscriber is None:
        # Deleted in the admin since the link was sent: the link still proves the wish.
        subscriber = Subscriber.objects.create(email=email)
    subscriber.state = Subscriber.State.CONFIRMED
    subscriber.confirmed_at = timezone.now()
    subscriber.unsubscribed_at = None
    subscriber.bounced_at = None
    subscriber.bounce_reason = ""
    subscriber.save()
    # A tag deleted since the link was sent is left out.
    subscriber.tags.set(Tag.objects.filter(pk__in=tag_ids))
    return subscriber


def unsubscribe(subscriber):
    if subscriber.state != Subscriber.State.UNSUBSCRIBED:
        subscriber.state = Subscriber.State.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save(update_fields=["state", "unsubscribed_at"])


def resubscribe(subscriber):
    """From the subscriber's own link, which proves the address: no new confirmation."""
    confirm(subscriber.email, list(subscriber.tags.values_list("pk", flat=True)))
    subscriber.refresh_from_db()
