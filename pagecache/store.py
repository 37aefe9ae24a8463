"""What a cached page is (Entry), the keys it is kept under, and the pages this process
keeps in memory (RecentPages), so that a hit need not read the page from the cache."""

import hashlib
import threading
from typing import NamedTuple


class Entry(NamedTuple):
    """A cached page, as its URL's key holds it. When the page varies on request
    headers, the URL's entry only names them (``status`` is None), and each variant
    has an entry of its own under a key that adds their values."""

    generation: str
    date: str
    vary: tuple
    status: int | None = None
    headers: tuple = ()
    content: bytes = b""


class RecentPages:
    """The entries this process read or stored lately, up to ``limit`` bytes of pages,
    so that a hit need not read the page from the cache again. An entry is served only
    if its generation is the current one."""

    def __init__(self, limit):
        self.limit = limit
        self.size = 0
        self.entries = {}
        self.lock = threading.Lock()

    def get(self, key):
        return self.entries.get(key)

    def clear(self):
        with self.lock:
            self.entries, self.size = {}, 0

    def keep(self, key, entry):
        with self.lock:
            if (old := self.entries.pop(key, None)) is not None:
                self.size -= len(old.content)
            self.entries[key] = entry
            self.size += len(entry.content)
            while self.size > self.limit:  # the oldest go first
                oldest = next(iter(self.entries))
                self.size -= len(self.entries.pop(oldest).content)


recent_pages = RecentPages(limit=16 * 1024 * 1024)


# The most memory the fragments (fragments.py) this process keeps may take, in bytes.
FRAGMENTS_LIMIT = 32 * 1024 * 1024


class Fragments:
    """What this process rendered in the current generation, oldest first; all of it is
    dropped when the generation or the day changes."""

    def __init__(self, limit):
        self.limit = limit
        self.key = None
        self.parts = {}
        self.size = 0
        self.lock = threading.Lock()

    def get(self, key, name):
        with self.lock:
            if key != self.key:
                self.key, self.parts, self.size = key, {}, 0
            return self.parts.get(name, (None, 0))[0]

    def keep(self, key, name, value, size):
        with self.lock:
            if key != self.key:
                return  # the generation changed while it was rendered
            self.size += size - self.parts.pop(name, (None, 0))[1]
            self.parts[name] = (value, size)
            while self.size > self.limit:
                self.size -= self.parts.pop(next(iter(self.parts)))[1]

    def clear(self):
        with self.lock:
            self.key, self.parts, self.size = None, {}, 0


fragments = Fragments(FRAGMENTS_LIMIT)


def page_key(url, varied=None):
    """The cache key of the page at ``url`` (a request key), or of its variant for
    the ``varied`` values of the headers it varies on."""
    key = f"pagecache:page:{_digest(url)}"
    return key if varied is None else f"{key}:{_digest(varied)}"


def _digest(text):
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()
