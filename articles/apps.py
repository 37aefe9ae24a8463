from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self):
        from . import revisions  # noqa: F401  (registers articles with django-reversion)
