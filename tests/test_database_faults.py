"""PostgreSQL that stops answering: a server of the test's own, on its own port, paused
with SIGSTOP (as a frozen machine or stuck storage leaves it: connections stay open and
nothing answers) while a production gunicorn holds a connection to it.

The deploy guide's promises: a page gets the 503 page after waiting DATABASE_WAIT
seconds for an answer (5), or DATABASE_CONNECT_TIMEOUT for a new connection; /healthz
answers within 2 s; cached pages are served as usual; pages work again once the
database does. Without PostgreSQL's binaries (or Redis for the cached pages) these tests
skip, except under CI=true, where they fail."""

import json
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
from contextlib import contextmanager, suppress
from pathlib import Path

import psycopg
import pytest

from .servers import (
    Browser,
    Gunicorn,
    RedisServer,
    free_port,
    production_env,
    service_env,
    set_up_site,
)

SETUP = """
from articles.models import Article, Author
author = Author.objects.create(display_name="Ada Clerk", slug="ada-clerk")
for slug, title, year, month, day, body in [
    ("rosetta-stone-found", "Rosetta Stone Found", 1799, 7, 15, "Soldiers found a stone."),
    ("stone-deciphered", "Stone Deciphered", 1822, 9, 27, "Champollion read it."),
]:
    Article.objects.create(
        title=title, slug=slug, event_year=year, event_month=month, event_day=day,
        body=body, author=author, status="published",
    )
"""
ARTICLE = "/articles/rosetta-stone-found/"
OTHER_ARTICLE = "/articles/stone-deciphered/"
DATABASE_WAIT = 5  # the documented default
# What a loaded machine may add to a documented wait.
MARGIN = 3


def unavailable(reason):
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI runs the database fault tests, but {reason}")
    pytest.skip(reason)


def postgresql_binaries():
    """The folder with initdb and pg_ctl: on PATH, or Debian's newest
    /usr/lib/postgresql/<version>/bin."""
    if initdb := shutil.which("initdb"):
        return Path(initdb).parent
    debian = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda path: int(path.parts[-3]) if path.parts[-3].isdigit() else 0,
    )
    if debian:
        return debian[-1].parent
    return unavailable("no PostgreSQL binaries (initdb, pg_ctl): apt-get install postgresql")


class PostgreSQL:
    """A PostgreSQL server of the test's own, in a temporary folder, listening on a free
    port of 127.0.0.1 (and a unix socket in that folder). Paused, resumed and stopped
    through the PIDs of its own processes, never by name. initdb refuses to run as root:
    as root, the server runs as the postgres user."""

    def __init__(self, binaries):
        self.binaries = binaries
        self.as_user = {}
        if os.geteuid() == 0:
            try:
                account = pwd.getpwnam("postgres")
            except KeyError:
                unavailable("initdb refuses root, and there is no postgres user to run it")
            self.as_user = {"user": account.pw_uid, "group": account.pw_gid, "extra_groups": []}
        # Not under pytest's tmp_path, which other users cannot enter.
        self.folder = Path(tempfile.mkdtemp(prefix="historyblog-postgresql-"))
        if self.as_user:
            os.chown(self.folder, self.as_user["user"], self.as_user["group"])
        self.data = self.folder / "data"
        self.port = free_port()
        self.pid = None
        self.stopped = []

    def start(self):
        self.run("initdb", "-D", self.data, "-U", "postgres", "-A", "trust", "-E", "UTF8")
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self.run(
            "pg_ctl", "start", "-D", self.data, "-l", self.folder / "log", "-w", "-o", options
        )
        self.pid = int((self.data / "postmaster.pid").read_text().split()[0])

    def run(self, program, *args):
        finished = subprocess.run(
            [self.binaries / program, *map(str, args)],
            capture_output=True,
            text=True,
            timeout=60,
            env=service_env(),
            **self.as_user,
        )
        assert finished.returncode == 0, finished.stdout + finished.stderr

    def url(self, database):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def processes(self):
        """The postmaster, then its children: the backends and the server's own workers."""
        children = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue  # gone meanwhile
            if parent == self.pid:
                children.append(int(stat.parent.name))
        return [self.pid, *children]

    def state(self, pid):
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]

    @contextmanager
    def paused(self):
        """Every process of the server stopped (the postmaster first, so it starts no
        other), and continued whatever happens in the block."""
        self.stopped = []
        try:
            # The postmaster first: stopped, it starts no other process. Its children are
            # listed after that, so none started meanwhile is missed; one that ended
            # between the listing and its signal needs no stopping.
            os.kill(self.pid, signal.SIGSTOP)
            self.stopped.append(self.pid)
            for pid in self.processes()[1:]:
                with suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGSTOP)
                    self.stopped.append(pid)
            assert self.state(self.pid) == "T"
            yield
        finally:
            self.resume()

    def resume(self):
        for pid in self.stopped:
            with suppress(ProcessLookupError):  # ended meanwhile
                os.kill(pid, signal.SIGCONT)
        self.stopped = []

    def stop(self):
        """Stops the server, if it runs (pg_ctl signals its postmaster), and removes its
        folder."""
        self.resume()
        try:
            if (self.data / "postmaster.pid").exists():
                self.run("pg_ctl", "stop", "-D", self.data, "-m", "immediate", "-w")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture(scope="module")
