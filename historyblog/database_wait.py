"""A request waits at most DATABASE_WAIT seconds for PostgreSQL to answer.

A database server that stops running (a frozen virtual machine, stuck storage, a
process paused with SIGSTOP) keeps its connections open: its kernel still acknowledges
what we send, so neither TCP keepalives nor tcp_user_timeout notice anything, and
statement_timeout is enforced by the very server that is not running. A request would
wait for its answer until gunicorn killed the worker, and the reader would get an empty
reply.

So inside a request (DatabaseWaitMiddleware), every query, and the check Django makes of
a connection kept from an earlier request (CONN_HEALTH_CHECKS), is watched: when
PostgreSQL has not answered within DATABASE_WAIT seconds, a watchdog thread shuts the
connection's socket down. That ends the wait in whichever thread waits, the query
raises OperationalError, and the request gets the 503 page (historyblog/errors.py)
without waiting for the database again; its connections are closed, so the next request
opens a new one. Opening a connection is bounded by connect_timeout instead
(DATABASE_CONNECT_TIMEOUT). Management commands are not watched.
"""

import contextvars
import os
import socket
import threading
import time
from concurrent.futures import Future
from contextlib import contextmanager

import psycopg
from django.conf import settings
from django.db import OperationalError, connections
from django.db.backends.postgresql.base import Cursor as DjangoCursor

# The wait of the request (or health check) this code runs for; None outside of one.
_current_wait = contextvars.ContextVar("database_wait", default=None)


class Wait:
    """How long each query of one request may wait, and whether one waited in vain."""

    def __init__(self, seconds):
        self.seconds = seconds
        self.gave_up = False

    def no_answer(self):
        return OperationalError(
            f"PostgreSQL did not answer within {self.seconds} s (DATABASE_WAIT)"
        )


@contextmanager
def waiting_at_most(seconds):
    """Within the block, each query waits at most ``seconds`` (0: as long as it takes)
    for PostgreSQL to answer. After one did not, the others fail at once, and the
    connections are closed at the end of the block."""
    wait = Wait(seconds)
    token = _current_wait.set(wait)
    try:
        yield wait
    finally:
        _current_wait.reset(token)
        if wait.gave_up:
            connections.close_all()


class DatabaseWaitMiddleware:
    """First of the middleware, before any that may query the database: the request
    waits at most DATABASE_WAIT seconds for each answer from PostgreSQL."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with waiting_at_most(settings.DATABASE_WAIT):
            return self.get_response(request)


class Cursor(DjangoCursor):
    """Django's psycopg cursor, watched inside a request. historyblog/settings/base.py makes it the
    cursor_factory of every PostgreSQL connection, so it serves Django's queries and
    also the plain cursor Django checks a kept connection with."""

    def execute(self, *args, **kwargs):
        with _watched(self.connection):
            return super().execute(*args, **kwargs)

    def executemany(self, *args, **kwargs):
        with _watched(self.connection):
            return super().executemany(*args, **kwargs)


@contextmanager
def _watched(psycopg_connection):
    wait = _current_wait.get()
    if wait is None or wait.seconds <= 0:
        yield
        return
    # Django's OperationalError, not psycopg's: Django's check of a kept connection takes
    # psycopg's errors for a broken connection and opens a new one, which would wait
    # again (connect_timeout) for a database that just did not answer.
    if wait.gave_up:
        raise wait.no_answer()
    watch = _watchdog.start(psycopg_connection.pgconn.socket, wait.seconds)
    try:
        yield
    except psycopg.Error as error:
        if watch.was_cut:
            raise wait.no_answer() from error
        raise
    finally:
        _watchdog.stop(watch)
        if watch.was_cut:
            wait.gave_up = True


class _Watch:
    def __init__(self, fd, deadline):
        self.fd = fd
        self.deadline = deadline
        self.was_cut = False

    def cut(self):
        """Shuts the socket down (the connection's file descriptor stays psycopg's to
        close): a read blocked on it returns at once, in any thread."""
        self.was_cut = True
        try:
            with socket.socket(fileno=os.dup(self.fd)) as duplicate:
                duplicate.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass  # already closed by the server: the wait is over anyway


class _Watchdog:
    """One thread per process, asleep until the earliest deadline of the queries being
    watched; it cuts those still waiting then."""

    def __init__(self):
        self._condition = threading.Condition()
        self._watches = set()
        self._wakes_at = None
        self._thread = None

    def start(self, fd, seconds):
        watch = _Watch(fd, time.monotonic() + seconds)
        with self._condition:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._run, name="database-wait", daemon=True
                )
                self._thread.start()
            self._watches.add(watch)
            # The thread sleeps until the earliest deadline: wake it only for an earlier one.
            if self._wakes_at is None or watch.deadline < self._wakes_at:
                self._condition.notify()
        return watch

    def stop(self, watch):
        # Under the lock: once this returns, the watch is never cut, and its socket may
        # be closed.
        with self._condition:
            self._watches.discard(watch)

    def _run(self):
        with self._condition:
            while True:
                now = time.monotonic()
                for watch in [watch for watch in self._watches if watch.deadline <= now]:
                    self._watches.discard(watch)
                    watch.cut()
                self._wakes_at = min((watch.deadline for watch in self._watches), default=None)
                self._condition.wait(None if self._wakes_at is None else self._wakes_at - now)


_watchdog = _Watchdog()
# A forked process (a gunicorn worker) starts with a watchdog of its own: threads do not
# survive a fork, and the lock may have been held by one.
os.register_at_fork(after_in_child=_watchdog.__init__)


# ---------- Health checks ----------

_probe_lock = threading.Lock()
_probe = None


def answers_within(seconds, query):
    """Whether ``query()`` returns, without an error, within ``seconds``.

    It runs in a thread of its own, on a connection of its own (closed after it), so the
    caller waits ``seconds`` at most, even when a new connection would wait for a
    database that does not answer (connect_timeout counts at least 2 s). While one
    query runs, later callers wait for its answer instead of starting another.
    """
    global _probe
    with _probe_lock:
        if _probe is None or _probe.done():
            _probe = Future()
            threading.Thread(target=_probe_database, args=(_probe, query), daemon=True).start()
        probe = _probe
    try:
        return probe.result(timeout=seconds)
    except TimeoutError:
        return False


def _probe_database(probe, query):
    answered = False
    try:
        with waiting_at_most(settings.DATABASE_WAIT):
            query()
        answered = True
    except Exception:
        answered = False  # whatever the error, the database did not answer
    finally:
        probe.set_result(answered)
        connections.close_all()
