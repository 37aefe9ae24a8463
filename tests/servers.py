"""Real processes for the production tests: manage.py commands and gunicorn servers,
run with an environment of their own, as an operator would run them."""

import contextlib
import http.client
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

from lxml import html

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def production_env(tmp_path, **variables):
    """The environment of a production server: DEBUG off, a long random SECRET_KEY, an
    https SITE_URL behind one trusted proxy; nothing taken from the test run's own
    environment (its DATABASE_URL, REDIS_URL, SECRET_KEY) but PATH and HOME."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", str(tmp_path)),
        "LANG": "C.UTF-8",
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "history.example.org,127.0.0.1",
        "SITE_URL": "https://history.example.org",
        "CSRF_TRUSTED_ORIGINS": "https://history.example.org",
        "TRUSTED_PROXY_COUNT": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "STATIC_ROOT": str(tmp_path / "static"),
    }
    env.update(variables)
    return env


def service_env(**variables):
    """The environment for a service a test starts (Redis, PostgreSQL, nginx): the test
    run's own, without libfaketime, so a service keeps the real clock when the suite
    runs under a shifted one (`make test-clock`), as a real service would."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name != "LD_PRELOAD" and not name.startswith("FAKETIME")
    }
    env.update(variables)
    return env


def set_up_site(env, setup):
    """Prepares a site as an operator would (static files collected, the database
    migrated), then runs the Python ``setup`` in ``manage.py shell``; returns the last
    line it printed (an id, say)."""
    manage(env, "collectstatic", "--noinput")
    manage(env, "migrate", "--noinput")
    printed = manage(env, "shell", "-c", setup).splitlines()
    return printed[-1] if printed else ""


def wait_for_port(port, process, name, output, timeout=20):
    """Returns once ``process`` accepts connections on 127.0.0.1:``port``; raises with
    ``output()`` if it exits or does not within ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited:\n{output()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{name} did not start in {timeout} s:\n{output()}")


def manage(env, *args, timeout=120):
    """Runs ``manage.py *args``; returns its output, or fails with what it printed."""
    finished = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert finished.returncode == 0, finished.stdout + finished.stderr
    return finished.stdout


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """A server process of the test's own, its output in ``log_path``, started and
    waited for until it accepts connections on 127.0.0.1:``port``; stopped by its PID,
    never by name (``stop()``, which subclasses write)."""

    name = "server"

    def start(self, command, *, port, log_path, env, cwd=None):
        self.port = port
        self.log_path = Path(log_path)
        self.log = open(log_path, "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=self.log, stderr=subprocess.STDOUT
        )
        try:
            self.wait_until_up()
        except Exception:
            self.stop()
            raise

    def wait_until_up(self, timeout=20):
        wait_for_port(self.port, self.process, self.name, self.output, timeout)

    def output(self):
        if not self.log.closed:
            self.log.flush()
        return self.log_path.read_text(errors="replace")


class Gunicorn(Server):
    """A gunicorn server started with the repository's gunicorn.conf.py; stopped by its
    PID (and only that process group's master), never by name."""

    name = "gunicorn"

    def __init__(self, env, *, workers=1, log_path):
        port = free_port()
        self.start(
            [
                PYTHON,
                "-m",
                "gunicorn",
                "--config",
                "gunicorn.conf.py",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(workers),
                "--no-control-socket",
            ],
            port=port,
            log_path=log_path,
            env=env,
            cwd=REPO,
        )

    def output_once(self, predicate, timeout=10):
        """The output as soon as ``predicate(output)`` holds: gunicorn writes its access
        line after the response has gone, so a reader may be quicker than the log."""
        deadline = time.monotonic() + timeout
        while not predicate(output := self.output()) and time.monotonic() < deadline:
            time.sleep(0.05)
        return output

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)  # the master stops its workers
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.log.close()


