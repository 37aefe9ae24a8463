"""Subscribers for the daily e-mail's tests."""

import itertools

from digest.models import Subscriber

_numbers = itertools.count(1)


def make_subscriber(email=None, *, state=Subscriber.State.CONFIRMED, tags=()):
    subscriber = Subscriber.objects.create(
        email=email or f"reader{next(_numbers)}@example.net", state=state
    )
    if tags:
        subscriber.tags.set(tags)
    return subscriber
