"""A database that does not answer gives a styled 503 page, not a 500."""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers
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
