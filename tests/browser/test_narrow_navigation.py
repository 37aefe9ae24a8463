"""The header navigation on a phone, 320 to 430 px wide: its links stay on one row,
each fully in view or reachable by scrolling the row, and the page never scrolls
sideways."""

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]

WIDTHS = [320, 360, 375, 390, 412, 430]

MEASURE = """() => {
    const list = document.querySelector(".site-nav ul");
    const links = [...list.querySelectorAll("a")];
    return {
        tops: links.map((link) => Math.round(link.getBoundingClientRect().top)),
        overflows: list.scrollWidth > list.clientWidth + 1,
        scrolls: ["auto", "scroll"].includes(getComputedStyle(list).overflowX),
        pageWidth: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
    };
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_the_navigation_is_one_row_that_fits_or_scrolls(new_context, width):
    page = new_context(viewport={"width": width, "height": 800}).new_page()
    page.goto("/")
    found = page.evaluate(MEASURE)
    assert len(set(found["tops"])) == 1, f"the links wrap at {width} px: {found['tops']}"
    assert not found["overflows"] or found["scrolls"], f"links cut off at {width} px"
    assert found["pageWidth"] <= found["viewport"], f"the page scrolls sideways at {width} px"


@pytest.mark.parametrize("width", [375, 412, 430])
def test_the_navigation_fits_a_common_phone_without_scrolling(new_context, width):
    page = new_context(viewport={"width": width, "height": 800}).new_page()
    page.goto("/")
    assert not page.evaluate(MEASURE)["overflows"]


def test_a_link_scrolled_out_of_view_comes_into_view_with_the_keyboard(new_context):
    page = new_context(viewport={"width": 320, "height": 800}).new_page()
    page.goto("/")
    links = page.locator(".site-nav a")
    links.nth(3).focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Authors"
    page.wait_for_timeout(300)  # a smooth scroll, if the browser chose one
    box = links.last.bounding_box()
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= 320
