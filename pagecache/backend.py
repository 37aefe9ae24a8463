"""The page cache's calls to Django's cache, guarded: the cache is an optimisation,
never a dependency. When a call fails (Redis down, unreachable or hung), the page cache
carries on as if it had nothing cached, logs a warning, and leaves the cache alone for
a few seconds.

Every module of the page cache reaches the cache through ``backend.cache``.
"""

import logging
import time

from django.core.cache import cache

logger = logging.getLogger(__name__)

# After a failed cache call, the seconds this process serves pages without trying the
# cache again: a Redis that is down or unreachable then costs one failed call every
# few seconds, not one (or a timeout) for every request.
RETRY_INTERVAL = 5

_unavailable_until = 0.0


def call(operation, *args):
    """``cache.<operation>(*args)``, or None if the cache fails (or failed a moment ago)."""
    global _unavailable_until
    method = getattr(cache, operation)
    if time.monotonic() < _unavailable_until:
        return None
    try:
        return method(*args)
    except Exception as error:  # any Redis or network error: the cache is optional
        _unavailable_until = time.monotonic() + RETRY_INTERVAL
        logger.warning(
            "Page cache unavailable, serving pages without it: %s: %s", type(error).__name__, error
        )
        return None
