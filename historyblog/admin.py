"""The admin site, which asks staff for a one-time password when OTP_REQUIRED is on.

django-otp's OTPAdminSite does the asking; this site decides per request whether to
use it, so the setting can change without reloading the URL configuration. Its login
form (historyblog/login.py) takes the password and the code in one submit.
"""

from django.conf import settings
from django.contrib import admin
from django_otp.admin import OTPAdminSite

from historyblog.login import OneStepOTPAuthenticationForm


class AdminSite(OTPAdminSite):
    def __init__(self, name="admin"):
        super().__init__(name)

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
