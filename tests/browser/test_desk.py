"""The editorial desk in a real browser: an editor opens the coverage grid and the
calendar from the admin's home page, axe finds no WCAG 2.2 A or AA violation on
either (light and dark), a square of the grid opens that day's articles, and the
date picker moves the calendar."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import User
from playwright.sync_api import expect

from desk.tests.helpers import make_idea

from ..factories import make_article, make_author
from .pages import watch_for_problems
from .test_accessibility import WCAG_22_A_AA, describe

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]

PASSWORD = "a-long-test-password"


@pytest.fixture
def editor_page(new_context, frozen_day, request):
    """An editor logged in to the admin, on the 20 August 2026 of frozen_day, with a
    100th anniversary on 20 August and an article on 21 August."""
    # The live server's database is emptied after each test, the roles' groups with it:
    # a superuser stands for the editor.
    editor = User.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    make_author(user=editor, display_name="Ed Itor", slug="ed-itor")
    make_article(title="Hundred years on", event_year=1926, event_month=8, event_day=20)
    make_article(title="The only one", event_year=1950, event_month=8, event_day=21)
    make_idea(title="Fifty years on", event_year=1976, event_month=8, event_day=22)
    page = new_context(
        viewport={"width": 1280, "height": 900}, color_scheme=request.param
    ).new_page()
    page.goto("/admin/")
    page.get_by_label("Username").fill(editor.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    return page


def assert_no_violations(page):
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_A_AA}})
    violations = results.response["violations"]
    assert not violations, describe(violations)


@pytest.mark.parametrize("editor_page", ["light"], indirect=True)
def test_the_coverage_grid_and_the_calendar_are_accessible_and_lead_on(editor_page):
    page = editor_page
    problems = watch_for_problems(page)

    page.locator(".app-desk").get_by_role("link", name="Coverage").first.click()
    expect(page.get_by_role("heading", name="Coverage")).to_be_visible()
    expect(page.locator("a.desk-cell")).to_have_count(366)
    assert_no_violations(page)
    page.get_by_role("link", name="August 21: 1 article").click()
    expect(page).to_have_url(re.compile(r"/admin/articles/article/\?event_month=8&event_day=21"))
    expect(page.locator("#result_list tbody tr")).to_have_count(1)
    expect(page.locator("#result_list")).to_contain_text("The only one")

    page.goto("/admin/")
    page.locator(".app-desk").get_by_role("link", name="Calendar").first.click()
    today = page.locator(".desk-today")
    expect(today).to_contain_text("Thursday, August 20")
    expect(today.locator(".desk-round")).to_have_text("100th")
    expect(page.locator(".desk-day").nth(2)).to_contain_text("Fifty years on")
    assert_no_violations(page)

    page.get_by_label("Start on").fill("2027-02-27")
    page.get_by_role("button", name="Show").click()
    expect(page.locator(".desk-day h3").first).to_have_text("Saturday, February 27")
    assert not problems, problems


@pytest.mark.parametrize("editor_page", ["dark"], indirect=True)
def test_the_desk_pages_are_accessible_in_the_dark_scheme(editor_page):
    for path in ("/admin/desk/coverage/", "/admin/desk/calendar/"):
        editor_page.goto(path)
        assert_no_violations(editor_page)
