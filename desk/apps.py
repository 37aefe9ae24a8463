from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeskConfig(AppConfig):
    """The editorial desk: the admin's calendar of coming anniversaries, the
    anniversary ideas, and the year's coverage."""

    name = "desk"
    verbose_name = _("Editorial desk")
