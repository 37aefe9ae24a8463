"""Who gets fresh pages instead of cached ones: staff, told apart without a database
query by a signed cookie set when they log in and cleared when they log out.

A session cookie alone proves nothing (anyone can send ``sessionid=x``), and checking
it costs a database query; rendering every page for whoever sends one would let
anyone switch the page cache off. STAFF_COOKIE holds the staff member's id, signed
with SECRET_KEY and dated: only the site can make one, and it expires with the
session.
"""

from django.conf import settings
from django.core import signing
from django.http.cookie import parse_cookie

STAFF_COOKIE = "staff"
_SALT = "historyblog.staff"


def _signer():
    return signing.TimestampSigner(salt=_SALT)


def signed_value(user_pk):
    """The staff cookie's value for the user with ``user_pk``."""
    return _signer().sign(str(user_pk))


def is_staff_request(cookie_header):
    """Whether the raw Cookie header carries a valid staff cookie (no query: an HMAC)."""
    if STAFF_COOKIE not in cookie_header:
        return False
    value = parse_cookie(cookie_header).get(STAFF_COOKIE)
    if not value:
        return False
    try:
        _signer().unsign(value, max_age=settings.SESSION_COOKIE_AGE)
    except signing.BadSignature:  # forged, tampered with, or expired
        return False
    return True


class StaffCookieMiddleware:
    """After authentication: gives a staff member's browser the staff cookie, and takes
    it away once they are logged out (or no longer staff). Looks at the user only when
    the request carries a session or a staff cookie, or has just changed its session
    (a login), so readers cost nothing."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        cookies = request.COOKIES
        session = getattr(request, "session", None)
        logging_in = session is not None and session.modified
        if not logging_in and not {settings.SESSION_COOKIE_NAME, STAFF_COOKIE} & cookies.keys():
            return response
        user = getattr(request, "user", None)
        is_staff = bool(user is not None and user.is_active and user.is_staff)
        if is_staff and settings.OTP_REQUIRED:
            # Verified with a one-time password: django-otp sets the device on the user,
            # at login and on every request after it.
            is_staff = getattr(user, "otp_device", None) is not None
        has_cookie = is_staff_request(request.META.get("HTTP_COOKIE", ""))
        if is_staff and not has_cookie:
            response.set_cookie(
                STAFF_COOKIE,
                signed_value(user.pk),
                max_age=settings.SESSION_COOKIE_AGE,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        elif not is_staff and STAFF_COOKIE in cookies:
            response.delete_cookie(STAFF_COOKIE, samesite="Lax")
        return response
