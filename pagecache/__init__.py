"""Pages for anonymous readers, kept in the shared cache and served by every app server.

A GET or HEAD is answered from the cache when the page is there, unless the request is
private (settings.PAGE_CACHE_PRIVATE_REQUEST: the project's staff, known by a signed
cookie); otherwise the page is rendered and, if it is public (a 200 that sets no
cookie, is not private or no-store, and is not the admin), stored.

A page is kept under a key made of its full URL (and, for a page that varies on
request headers, their values), with:

- the *generation* it was rendered in: a token kept in the cache and replaced whenever
  a model settings.PAGE_CACHE_MODELS names is saved or deleted, on any server. A page
  of an older generation is never served again; it is replaced, or expires;
- the day it was rendered, in TIME_ZONE, so pages that depend on "today" change at
  midnight.

A hit costs one cache round trip at most, reading the current generation and the page
together; none when the process knows both (store.RecentPages, state.StateWatch).

Pages may also change with no save (a scheduled article's publish time comes): the
cache keeps the time settings.PAGE_CACHE_NEXT_CHANGE gives beside the generation, and
once it has passed the generation is replaced, so every page is rendered again.

The cache is an optimisation, never a dependency: when Redis fails, pages are rendered
as if there were no cache, and a warning is logged.

Changes made with ``QuerySet.update()`` send no signals: call ``invalidate()`` after
them.

The modules: backend (the guarded cache calls), conf (the settings that name the
project's code), store (cached pages and this process's copies), state (the generation,
invalidate(), remembered()), lookup (which requests, and finding their page), middleware,
wsgi (hits in front of Django), signals (invalidation on save and delete).
"""

from .state import forget_local_copies, invalidate, remembered
from .wsgi import CachedPages

__all__ = ["CachedPages", "forget_local_copies", "invalidate", "remembered"]