def postgresql():
    server = PostgreSQL(postgresql_binaries())
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture
def redis(tmp_path):
    if not shutil.which("redis-server"):
        unavailable("no redis-server: apt-get install redis-server")
    server = RedisServer(tmp_path)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def site(postgresql, tmp_path_factory):
    """A production environment on that server: static files, and two articles."""
    folder = tmp_path_factory.mktemp("database-faults")
    with psycopg.connect(postgresql.url("postgres"), autocommit=True) as connection:
        connection.execute("CREATE DATABASE historyblog")
    env = production_env(
        folder, DATABASE_URL=postgresql.url("historyblog"), SITE_URL="http://127.0.0.1"
    )
    set_up_site(env, SETUP)
    return env


@contextmanager
def gunicorn(env, tmp_path):
    server = Gunicorn(env, log_path=tmp_path / "gunicorn.log")
    try:
        yield server
    finally:
        server.stop()


def timed_get(browser, path):
    started = time.monotonic()
    response = browser.get(path)
    return response, time.monotonic() - started


def eventually_ok(browser, path, timeout=15):
    """The status of ``path``, asked again until it is 200 or ``timeout`` has passed."""
    deadline = time.monotonic() + timeout
    while (status := browser.get(path).status) != 200 and time.monotonic() < deadline:
        time.sleep(0.2)
    return status


def database_errors(output):
    """What historyblog.errors logged, by path."""
    records = [json.loads(line) for line in output.splitlines() if '"historyblog.errors"' in line]
    return {record["path"]: record["message"] for record in records}


def test_a_page_gets_the_503_page_after_database_wait_when_the_database_hangs(
    postgresql, site, tmp_path
):
    # A new connection gives up after this (psycopg counts at least 2 s).
    env = {**site, "DATABASE_CONNECT_TIMEOUT": "2"}
    with gunicorn(env, tmp_path) as server:
        browser = Browser(server.port)
        assert browser.get(ARTICLE).status == 200  # the worker keeps its connection
        with postgresql.paused():
            page, waited = timed_get(browser, ARTICLE)
            # The connection it waited on is closed: the next page opens a new one.
            next_page, next_waited = timed_get(browser, OTHER_ARTICLE)
        assert eventually_ok(browser, ARTICLE) == 200
        assert browser.get(OTHER_ARTICLE).status == 200
        errors = database_errors(server.output_once(lambda output: OTHER_ARTICLE in output))
    assert page.status == 503
    assert waited < DATABASE_WAIT + MARGIN
    assert "We will be back in a moment" in page.text
    assert page["Retry-After"] == "30"
    assert "no-store" in page["Cache-Control"]
    # It gave up on the connection it had, without trying a new one.
    assert f"PostgreSQL did not answer within {DATABASE_WAIT} s" in errors[ARTICLE]
    assert next_page.status == 503
    assert next_waited < 2 + MARGIN
    assert "We will be back in a moment" in next_page.text
    assert OTHER_ARTICLE in errors


def test_healthz_answers_within_2_s_while_the_database_hangs(postgresql, site, tmp_path):
    with gunicorn(site, tmp_path) as server:
        browser = Browser(server.port)
        assert browser.get(ARTICLE).status == 200
        assert browser.get("/healthz").status == 200
        with postgresql.paused():
            health, waited = timed_get(browser, "/healthz")
            again, waited_again = timed_get(browser, "/healthz")
        assert eventually_ok(browser, "/healthz") == 200
    assert (health.status, again.status) == (503, 503)
    assert health.text == "database unavailable\n"
    assert waited < 2
    assert waited_again < 2


def test_cached_pages_are_served_while_the_database_hangs(postgresql, site, redis, tmp_path):
    with gunicorn({**site, "REDIS_URL": redis.url}, tmp_path) as server:
        browser = Browser(server.port)
        assert browser.get(ARTICLE)["X-Cache"] == "MISS"
        with postgresql.paused():
            cached = browser.get(ARTICLE)
    assert cached.status == 200
    assert cached["X-Cache"] == "HIT"
    assert "Rosetta Stone Found" in cached.text
