"""The admin site, which asks staff for a one-time password when OTP_REQUIRED is on.

django-otp's OTPAdminSite does the asking; this site decides per request whether to
use it, so the setting can change without reloading the URL configuration. Its login
form (historyblog/login.py) takes the password and the code in one submit.

Apps add pages of their own that are not a model's (the editorial desk's calendar, say)
with ``register_page``: the site serves them behind its login and lists them with the
app's models on the index and in the side bar.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django_otp.admin import OTPAdminSite

from historyblog.login import OneStepOTPAuthenticationForm


@dataclass(frozen=True)
class AdminPage:
    """An admin page of an app that is not a model's: served at /admin/<route>, named
    ``admin:<name>``, listed with the models of ``app_label`` as ``title`` to users
    with ``permission``; anyone else is refused it."""

    app_label: str
    route: str
    name: str
    title: str
    view: Callable
    permission: str


class AdminSite(OTPAdminSite):
    def __init__(self, name="admin"):
        super().__init__(name)
        self.pages = []

    def register_page(self, page: AdminPage):
        self.pages.append(page)

    def get_urls(self):
        pages = [
            path(page.route, self.admin_view(self.page_view(page)), name=page.name)
            for page in self.pages
        ]
        return pages + super().get_urls()

    def page_view(self, page):
        def view(request, *args, **kwargs):
            if not request.user.has_perm(page.permission):
                raise PermissionDenied
            return page.view(request, *args, **kwargs)

        return view

    def get_app_list(self, request, app_label=None):
        app_list = super().get_app_list(request, app_label)
        for app in app_list:
            rows = [
                {
                    "name": page.title,
                    "object_name": page.name,
                    "admin_url": reverse(f"{self.name}:{page.name}"),
                    "add_url": None,
                    "view_only": True,
                    "perms": {"view": True},
                }
                for page in self.pages
                if page.app_label == app["app_label"] and request.user.has_perm(page.permission)
            ]
            app["models"][:0] = rows
        return app_list

    @property
    def login_form(self):
        return OneStepOTPAuthenticationForm if settings.OTP_REQUIRED else None

    @property
    def login_template(self):
        return OTPAdminSite.login_template if settings.OTP_REQUIRED else None

    def has_permission(self, request):
        """Active staff; with OTP_REQUIRED, verified by one of their devices as well."""
        if settings.OTP_REQUIRED:
            return super().has_permission(request)
        return admin.AdminSite.has_permission(self, request)
