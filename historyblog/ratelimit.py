"""Rate limits shared by every app server, counted in the cache (Redis in production).

``allow(scope, key, limit, seconds)`` counts one request of ``key`` (a client address,
an e-mail address) in ``scope`` and says whether it is within ``limit`` requests per
window of ``seconds``. Windows are fixed: a client may send up to twice the limit
across the edge of two windows, which is enough to stop abuse and costs two cache
calls. Without Redis each process counts for itself.

A limit is a courtesy to the site, not a lock: when the cache cannot be reached the
request is allowed, as every other use of the cache is optional.
"""

import hashlib
import logging
import time

from django.core.cache import cache

logger = logging.getLogger(__name__)


def allow(scope, key, limit, seconds):
    """Count one request of ``key`` in ``scope``; False once it is over ``limit`` in the
    current window of ``seconds``."""
    if limit <= 0:
        return True
    window = int(time.time() // seconds)
    digest = hashlib.blake2b(str(key).encode(), digest_size=12).hexdigest()
    name = f"ratelimit:{scope}:{window}:{digest}"
    try:
        # add() starts the count only if no other request did; incr() is atomic.
        cache.add(name, 0, timeout=seconds + 1)
        count = cache.incr(name)
    except ValueError:
        # The key expired between add() and incr(): this request starts a new count.
        return True
    except Exception:
        logger.warning("Rate limit %s not counted: the cache did not answer", scope)
        return True
    return count <= limit
