#!/usr/bin/env python3
"""The WordPress import's time and memory on a generated export (not a test).

Writes an export of BENCH_POSTS posts (10,000; each a Gutenberg post of six paragraphs
with its date in the title, a category and a tag) into a temporary folder, imports it
with `manage.py import_wordpress` into BENCH_WORDPRESS_DATABASE_URL (default PostgreSQL
database hb_wp on 127.0.0.1, migrated first; the posts of an earlier run are deleted), then
imports it again, when every post is unchanged. Prints the time, posts per second and
the import process's peak memory (its maximum resident set size) for both runs.
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wordpress.tests.generated import write_export  # noqa: E402 (plain Python)

DATABASE_URL = os.environ.get(
    "BENCH_WORDPRESS_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/hb_wp"
)
POSTS = int(os.environ.get("BENCH_POSTS", "10000"))

# Runs in a child process, so that its peak memory is the import's own.
IMPORT = """
import resource, sys, django
django.setup()
from django.core.management import call_command
call_command("import_wordpress", sys.argv[1])
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f"peak memory: {peak / 1024:.0f} MB")
"""

CLEAR = """
import django
django.setup()
from articles.models import Article
Article.objects.filter(wordpress_post__site="https://generated.example").delete()
"""


def create_database():
    import psycopg

    name = DATABASE_URL.rsplit("/", 1)[1]
    server = DATABASE_URL.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as connection:
        if not connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def python(code, *args, env):
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def main():
    env = {
        **os.environ,
        "DATABASE_URL": DATABASE_URL,
        "SECRET_KEY": "benchmark-only-secret",
        "DJANGO_SETTINGS_MODULE": "historyblog.settings",
        "PAGE_CACHE": "false",
        "LOG_LEVEL": "WARNING",
    }
    with tempfile.TemporaryDirectory() as folder:
        env["MEDIA_ROOT"] = folder
        export = Path(folder) / "export.xml"
        with export.open("w") as file:
            write_export(file, POSTS)
        size = export.stat().st_size / 1_000_000
        if DATABASE_URL.startswith("postgres"):
            create_database()
        migrate = [sys.executable, "manage.py", "migrate", "--noinput", "-v0"]
        subprocess.run(migrate, env=env, cwd=ROOT, check=True)
        python(CLEAR, env=env)
        print(f"{POSTS} posts, {size:.1f} MB export, {DATABASE_URL.split('@')[-1]}")
        for run in ("first import", "second import (unchanged)"):
            start = time.perf_counter()
            output = python(IMPORT, str(export), env=env)
            seconds = time.perf_counter() - start
            summary = [
                line for line in output.splitlines() if line.startswith(("Articles", "peak"))
            ]
            print(f"{run}: {seconds:.1f} s, {POSTS / seconds:.0f} posts/s; " + "; ".join(summary))
        python(CLEAR, env=env)


if __name__ == "__main__":
    main()
