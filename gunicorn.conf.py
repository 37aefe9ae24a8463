"""gunicorn's settings for historyblog: `gunicorn` in this folder reads them.

Options given on the command line win over these; the environment variables below set
the ones an operator usually changes. Logs go to stdout as JSON lines, like Django's.
"""

import multiprocessing
import os

wsgi_app = "historyblog.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: one request at a time each. Two per core and one more keeps the CPU
# busy while others wait on the database.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# A request still running after this many seconds is killed with its worker. A request
# gives up on a database that does not answer well before (DATABASE_WAIT).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# Behind nginx or a load balancer, which keeps its connections to us open a while.
keepalive = 5
# The application is loaded once, in the master, and the workers are forked from it:
# they share its memory, and replacing one costs a fork, not a Django start-up (which
# would cost a second of CPU each time, a lot when a spike of cached hits runs through
# max_requests in seconds).
preload_app = True
# A worker is replaced after this many requests (with jitter, so not all at once): any
# slow leak in a library stays bounded. Each replacement stalls a few requests for up
# to a tenth of a second, so not too often: at cached-page rates a worker serves
# 100,000 requests in half a minute.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "100000"))
max_requests_jitter = max_requests // 10
# The workers' heartbeat files in memory: a slow disk cannot make gunicorn think a
# worker hung.
if os.path.isdir("/dev/shm"):
    worker_tmp_dir = "/dev/shm"
# No control socket: nothing uses gunicornc here, and two servers on one machine
# would otherwise fight over the same socket path.
control_socket_disable = True

accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "historyblog.logs.JsonFormatter"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
        }
    },
    "root": {"handlers": ["stdout"], "level": "INFO"},
    "loggers": {
        "gunicorn.error": {"handlers": ["stdout"], "level": loglevel.upper(), "propagate": False},
        "gunicorn.access": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
    },
}
