"""The error pages Django does not style: a database that does not answer gives a
styled 503 page, not a 500; a refusal in the admin gives the admin's 403 page."""

import logging
import sys

from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from django.views.defaults import permission_denied as django_permission_denied
from django.views.defaults import server_error as django_server_error

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)
# Seconds a client (or a crawler) is asked to wait before trying again.
RETRY_AFTER = 30


def database_unavailable():
    """The 503 page: a template with no tag that needs the database."""
    page = loader.render_to_string("503.html", {"site_name": settings.SITE_NAME})
    response = HttpResponse(page, status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    # A CDN must not keep the outage page once the database is back.
    add_never_cache_headers(response)
    return response


class DatabaseUnavailableMiddleware:
    """Answers 503 when a view (or its template) finds the database unreachable."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            logger.error("Database unavailable: %s", exception, extra={"path": request.path})
            return database_unavailable()
        return None


def server_error(request, template_name="500.html"):
    """handler500: the 503 page for a database error raised outside a view (a session
    saved by its middleware, say), Django's 500 page for anything else."""
    if isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        return database_unavailable()
    return django_server_error(request, template_name)


def permission_denied(request, exception):
    """handler403: in the admin, a page in the admin's frame that says why, when the
    refusal says, with a way back; elsewhere the site's 403.html."""
    match = getattr(request, "resolver_match", None)
    if match is None or admin.site.name not in match.namespaces:
        return django_permission_denied(request, exception)
    context = {
        **admin.site.each_context(request),
        "title": _("You cannot open this page"),
        "reason": str(exception),
        "back": admin_list_to_go_back_to(request, match.url_name),
    }
    return render(request, "admin/403.html", context, status=403)


def admin_list_to_go_back_to(request, url_name):
    """The admin list the refused page belongs to ("articles_article_change" belongs
    to the articles) as (url, name), if the user may see it; or None."""
    for model in apps.get_models():
        opts = model._meta
        prefix = f"{opts.app_label}_{opts.model_name}_"
        if url_name.startswith(prefix) and admin.site.is_registered(model):
            model_admin = admin.site.get_model_admin(model)
            if url_name != f"{prefix}changelist" and model_admin.has_view_or_change_permission(
                request
            ):
                url = reverse(f"{admin.site.name}:{prefix}changelist")
                return url, opts.verbose_name_plural
            return None
    return None
