from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class HistoryblogConfig(AppConfig):
    """The project's own app."""

    name = "historyblog"
    default = True


class AdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin, on the admin site that can require two-factor login."""

    default_site = "historyblog.admin.AdminSite"
    default = False
