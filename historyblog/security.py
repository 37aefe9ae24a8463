"""Security helpers: the client's real address behind proxies, and the CSP middleware."""

import ipaddress

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from django.conf import settings


def client_ip(request):
    """The address of the client that sent ``request``.

    Each of the TRUSTED_PROXY_COUNT proxies appends the address it received the request
    from to X-Forwarded-For, so the N-th entry from the right was written by the
    outermost trusted proxy: the client as the world sees it. Whatever a client puts to
    the left of it is forged and ignored, so rotating it changes nothing. Without
    trusted proxies, or when the header is shorter than it must be (the request came
    round the proxies), the address is REMOTE_ADDR, which a client cannot choose.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = settings.TRUSTED_PROXY_COUNT
    if trusted <= 0:
        return remote
    forwarded = [
        entry.strip()
        for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if entry.strip()
    ]
    if len(forwarded) < trusted:
        return remote
    try:
        return str(ipaddress.ip_address(forwarded[-trusted]))
    except ValueError:
        return remote


class CSPMiddleware(BaseCSPMiddleware):
    """django-csp's middleware, with one exception for the admin: it also allows inline
    style attributes there, which the picture previews in articles/admin.py use. Public
    pages, and scripts everywhere, keep the strict policy of CONTENT_SECURITY_POLICY."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        match = getattr(request, "resolver_match", None)
        if match is not None and "admin" in match.namespaces:
            parts.update = {**(parts.update or {}), "style-src": [UNSAFE_INLINE]}
        return parts
