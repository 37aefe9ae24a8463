"""The page cache as a Django app: its invalidation is connected once every model is
loaded."""

from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    """The page cache: connects invalidation to the models settings.PAGE_CACHE_MODELS
    names, once they are all loaded."""

    name = "pagecache"
    verbose_name = "Page cache"

    def ready(self):
        from .signals import connect_invalidation

        connect_invalidation()
