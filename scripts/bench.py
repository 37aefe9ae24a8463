#!/usr/bin/env python3
"""`make bench`: the site under load, on PostgreSQL with 100,000 articles, 300,000 briefs
and Redis.

Starts gunicorn with the production configuration (gunicorn.conf.py: the app preloaded in
the master; 2 sync workers) and drives each page with wrk (2 threads, 8 connections) once
served from the page cache and once with the cache bypassed (the signed staff cookie, as
staff send; a search bypassed asks a new address each time, an extra parameter, since the
site keeps each search's answer per address until the next change), then a WSGI app
returning as many bytes as the home page from memory under the same gunicorn settings: the
ceiling. Prints one table of pages and one of the other figures, each against its target
(scripts/bench_report.py), and exits non-zero if wrk saw any error.

Measured (scripts/bench_pages.py): home, article, day, year, decade and century pages
(the span pages; there are no month or era pages), the random day (never cached:
measured once), timeline, tag and tag index, author and author index, each search of
demo.corpus.BENCH_SEARCHES, the briefs' search page, every feed (latest, tag, author, on
this day; RSS and Atom), the sitemap index and a page of its articles, robots.txt, the
newsletter's subscribe and check-your-inbox pages (never cached: once), the API (docs,
index, OpenAPI schema, on this day today and for a day, a day's briefs, the article list
plain and filtered, an article, tags, authors), both calendars (.ics), the widget and
its embedding page, the share cards, and the editorial calendar (/admin/desk/calendar/)
for an editor logged in with a one-time password device (OTP_REQUIRED on, as in
production; never cached: once). Besides: the cold start (gunicorn started to the first
answer of /, with an empty page cache), the first uncached render of the article page
right after, the first request of each search right after seeding (when this run
seeded), the largest worker's memory after the run, the daily e-mail's sending per 1,000
e-mails and the WordPress import per 1,000 posts (scripts/bench_digest.py,
scripts/bench_wordpress.py; each a process and a database of its own).

Left out: article previews and their cards (staff only, for unpublished articles; the
calendar stands for the staff's pages), the newsletter's confirm, preferences and
unsubscribe pages (signed links from e-mails, and POSTs), the subscribe form's POST, the
/on-this-day/ redirect (to today's day page, measured as a day page), /healthz (used to
wait for the server between pages), the API's answer to unknown addresses (a 404), the
other admin pages (their queries are held by tests/test_scale.py), and static files
(nginx serves them).

Environment: BENCH_DATABASE_URL (default a dedicated historyblog_bench database on
127.0.0.1; the jobs use <it>_digest and <it>_wordpress), BENCH_REDIS_URL (default Redis
database 9), BENCH_ARTICLES (100000), BENCH_BRIEFS (300000), BENCH_RESEED (1: seed
again from scratch), BENCH_DURATION (seconds per page, 5: about 10 minutes in all once
seeded), BENCH_PAGES (names to measure, comma-separated, "feed" for every feed-…;
default all), BENCH_JOBS (digest,wordpress by default, none when BENCH_PAGES is given;
empty to skip).
"""

import os
import sys
import tempfile
import time
from pathlib import Path

import bench_jobs
import bench_pages
import bench_report
import bench_server

ROOT = Path(__file__).resolve().parent.parent
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/historyblog_bench"
)
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9")
ARTICLES = int(os.environ.get("BENCH_ARTICLES", "100000"))
BRIEFS = int(os.environ.get("BENCH_BRIEFS", "300000"))
RESEED = os.environ.get("BENCH_RESEED", "") == "1"
DURATION = int(os.environ.get("BENCH_DURATION", "5"))
JOBS = os.environ.get(
    "BENCH_JOBS", "" if os.environ.get("BENCH_PAGES") else "digest,wordpress"
).split(",")


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
    """Migrates and seeds what is missing; returns whether this run seeded."""
    from django.core.management import call_command

    from articles.models import Article
    from briefs.models import Brief

    call_command("migrate", verbosity=0, interactive=False)
    clear = ["--clear"] if RESEED else []
    have = 0 if RESEED else Article.objects.filter(slug__startswith="seed-").count()
    seeded = False
    if have < ARTICLES:
        print(f"seeding {ARTICLES - have} articles ...", flush=True)
        call_command("seed_articles", str(ARTICLES - have), *clear)
        seeded = True
    have = 0 if RESEED else Brief.objects.filter(text__startswith="Seeded brief").count()
    if have < BRIEFS:
        print(f"seeding {BRIEFS - have} briefs ...", flush=True)
        call_command("seed_briefs", str(BRIEFS - have), *clear)
        seeded = True
    if seeded and not settled_by_seeding():
        # As autovacuum would, in time: fresh rows without statistics or visibility
        # information make every scan several times slower than on a live site.
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    call_command("collectstatic", verbosity=0, interactive=False)
    return seeded


def settled_by_seeding():
    """Whether the seed commands settle what they wrote themselves (historyblog.settle:
    the GIN pending lists cleaned, statistics and visibility map made)."""
    try:
        import historyblog.settle  # noqa: F401
    except ImportError:
        return False
    return True