class Nginx(Server):
    """nginx in the foreground (``-g 'daemon off;'``) with the configuration file
    ``conf``, whose server listens on 127.0.0.1:``port`` and whose pid, logs and
    temporary files are all under ``prefix``; stopped by its master's PID, never by
    name. Its error log is expected at ``prefix``/error.log."""

    name = "nginx"

    def __init__(self, binary, *, prefix, conf, port):
        self.prefix = Path(prefix)
        self.start(
            [str(binary), "-p", str(prefix), "-c", str(conf), "-g", "daemon off;"],
            port=port,
            log_path=self.prefix / "nginx.out",
            env=service_env(),
        )

    def output(self):
        """What nginx printed, then its error log."""
        error_log = self.prefix / "error.log"
        return super().output() + (
            error_log.read_text(errors="replace") if error_log.exists() else ""
        )

    def stop(self):
        # SIGQUIT: the master lets its workers finish their requests, then exits; SIGTERM
        # makes it stop them at once; SIGKILL, the master alone, is the last resort.
        for stop_signal, timeout in ((signal.SIGQUIT, 10), (signal.SIGTERM, 5)):
            if self.process.poll() is None:
                self.process.send_signal(stop_signal)
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self.process.wait(timeout=timeout)
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        self.log.close()


class Response:
    def __init__(self, raw):
        self.status = raw.status
        self.headers = raw.headers
        self.body = raw.read()

    @property
    def text(self):
        return self.body.decode()

    def __getitem__(self, name):
        return self.headers[name]


class Browser:
    """Just enough of a browser: keeps cookies, sends them back, follows no redirect."""

    def __init__(self, port, **default_headers):
        self.port = port
        self.cookies = {}
        self.default_headers = default_headers

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        all_headers = {**self.default_headers, **(headers or {})}
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        try:
            connection.request(method, path, body=body, headers=all_headers)
            response = Response(connection.getresponse())
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return response

    def get(self, path, **headers):
        return self.request("GET", path, headers=headers)

    def head(self, path, **headers):
        return self.request("HEAD", path, headers=headers)

    def post(self, path, body, **headers):
        return self.request(
            "POST",
            path,
            body=body,
            headers={"Content-Type": "application/x-www-form-urlencoded", **headers},
        )


class RedisServer:
    """A redis-server of the test's own on a free port of 127.0.0.1, on the real clock;
    paused, resumed and stopped by its PID, never by name."""

    def __init__(self, folder):
        self.port = free_port()
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(folder),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=service_env(),
        )
        deadline = time.monotonic() + 10
        while self.command("ping") != "PONG":
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.stop()
                raise RuntimeError("redis-server did not start")
            time.sleep(0.05)

    def command(self, *args):
        return subprocess.run(
            ["redis-cli", "-p", str(self.port), *args],
            capture_output=True,
            text=True,
            env=service_env(),
            timeout=10,
        ).stdout.strip()

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def pause(self):
        self.process.send_signal(signal.SIGSTOP)

    def resume(self):
        self.process.send_signal(signal.SIGCONT)

    def stop(self):
        if self.process.poll() is None:
            self.resume()
            self.process.terminate()
            self.process.wait(timeout=10)


def log_in(browser, password, username="ops"):
    """Logs ``browser`` in to the admin with the login form, as a person would."""
    page = browser.get("/admin/login/")
    token = html.fromstring(page.body).forms[0].fields["csrfmiddlewaretoken"]
    response = browser.post(
        "/admin/login/?next=/admin/",
        urlencode(
            {
                "csrfmiddlewaretoken": token,
                "username": username,
                "password": password,
                "next": "/admin/",
            }
        ),
    )
    assert response.status == 302, response.text


def submit_change_form(browser, path, **changes):
    """Posts the admin form at ``path`` as a browser would: every field as the page
    filled it in, with ``changes`` made, saved with the Save button."""
    page = browser.get(path)
    assert page.status == 200, page.text
    form = next(f for f in html.fromstring(page.body).forms if f.get("id") == "article_form")
    fields = [(name, value) for name, value in form.form_values() if name not in changes]
    fields += [*changes.items(), ("_save", "Save")]
    response = browser.post(path, urlencode(fields))
    assert response.status == 302, response.text
    assert response["Location"] == "/admin/articles/article/"
