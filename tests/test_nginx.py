"""The deploy guide's nginx server block, run for real in front of a production gunicorn:
pages, feeds and the sitemap leave compressed, static files keep whitenoise's own
compression, small answers and clients that ask for nothing stay as they are.

The server block is read from docs/deploy.md itself, so the guide and this test cannot
drift apart; only what a test cannot have is changed (TLS, the addresses, the media
folder), each change checked to apply exactly once. nginx is Debian's (apt-get install
nginx, and libnginx-mod-http-brotli-filter and brotli for the brotli test). Without it
these tests skip, except under CI=true, where they fail.
"""

import gzip
import http.client
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .servers import (
    REPO,
    Browser,
    Gunicorn,
    Nginx,
    Response,
    free_port,
    production_env,
    set_up_site,
)

NGINX = Path(shutil.which("nginx") or "/usr/sbin/nginx")
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so")
BROTLI = shutil.which("brotli")  # Debian's brotli tool, to decompress what nginx sends

SETUP = """
from articles.models import Article, Author
from articles.search import update_search_vector
author = Author.objects.create(display_name="Ada Clerk", slug="ada-clerk")
article = Article.objects.create(
    title="Rosetta Stone Found", slug="rosetta-stone-found", event_year=1799,
    event_month=7, event_day=15, author=author, status="published",
    body="Soldiers of the French army found a stone near Rashid. " * 20,
)
article.tags.add("Egypt", "Writing")
update_search_vector(Article.objects.all())
"""

# Answers gunicorn renders, each of a type nginx must compress, each over the minimum
# length (robots.txt and /healthz are under it: see test_small_answers_stay_as_they_are).
COMPRESSED = [
    "/",
    "/articles/rosetta-stone-found/",
    "/feeds/latest/",
    "/feeds/latest/atom/",
    "/sitemap.xml",
]
SMALL = ["/robots.txt", "/healthz"]


def unavailable(reason):
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI runs the nginx tests, but {reason}")
    pytest.skip(reason)


def replaced_once(text, old, new):
    assert text.count(old) == 1, (
        f"the guide's nginx server block no longer has {old!r} once: "
        "update tests/test_nginx.py with it"
    )
    return text.replace(old, new)


def guide_server_block():
    """The HTTPS server block of docs/deploy.md's "nginx in front", as written there."""
    guide = (REPO / "docs" / "deploy.md").read_text()
    section = guide.split("### nginx in front", 1)[1]
    config = section.split("```nginx\n", 1)[1].split("```", 1)[0]
    blocks = re.findall(r"^server \{\n.*?^\}$", config, flags=re.MULTILINE | re.DOTALL)
    [block] = [block for block in blocks if "listen 443 ssl http2;" in block]
    return block


def server_block_for_test(*, port, upstream_port, media_root, brotli):
    """The guide's server block over plain HTTP on 127.0.0.1:``port``, passing to
    gunicorn on ``upstream_port``; without ``brotli``, its brotli directives left out,
    as the guide says to do where the module is missing."""
    block = guide_server_block()
    block = replaced_once(block, "    listen 443 ssl http2;\n", f"    listen 127.0.0.1:{port};\n")
    block = replaced_once(block, "    listen [::]:443 ssl http2;\n", "")
    block = replaced_once(
        block, "proxy_pass http://127.0.0.1:8000;", f"proxy_pass http://127.0.0.1:{upstream_port};"
    )
    block = replaced_once(block, "alias /srv/historyblog/media/;", f"alias {media_root}/;")
    if not brotli:
        block, count = re.subn(r"^ *brotli\w* [^;]*;\n", "", block, flags=re.MULTILINE)
        assert count == 4, block
    return block


