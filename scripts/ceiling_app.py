"""The benchmark's ceiling: a WSGI app returning a fixed page from memory.

Served by the same gunicorn settings as the site, it is the fastest any Python app
can answer here; ``scripts/bench.py`` sets CEILING_BYTES to the size of a real page.
"""

import os

BODY = b"x" * int(os.environ.get("CEILING_BYTES", "65536"))
HEADERS = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(BODY)))]


def application(environ, start_response):
    start_response("200 OK", HEADERS)
    return [BODY]
