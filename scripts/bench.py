#!/usr/bin/env python3
"""`make bench`: the site under load, on PostgreSQL with 100,000 articles and Redis.

Starts gunicorn with production settings (2 sync workers), drives each page with wrk
(2 threads, 8 connections) once served from the page cache and once with the cache
bypassed (the signed staff cookie, as staff send), then a WSGI app returning the same number
of bytes from memory under the same gunicorn settings: the ceiling. Prints one table
and exits non-zero if wrk saw any error.

Environment: BENCH_DATABASE_URL (default a dedicated historyblog_bench database on
127.0.0.1), BENCH_REDIS_URL (default Redis database 9), BENCH_ARTICLES (100000),
BENCH_DURATION (seconds per page, 10).
"""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/historyblog_bench"
)
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9")
ARTICLES = int(os.environ.get("BENCH_ARTICLES", "100000"))
DURATION = int(os.environ.get("BENCH_DURATION", "10"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def create_database():
    import psycopg

    name = DATABASE_URL.rsplit("/", 1)[1]
    admin = DATABASE_URL.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
            print(f"created database {name}")


def setup_django(env):
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "historyblog.settings")
    import django

    django.setup()


def prepare():
    from django.core.management import call_command

    from articles.models import Article

    call_command("migrate", verbosity=0, interactive=False)
    have = Article.objects.filter(slug__startswith="seed-").count()
    if have < ARTICLES:
        print(f"seeding {ARTICLES - have} articles ...", flush=True)
        call_command("seed_articles", str(ARTICLES - have))
        # As autovacuum would, in time: fresh rows without statistics or visibility
        # information make every scan several times slower than on a live site.
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    call_command("collectstatic", verbosity=0, interactive=False)


def pages():
    from articles.dates import day_slug
    from articles.models import Article

    article = (
        Article.objects.published()
        .filter(slug__startswith="seed-", event_day__isnull=False, event_approximate=False)
        .order_by("pk")
        .first()
    )
    return [
        ("home", "/"),
        ("article", article.get_absolute_url()),
        ("day", f"/on-this-day/{day_slug(article.event_month, article.event_day)}/"),
        ("tag", "/tags/war/"),
        ("search", "/search/?q=treaty+harbour"),
        ("feed", "/feeds/latest/"),
        ("api", "/api/v1/articles/"),
        ("api-day", f"/api/v1/on-this-day/{article.event_month:02d}/{article.event_day:02d}/"),
        ("ics", "/calendars/anniversaries.ics"),
        ("embed", "/embed/today/"),
    ]


def bypass_cookie():
    """The Cookie header of a staff member, who always gets freshly rendered pages."""
    from historyblog.staff import STAFF_COOKIE, signed_value

    return f"{STAFF_COOKIE}={signed_value(0)}"


def count_queries(path, bypass):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    # The cookie goes with every request, as wrk sends it: the site answers a staff
    # cookie without a staff login by taking it back, which a client would honour.
    client = Client(HTTP_COOKIE=bypass_cookie()) if bypass else Client()
    client.get(path, SERVER_NAME="127.0.0.1")  # fills the cache
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, SERVER_NAME="127.0.0.1")
    assert response.status_code == 200, (path, response.status_code)
    return len(queries), len(response.content)


def start_gunicorn(app, port, env, log):
    command = [
        str(BIN / "gunicorn"),
        "-c",
        str(ROOT / "gunicorn.conf.py"),
        "--no-control-socket",
        "--workers",
        "2",
        "--worker-class",
        "sync",
        "--bind",
        f"127.0.0.1:{port}",
        app,
    ]
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    for _ in range(200):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return process
        except urllib.error.HTTPError:
            return process  # answering (the ceiling app has no /healthz route, same reply)
        except OSError:
            if process.poll() is not None:
                raise SystemExit(
                    f"gunicorn exited with {process.returncode}; see {log.name}"
                ) from None
            time.sleep(0.1)
    raise SystemExit("gunicorn did not start")


def stop(process):
    if process and process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def worker_memory(master_pid):
    """Peak and current resident memory of the master's children, in MB."""
    peak = rss = 0.0
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in text.splitlines() if ":" in line)
        if fields.get("PPid", "").strip() != str(master_pid):
            continue
        peak = max(peak, int(fields["VmHWM"].split()[0]) / 1024)
        rss = max(rss, int(fields["VmRSS"].split()[0]) / 1024)
    return peak, rss


