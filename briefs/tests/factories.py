"""A brief with sensible defaults: published a day ago, about 20 August 1940."""

import datetime

from django.utils import timezone

from briefs.models import Brief


def make_brief(*, tags=(), **kwargs):
    fields = {
        "event_year": 1940,
        "event_month": 8,
        "event_day": 20,
        "kind": Brief.Kind.EVENT,
        "text": "Something happened.",
        "status": Brief.Status.PUBLISHED,
        "publish_at": timezone.now() - datetime.timedelta(days=1),
    }
    fields.update(kwargs)
    brief = Brief.objects.create(**fields)
    if tags:
        brief.tags.add(*tags)
    return brief
