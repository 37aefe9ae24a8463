"""The admin's login form with two-factor login: the password and the code in one submit.

django-otp's admin form asks for a device before it checks a code, so a password with a
code is refused once ("Please select a device.") and accepted at the second submit.
This form tries the code against each of the user's confirmed devices instead: their
authenticator apps, then their recovery codes (the order of INSTALLED_APPS).
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user
from django_otp.admin import OTPAdminAuthenticationForm
from django_otp.forms import otp_verification_failed
from django_otp.models import ThrottlingMixin

THROTTLING_FIELDS = ("throttling_failure_count", "throttling_failure_timestamp")


class OneStepOTPAuthenticationForm(OTPAdminAuthenticationForm):
    """django-otp's admin login form, except for a code typed with no device chosen.

    Such a code is tried against each device until one takes it. django-otp's own
    reason for asking for a device first is that every device tried counts a failure,
    which makes it wait before it checks again: so when a device takes the code, those
    tried before it are put back as they were. A device still waiting after failures is
    not tried, and if no device took the code the user is told to wait rather than that
    the code is wrong. Choosing a device (the list the form shows after a refusal)
    checks the code against that device only, as django-otp does.
    """

    otp_error_messages = {
        **OTPAdminAuthenticationForm.otp_error_messages,
        "no_device": _(
            "This account has no two-factor device yet: ask an administrator to register one."
        ),
    }

    def _verify_token(self, user, token, device=None):
        if device is not None:
            return super()._verify_token(user, token, device)
        devices = list(devices_for_user(user, for_verify=True))
        if not devices:
            raise forms.ValidationError(self.otp_error_messages["no_device"], code="no_device")
        waiting = [candidate for candidate in devices if not candidate.verify_is_allowed()[0]]
        matched = first_device_taking(token, [d for d in devices if d not in waiting])
        if matched is not None:
            return matched
        if waiting:
            # django-otp's refusal for that device, which says how many failures and to wait.
            return super()._verify_token(user, token, waiting[0])
        otp_verification_failed.send(sender=self.__class__, user=user)
        raise forms.ValidationError(self.otp_error_messages["invalid_token"], code="invalid_token")


def first_device_taking(token, devices):
    """The first of ``devices`` that verifies ``token``, or None if none does. A device
    tried before the one that took it is left as it was: the code was not its own, so
    that is no failure of its."""
    tried = []
    for device in devices:
        before = throttling_state(device)
        if device.verify_token(token):
            for earlier, state in tried:
                for field, value in state.items():
                    setattr(earlier, field, value)
                earlier.save(update_fields=list(state))
            return device
        if before:
            tried.append((device, before))
    return None


def throttling_state(device):
    if not isinstance(device, ThrottlingMixin):
        return {}
    return {field: getattr(device, field) for field in THROTTLING_FIELDS}