def wrk(url, duration, cookie=None):
    # wrk counts a request unanswered in 2 s as an error; a slow page is measured instead,
    # up to gunicorn's own 30 s limit.
    command = ["wrk", "-t2", "-c8", f"-d{duration}s", "--timeout", "30s", "--latency", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))}
    for pct in ("50", "99"):
        value, unit = re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M).groups()
        result[f"p{pct}"] = float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    errors = 0
    if m := re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out):
        errors += int(m.group(1))
    if m := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    ):
        errors += sum(int(n) for n in m.groups())
    result["errors"] = errors
    return result


def drain(base, timeout=60):
    """Waits until the server answers at once again: requests that wrk left queued on a
    slow page must not be paid for by the next measurement."""
    deadline = time.monotonic() + timeout
    quick = 0
    while quick < 3 and time.monotonic() < deadline:
        started = time.monotonic()
        urllib.request.urlopen(f"{base}/healthz", timeout=timeout).read()
        quick = quick + 1 if time.monotonic() - started < 0.02 else 0
        time.sleep(0.1)


def machine():
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        "?",
    )
    mem = next(
        line.split(":", 1)[1].strip()
        for line in Path("/proc/meminfo").read_text().splitlines()
        if "MemTotal" in line
    )
    return f"{os.cpu_count()} CPUs ({cpu}), {mem} memory"


def main():
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: install it with `apt-get install -y wrk` (Debian).")
    tmp = Path(tempfile.mkdtemp(prefix="historyblog-bench-"))
    port = free_port()
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "bench-only-secret-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": f"http://127.0.0.1:{port}",
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "PAGE_CACHE": "true",
        "STATIC_ROOT": str(tmp / "static"),
        "MEDIA_ROOT": str(tmp / "media"),
        "LOG_LEVEL": "warning",
    }
    create_database()
    # This process seeds with the demo app's seed_articles; the gunicorn servers it
    # measures run without the demo app, as production does.
    setup_django({**env, "DEMO": "true"})
    prepare()
    from django.core.cache import cache

    cache.clear()  # the dedicated Redis database only
    rows = []
    size = 0
    server = None
    failed = False
    log = open(tmp / "gunicorn.log", "w")  # noqa: SIM115 (closed in finally)
    try:
        targets = pages()
        queries = {}
        for name, path in targets:
            for bypass in (False, True):
                queries[name, bypass], length = count_queries(path, bypass)
                if name == "home":
                    size = length
        server = start_gunicorn("historyblog.wsgi:application", port, env, log)
        base = f"http://127.0.0.1:{port}"
        # Warm up, one request at a time: a wrk burst on a slow page would leave a queue
        # of requests that the next measurement pays for.
        for _, path in targets:
            for headers in ({}, {"Cookie": bypass_cookie()}):
                for _ in range(4):
                    request = urllib.request.Request(base + path, headers=headers)
                    urllib.request.urlopen(request, timeout=60).read()
        for name, path in targets:
            for bypass in (False, True):
                drain(base)
                result = wrk(base + path, DURATION, bypass_cookie() if bypass else None)
                rows.append((name, bypass, result))
                print(f"  {name:8} {'uncached' if bypass else 'cached':8} {result['rps']:8.0f}/s")
        peak, rss = worker_memory(server.pid)
        stop(server)
        server = start_gunicorn(
            "ceiling_app:application",
            port,
            {**env, "CEILING_BYTES": str(size), "PYTHONPATH": str(ROOT / "scripts")},
            log,
        )
        wrk(f"http://127.0.0.1:{port}/", 1)
        ceiling = wrk(f"http://127.0.0.1:{port}/", DURATION)
    finally:
        stop(server)
        log.close()
    print(f"\n{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {machine()}")
    print(f"{ARTICLES} articles; wrk -t2 -c8 -d{DURATION}s; gunicorn 2 sync workers\n")
    print("| page | cache | requests/s | p50 ms | p99 ms | x ceiling | queries | errors |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for name, bypass, r in rows:
        failed |= r["errors"] > 0
        print(
            f"| {name} | {'bypassed' if bypass else 'hit'} | {r['rps']:.0f} | {r['p50']:.2f} | "
            f"{r['p99']:.2f} | {r['rps'] / ceiling['rps']:.3f} | {queries[name, bypass]} | "
            f"{r['errors']} |"
        )
    failed |= ceiling["errors"] > 0
    print(
        f"| ceiling ({size} bytes) | - | {ceiling['rps']:.0f} | {ceiling['p50']:.2f} | "
        f"{ceiling['p99']:.2f} | 1.000 | 0 | {ceiling['errors']} |"
    )
    print(f"\nworker memory after the run: peak {peak:.0f} MB, resident {rss:.0f} MB")
    print(f"gunicorn log: {tmp / 'gunicorn.log'}")
    if failed:
        print("FAILED: wrk reported errors", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