def first_searches():
    """The figures of each search's first request right after seeding (in this process,
    rendered: the cache bypassed), once the page templates are loaded."""
    from django.test import Client

    client = Client(HTTP_COOKIE=bench_pages.bypass_cookie())
    for path in ("/", "/search/"):
        client.get(path, SERVER_NAME="127.0.0.1")
    figures = []
    for name, query in bench_pages.searches():
        started = time.perf_counter()
        response = client.get("/search/", {"q": query}, SERVER_NAME="127.0.0.1")
        ms = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, (query, response.status_code)
        figures.append(
            (f"first {name} right after seeding", f"{ms:.0f} ms", "reported", "reported")
        )
    return figures


def count_all(targets, staff):
    """{(name, cached): queries} of every row to measure."""
    queries = {}
    for name, path, kind in targets:
        for cached in (True, False) if kind in ("page", "search", "broad") else (False,):
            cookie = bench_pages.cookie_for(kind, not cached, staff)
            # The random day redirects to a day's page.
            statuses = (302,) if name == "random-day" else (200,)
            counted = path + "&fresh=count" if fresh_query(kind, cached) else None
            queries[name, cached] = bench_pages.count_queries(path, cookie, statuses, counted)[0]
    return queries


def fresh_query(kind, cached):
    """Whether the row asks a search never asked before on every request: the site keeps
    a search's answer per address until the next change, so the same address again
    would measure that answer, not a search."""
    return kind in ("search", "broad") and not cached


def measure(base, targets, queries, staff):
    """A row per page and cache state: (name, kind, cached, queries, wrk's result)."""
    bypass = bench_pages.bypass_cookie()
    # Three times the quickest answer of a server at rest: quick enough, and reachable on
    # a machine that has other work.
    quick_time = 3 * bench_server.healthz_time(base)
    rows = []
    for name, path, kind in targets:
        # Just before the page is measured: every worker has rendered it, and kept its
        # fragments, as on a site that has served it since the last change.
        bench_server.warm_up(base, path, [staff] if kind == "staff" else [None, bypass])
        for cached in (True, False) if kind in ("page", "search", "broad") else (False,):
            bench_server.drain(base, quick_time)
            cookie = bench_pages.cookie_for(kind, not cached, staff)
            fresh = fresh_query(kind, cached)
            result = bench_server.wrk(base + path, DURATION, cookie, fresh)
            rows.append((name, kind, cached, queries[name, cached], result))
            label = "cached" if cached else "uncached"
            print(f"  {name:18} {label:8} {result['rps']:8.0f}/s", flush=True)
    return rows


def main():
    import shutil

    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: install it with `apt-get install -y wrk` (Debian).")
    tmp = Path(tempfile.mkdtemp(prefix="historyblog-bench-"))
    port = bench_server.free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "bench-only-secret-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": base,
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "PAGE_CACHE": "true",
        "OTP_REQUIRED": "true",
        "STATIC_ROOT": str(tmp / "static"),
        "MEDIA_ROOT": str(tmp / "media"),
        "LOG_LEVEL": "warning",
    }
    create_database()
    # This process seeds with the demo app's seed_articles; the gunicorn servers it
    # measures run without the demo app, as production does.
    setup_django({**env, "DEMO": "true"})
    seeded = prepare()
    from django.core.cache import cache

    cache.clear()  # the dedicated Redis database only
    figures = first_searches() if seeded else []
    targets = bench_pages.pages()
    staff = bench_pages.staff_cookie()
    queries = count_all(targets, staff)
    size = bench_pages.count_queries("/", None)[1]
    article = bench_pages.sample_article().get_absolute_url()
    cache.clear()  # the cold start renders the home page
    server = None
    log = open(tmp / "gunicorn.log", "w")  # noqa: SIM115 (closed in finally)
    try:
        server, cold = bench_server.start_gunicorn(
            "historyblog.wsgi:application", port, env, log, ready_path="/"
        )
        first_render = bench_server.timed_get(base + article, bench_pages.bypass_cookie())
        figures[:0] = [
            (
                "cold start: gunicorn started to the first answer of /",
                f"{cold:.2f} s",
                "reported",
                "reported",
            ),
            (
                "first uncached render of the article page after it",
                f"{first_render:.0f} ms",
                "reported",
                "reported",
            ),
        ]
        rows = measure(base, targets, queries, staff)
        figures.append(bench_report.memory_figure(*bench_server.worker_memory(server.pid)))
        bench_server.stop(server)
        server, _seconds = bench_server.start_gunicorn(
            "ceiling_app:application",
            port,
            {**env, "CEILING_BYTES": str(size), "PYTHONPATH": str(ROOT / "scripts")},
            log,
        )
        bench_server.wrk(f"{base}/", 1)
        ceiling = bench_server.wrk(f"{base}/", DURATION)
    finally:
        bench_server.stop(server)
        log.close()
    figures += bench_jobs.run_jobs([job for job in JOBS if job], DATABASE_URL)
    print(f"\n{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {bench_server.machine()}")
    print(
        f"{ARTICLES} articles, {BRIEFS} briefs; wrk -t2 -c8 -d{DURATION}s; "
        f"gunicorn {bench_server.WORKERS} sync workers\n"
    )
    print("\n".join(bench_report.page_table(rows, ceiling, size)))
    print()
    print("\n".join(bench_report.other_table(figures)))
    print(f"\ngunicorn log: {tmp / 'gunicorn.log'}")
    if ceiling["errors"] or any(row[4]["errors"] for row in rows):
        print("FAILED: wrk reported errors", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
