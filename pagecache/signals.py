"""Invalidation when what public pages show changes: every save or deletion of a model
settings.PAGE_CACHE_MODELS names drops every cached page (connected by the app's
ready())."""

from django.apps import apps
from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save

from .state import invalidate


def _invalidate_on_m2m_change(action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        invalidate(**kwargs)


def connect_invalidation():
    """Invalidate cached pages whenever a model of settings.PAGE_CACHE_MODELS
    ("app_label.ModelName") is saved or deleted, and, for the through model of a
    many-to-many relation, whenever rows are added to or removed from the relation.

    Signals are the right tool here, and only here: cache invalidation cuts across
    every way a change reaches the database (the admin, revisions, management
    commands, the shell), which no single call site can promise.
    """
    for label in settings.PAGE_CACHE_MODELS:
        model = apps.get_model(label)
        uid = f"pagecache:{model._meta.label}"
        post_save.connect(invalidate, sender=model, dispatch_uid=uid, weak=False)
        post_delete.connect(invalidate, sender=model, dispatch_uid=uid, weak=False)
        # Sent with the through model as its sender: only the through models among
        # these ever send it.
        m2m_changed.connect(_invalidate_on_m2m_change, sender=model, dispatch_uid=uid, weak=False)