def nginx_conf(prefix, server_block, *, brotli):
    """A whole nginx configuration around ``server_block``, everything under ``prefix``."""
    main = [f"load_module {BROTLI_MODULE};"] if brotli else []
    if os.geteuid() == 0:
        # Workers would otherwise run as nobody, who cannot enter pytest's folders.
        main.append("user root;")
    temporary = "\n".join(
        f"    {kind}_temp_path {prefix}/{kind}_temp;"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return "\n".join(
        [
            *main,
            f"pid {prefix}/nginx.pid;",
            f"error_log {prefix}/error.log info;",
            "worker_processes 1;",
            "events { worker_connections 64; }",
            "http {",
            f"    access_log {prefix}/access.log;",
            temporary,
            server_block,
            "}",
            "",
        ]
    )


@pytest.fixture(scope="module")
def site_files(tmp_path_factory):
    """A production environment with its static files collected and one article. nginx
    is reached over plain HTTP here, so the redirect to HTTPS is off."""
    folder = tmp_path_factory.mktemp("nginx-site")
    env = production_env(folder, SECURE_SSL_REDIRECT="false")
    set_up_site(env, SETUP)
    return folder, env


@pytest.fixture(scope="module")
def gunicorn(site_files):
    folder, env = site_files
    server = Gunicorn(env, workers=1, log_path=folder / "gunicorn.log")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def nginx_binary():
    if not NGINX.exists():
        unavailable(f"no nginx at {NGINX}: apt-get install nginx")
    return NGINX


@pytest.fixture(scope="module")
def nginx(nginx_binary, gunicorn, site_files, tmp_path_factory):
    prefix = tmp_path_factory.mktemp("nginx")
    port = free_port()
    brotli = BROTLI_MODULE.exists()
    block = server_block_for_test(
        port=port,
        upstream_port=gunicorn.port,
        media_root=site_files[0] / "media",
        brotli=brotli,
    )
    conf = prefix / "nginx.conf"
    conf.write_text(nginx_conf(prefix, block, brotli=brotli))
    server = Nginx(nginx_binary, prefix=prefix, conf=conf, port=port)
    server.brotli = brotli
    yield server
    server.stop()


@pytest.fixture
def reader(nginx):
    """A client of nginx, as a reader's browser is."""
    return Browser(nginx.port, Host="history.example.org")


@pytest.fixture
def upstream(gunicorn):
    """A client of gunicorn with the headers nginx adds, for what nginx was sent."""
    return Browser(
        gunicorn.port,
        **{
            "Host": "history.example.org",
            "X-Forwarded-For": "127.0.0.1",
            "X-Forwarded-Proto": "http",
        },
    )


def vary(response):
    return {
        token.strip().lower()
        for header in response.headers.get_all("Vary") or []
        for token in header.split(",")
    }


def get_asking_for_no_encoding(port, path):
    """GET ``path`` with no Accept-Encoding header at all (http.client otherwise sends
    ``Accept-Encoding: identity``)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.putrequest("GET", path, skip_host=True, skip_accept_encoding=True)
        connection.putheader("Host", "history.example.org")
        connection.endheaders()
        return Response(connection.getresponse())
    finally:
        connection.close()


@pytest.mark.parametrize("path", COMPRESSED)
def test_pages_feeds_and_sitemap_are_gzipped(reader, upstream, path):
    sent = upstream.get(path, **{"Accept-Encoding": "gzip"})
    assert sent.status == 200
    assert "Content-Encoding" not in sent.headers  # the app itself compresses nothing

    response = reader.get(path, **{"Accept-Encoding": "gzip"})

    assert response.status == 200
    assert response["Content-Type"] == sent["Content-Type"]
    assert response["Content-Encoding"] == "gzip"
    assert "accept-encoding" in vary(response)
    assert gzip.decompress(response.body) == sent.body
    assert len(response.body) < len(sent.body)


def test_requests_through_a_cdn_are_gzipped_too(reader):
    # nginx leaves a response to a request with a Via header uncompressed, unless told.
    response = reader.get("/", **{"Accept-Encoding": "gzip", "Via": "1.1 cdn.example.net"})
    assert response["Content-Encoding"] == "gzip"


@pytest.mark.parametrize("path", SMALL)
def test_small_answers_stay_as_they_are(reader, upstream, path):
    # Under the guide's gzip_min_length (256 bytes), gzip adds more than it saves:
    # robots.txt is about 80 bytes, and would be 96 gzipped.
    sent = upstream.get(path, **{"Accept-Encoding": "gzip"})
    assert len(sent.body) < 256

    response = reader.get(path, **{"Accept-Encoding": "gzip"})

    assert response.status == 200
    assert "Content-Encoding" not in response.headers
    assert response.body == sent.body


@pytest.mark.parametrize("path", [*COMPRESSED, "stylesheet"])
def test_nothing_is_compressed_for_a_client_that_asks_for_nothing(nginx, upstream, path):
    if path == "stylesheet":
        path = stylesheet_url(upstream)
    sent = upstream.get(path)

    response = get_asking_for_no_encoding(nginx.port, path)

    assert response.status == 200
    assert "Content-Encoding" not in response.headers
    assert response.body == sent.body


def stylesheet_url(client):
    """The site's stylesheet, under its hashed name, as the home page links to it."""
    return re.search(r'href="(/static/css/site\.[0-9a-f]+\.css)"', client.get("/").text)[1]


@pytest.mark.parametrize("accept_encoding", ["gzip", "gzip, deflate, br"])
def test_static_files_keep_whitenoise_compression(reader, upstream, site_files, accept_encoding):
    path = stylesheet_url(upstream)
    precompressed = site_files[0] / f"{path.removeprefix('/')}.gz"  # STATIC_ROOT is static/

    response = reader.get(path, **{"Accept-Encoding": accept_encoding})

    assert response.status == 200
    assert response["Content-Encoding"] == "gzip"
    assert "accept-encoding" in vary(response)
    assert response.body == precompressed.read_bytes()  # whitenoise's file, untouched
    assert response["Cache-Control"] == "max-age=315360000, public, immutable"


@pytest.mark.parametrize("path", COMPRESSED)
def test_brotli_when_asked_for(nginx, reader, upstream, path):
    if not nginx.brotli:
        unavailable(
            f"no brotli module at {BROTLI_MODULE}: apt-get install libnginx-mod-http-brotli-filter"
        )
    if not BROTLI:
        unavailable("no brotli tool to decompress with: apt-get install brotli")
    sent = upstream.get(path, **{"Accept-Encoding": "br"})

    response = reader.get(path, **{"Accept-Encoding": "br"})

    assert response.status == 200
    assert response["Content-Encoding"] == "br"
    assert "accept-encoding" in vary(response)
    decompressed = subprocess.run(
        [BROTLI, "--decompress", "--stdout"],
        input=response.body,
        capture_output=True,
        check=True,
        timeout=30,
    ).stdout
    assert decompressed == sent.body
