"""Real Chromium, driven by Playwright, against pytest-django's live server.

Chromium is Debian's (/usr/bin/chromium, or CHROMIUM_PATH), never one that Playwright
downloads. Without it these tests skip, except under CI=true, where they fail. One
browser serves the whole session; each test gets fresh contexts. A failing test leaves
a screenshot of each of its pages in test-artifacts/.
"""

import os
import re
from pathlib import Path

import pytest
import time_machine
from django.conf import settings

from ..sample_site import FROZEN_NOW

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    # Each phase's report on the test item, for the screenshot fixture to read.
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def unavailable(reason):
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI runs the browser tests, but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        unavailable(f"no Chromium at {CHROMIUM}: apt-get install chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable('Playwright is not installed: pip install -e ".[dev]"')
    # Playwright's sync API runs an event loop in this thread, which Django would
    # otherwise take for async code and refuse the ORM to.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def new_context(browser, live_server, request):
    """``new_context(**options)``: a browser context on the live server; ``base_url``
    is set, so pages go to paths (``page.goto("/")``). Closed after the test, with a
    screenshot of each of its pages if the test failed."""
    contexts = []

    def new_context(**options):
        context = browser.new_context(base_url=live_server.url, **options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context

    yield new_context

    report = getattr(request.node, "report_call", None)
    failed = report is None or report.failed
    for number, context in enumerate(contexts):
        for page_number, page in enumerate(context.pages):
            if failed:
                save_screenshot(page, request.node.nodeid, f"{number}-{page_number}")
        context.close()


@pytest.fixture
def page(new_context):
    """A page in a desktop-sized, light-scheme context."""
    return new_context(viewport={"width": 1280, "height": 900}).new_page()


def save_screenshot(page, nodeid, suffix):
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid.split("/")[-1])
    ARTIFACTS.mkdir(exist_ok=True)
    try:
        page.screenshot(path=ARTIFACTS / f"{name}-{suffix}.png", full_page=True)
    except Exception as error:  # a crashed page has no screenshot; the failure says why
        print(f"No screenshot of {page.url}: {error}")


@pytest.fixture
def frozen_day():
    """The clock at FROZEN_NOW (20 August 2026), ticking; the live server's thread
    shares this process's clock, so its "today" is that day too."""
    with time_machine.travel(FROZEN_NOW, tick=True):
        yield FROZEN_NOW
