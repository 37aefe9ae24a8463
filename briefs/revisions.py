"""Revisions of briefs, kept by django-reversion: the brief with its tags. Imported by
the app's ready() and by the admin (whose VersionAdmin would otherwise register the
brief alone, without its tags)."""

import reversion

from .models import Brief, TaggedBrief

if not reversion.is_registered(Brief):
    reversion.register(TaggedBrief)
    reversion.register(Brief, follow=["taggedbrief_set"])
