"""The settings that name code of the project's own: the page cache imports them by
their dotted path, once, and knows nothing else of the project."""

import functools

from django.conf import settings
from django.utils.module_loading import import_string


@functools.cache
def _imported(path):
    return import_string(path)


def is_private_request(cookie_header):
    """Whether a request with this raw Cookie header must get freshly rendered pages
    (settings.PAGE_CACHE_PRIVATE_REQUEST; nobody's when that is None)."""
    path = settings.PAGE_CACHE_PRIVATE_REQUEST
    return path is not None and _imported(path)(cookie_header)


def next_change():
    """When pages change next without a save (an aware datetime), or None
    (settings.PAGE_CACHE_NEXT_CHANGE; never when that is None). May raise
    DatabaseError."""
    path = settings.PAGE_CACHE_NEXT_CHANGE
    return None if path is None else _imported(path)()
