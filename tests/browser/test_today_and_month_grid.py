"""The home page's Today and the day page's month grid in the browser: at a phone's
width and a desktop's, in the light and the dark scheme, axe finds no WCAG 2.2 A or AA
violation, the lead's picture is there and loaded, nothing scrolls sideways; a reader
moves through the month grid with the mouse and the keyboard."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from ..sample_site import build_sample_site
from .pages import LOADED_IMAGE, overflows_horizontally, watch_for_problems
from .test_accessibility import WCAG_22_A_AA, describe

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [375, 1280])
def test_todays_lead_briefs_and_coming_up_read_well(new_context, frozen_day, width, scheme):
    build_sample_site()
    page = new_context(viewport={"width": width, "height": 900}, color_scheme=scheme).new_page()
    problems = watch_for_problems(page)
    page.goto("/")

    today = page.locator("section.today")
    lead = today.locator(".today-lead")
    expect(lead.get_by_role("heading", level=3)).to_have_text("Trotsky is attacked in Mexico City")
    picture = lead.locator("img.today-lead-picture")
    expect(picture).to_be_visible()
    assert picture.evaluate(LOADED_IMAGE), "the lead's picture did not load"
    box = picture.bounding_box()
    # Large: the width of the column (at least 90% of a phone's width, 40 rem on a desktop).
    assert box["width"] >= (0.85 * width if width < 600 else 640), box
    assert box["y"] < 900, "the lead's picture is below the first screen"
    briefs = today.locator(".today-briefs")
    expect(briefs.get_by_role("heading", name="Also on this day")).to_be_visible()
    expect(briefs.get_by_role("heading", name="Events")).to_be_visible()
    expect(briefs.get_by_role("heading", name="Births")).to_be_visible()
    expect(briefs).to_contain_text("Don King is born in Cleveland.")
    expect(page.get_by_role("heading", name="What happened on your birthday?")).to_be_visible()

    assert not overflows_horizontally(page), f"the home page scrolls sideways at {width} px"
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_A_AA}})
    assert not results.response["violations"], describe(results.response["violations"])
    assert problems == []


def test_the_month_grid_leads_to_a_day_and_to_the_next_month(page, frozen_day):
    build_sample_site()
    problems = watch_for_problems(page)
    page.goto("/on-this-day/august-20/")
    grid = page.get_by_role("navigation", name="Every day of August")
    current = grid.locator('a[aria-current="page"]')
    expect(current).to_have_accessible_name("August 20")
    expect(grid.locator("a.has-entries")).to_have_count(2)  # the 19th and the 20th

    grid.get_by_role("link", name="August 19", exact=True).click()
    expect(page).to_have_url("/on-this-day/august-19/")
    expect(page.get_by_role("heading", level=1)).to_have_text("August 19")
    expect(page.get_by_text("The August coup begins in Moscow")).to_be_visible()

    page.get_by_role("navigation", name="Every day of August").get_by_role(
        "link", name="September"
    ).click()
    expect(page).to_have_url("/on-this-day/september-19/")
    grid = page.get_by_role("navigation", name="Every day of September")
    expect(grid.locator("ol.month-days a")).to_have_count(30)

    # The keyboard reaches the days in order, and Enter follows one.
    grid.get_by_role("link", name="September 3,", exact=False).first.focus()
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_accessible_name("September 4, nothing yet")
    page.keyboard.press("Enter")
    expect(page).to_have_url("/on-this-day/september-4/")
    assert not overflows_horizontally(page)
    assert problems == []


def test_the_month_grid_fits_a_phone(new_context, frozen_day):
    build_sample_site()
    page = new_context(viewport={"width": 375, "height": 800}).new_page()
    page.goto("/on-this-day/august-20/")
    days = page.locator("ol.month-days a")
    expect(days).to_have_count(31)
    tops = {round(days.nth(index).bounding_box()["y"]) for index in range(31)}
    assert len(tops) == 4, tops  # rows of ten: 1-10, 11-20, 21-30, 31
    for index in (0, 30):
        box = days.nth(index).bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, box  # WCAG 2.2's target size
    assert not overflows_horizontally(page)
