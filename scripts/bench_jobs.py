"""The batch jobs of `make bench` (scripts/bench.py): the daily e-mail's sending
(scripts/bench_digest.py) and the WordPress import (scripts/bench_wordpress.py), each in
a process and a database of its own, each reported per 1,000."""

import os
import re
import subprocess
import sys
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
DIGEST_SUBSCRIBERS = 1000
WORDPRESS_POSTS = 1000


def run(script, env):
    completed = subprocess.run(
        [sys.executable, str(SCRIPTS / script)],
        env=env,
        cwd=SCRIPTS.parent,
        capture_output=True,
        text=True,
    )
    if completed.returncode:
        tail = (completed.stdout + completed.stderr).strip().splitlines()[-5:]
        raise RuntimeError(f"{script} exited with {completed.returncode}: " + " / ".join(tail))
    return completed.stdout


def digest(database_url):
    """(name, value, target, outcome) of sending the daily e-mail to 1,000 subscribers."""
    env = {
        **os.environ,
        "BENCH_DIGEST_DATABASE_URL": database_url,
        "BENCH_SUBSCRIBERS": str(DIGEST_SUBSCRIBERS),
    }
    output = run("bench_digest.py", env)
    seconds = float(re.search(r"([\d.]+) s per 1,000", output).group(1))
    return (
        f"digest send ({DIGEST_SUBSCRIBERS} subscribers, SMTP on 127.0.0.1)",
        f"{seconds:.2f} s per 1,000 e-mails",
        "reported",
        "reported",
    )


def wordpress(database_url):
    """(name, value, target, outcome) of importing an export of 1,000 posts."""
    env = {
        **os.environ,
        "BENCH_WORDPRESS_DATABASE_URL": database_url,
        "BENCH_POSTS": str(WORDPRESS_POSTS),
    }
    env.pop("REDIS_URL", None)
    output = run("bench_wordpress.py", env)
    first = re.search(r"first import: ([\d.]+) s.*?peak memory: (\d+) MB", output)
    seconds = float(first.group(1)) * 1000 / WORDPRESS_POSTS
    return (
        f"WordPress import ({WORDPRESS_POSTS} posts, first import)",
        f"{seconds:.1f} s per 1,000 posts, peak {first.group(2)} MB",
        "reported",
        "reported",
    )


JOBS = {"digest": digest, "wordpress": wordpress}


def run_jobs(names, database_url):
    """The figures of the jobs named, each with a database named after the bench's;
    a job that fails is reported as such, not as the end of the run."""
    figures = []
    for name in names:
        print(f"  {name} ...", flush=True)
        try:
            figures.append(JOBS[name](f"{database_url}_{name}"))
        except (RuntimeError, AttributeError) as error:
            figures.append((name, f"failed: {error}", "reported", "missed"))
    return figures
