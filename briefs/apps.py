from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BriefsConfig(AppConfig):
    """Briefs: one-line dated entries (events, births, deaths) beside the articles."""

    name = "briefs"
    verbose_name = _("Briefs")

    def ready(self):
        from . import revisions  # noqa: F401  (registers briefs with django-reversion)
