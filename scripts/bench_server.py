"""The servers and the load of `make bench` (scripts/bench.py): gunicorn started with the
production configuration, wrk, and what a worker holds in memory."""

import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
WORKERS = 2


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(app, port, env, log, ready_path="/healthz"):
    """gunicorn with gunicorn.conf.py (the app preloaded in the master), WORKERS sync
    workers; returns the process once ``ready_path`` answered, and the seconds from the
    start to that first answer."""
    command = [
        str(BIN / "gunicorn"),
        "-c",
        str(ROOT / "gunicorn.conf.py"),
        "--no-control-socket",
        "--workers",
        str(WORKERS),
        "--worker-class",
        "sync",
        "--bind",
        f"127.0.0.1:{port}",
        app,
    ]
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    deadline = started + 60
    while time.perf_counter() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{ready_path}", timeout=30).read()
            return process, time.perf_counter() - started
        except urllib.error.HTTPError:
            # Answering (the ceiling app has no /healthz route and says the same).
            return process, time.perf_counter() - started
        except OSError:
            if process.poll() is not None:
                raise SystemExit(
                    f"gunicorn exited with {process.returncode}; see {log.name}"
                ) from None
            time.sleep(0.01)
    stop(process)
    raise SystemExit("gunicorn did not start")


def stop(process):
    if process and process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def timed_get(url, cookie=None):
    """Milliseconds until the whole answer to one GET of ``url`` arrived."""
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=60) as response:
        response.read()
    return (time.perf_counter() - started) * 1000


def worker_memory(master_pid):
    """Peak and current resident memory of the master's children, in MB: the largest
    worker's."""
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


# A wrk script that makes every request's address new (an extra parameter the page does
# not read): a search the site keeps per address is then searched every time.
FRESH_SCRIPT = """
local prefix = tostring({}):match("0x(%x+)") or "0"
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format(nil, wrk.path .. "&fresh=" .. prefix .. "-" .. counter)
end
"""


def wrk(url, duration, cookie=None, fresh=False):
    # wrk counts a request unanswered in 2 s as an error; a slow page is measured instead,
    # up to gunicorn's own 30 s limit.
    command = ["wrk", "-t2", "-c8", f"-d{duration}s", "--timeout", "30s", "--latency", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    if fresh:
        script = Path(tempfile.gettempdir()) / "historyblog-bench-fresh.lua"
        script.write_text(FRESH_SCRIPT)
        command[1:1] = ["-s", str(script)]
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


def healthz_time(base):
    """The quickest of a few answers of /healthz, in seconds: what "at once" is on this
    machine while nothing else is asked of the server."""
    times = []
    for _ in range(5):
        started = time.monotonic()
        urllib.request.urlopen(f"{base}/healthz", timeout=30).read()
        times.append(time.monotonic() - started)
    return min(times)


def drain(base, quick_time, timeout=30):
    """Waits until the server answers at once again (three answers of /healthz in a row
    within ``quick_time``, or 20 ms): requests that wrk left queued on a slow page must
    not be paid for by the next measurement."""
    limit = max(0.02, quick_time)
    deadline = time.monotonic() + timeout
    quick = 0
    while quick < 3 and time.monotonic() < deadline:
        started = time.monotonic()
        urllib.request.urlopen(f"{base}/healthz", timeout=timeout).read()
        quick = quick + 1 if time.monotonic() - started < limit else 0
        time.sleep(0.1)


def warm_up(base, path, cookies, workers=2):
    """A few requests with each cookie, as many at a time as gunicorn has workers, so
    that each worker has rendered the page (and kept its fragments) before it is
    measured; but not a wrk burst, whose queue on a slow page the next measurement
    would pay for."""

    def ask(cookie):
        request = urllib.request.Request(base + path, headers={"Cookie": cookie} if cookie else {})
        try:
            urllib.request.urlopen(request, timeout=60).read()
        except urllib.error.HTTPError as error:
            if error.code >= 400:
                raise SystemExit(f"{path}: {error.code}") from None

    with ThreadPoolExecutor(workers) as pool:
        for cookie in cookies:
            list(pool.map(ask, [cookie] * 4 * workers))


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
