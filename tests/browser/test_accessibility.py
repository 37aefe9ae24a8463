"""Accessibility in the browser: axe-core finds no WCAG 2.2 A or AA violation on the
reader's pages, in the light and the dark scheme; the keyboard reaches everything in
order, with a skip link and a visible focus.

axe-core is the copy that the axe-playwright-python package bundles; Playwright
injects it through the DevTools protocol, so the pages keep their Content Security
Policy.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from ..sample_site import build_sample_site

pytestmark = [
    pytest.mark.browser,
    # The live server starts before the tests point STATIC_ROOT at a folder that exists.
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]

WCAG_22_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

PAGES = {
    "home": "/",
    "article": "/articles/trotsky-attacked/",
    "day": "/on-this-day/august-20/",
    "tag": "/tags/revolutions/",
    "author": "/authors/ada-quill/",
    "search": "/search/?q=revolution",
    "tag index": "/tags/",
    "author index": "/authors/",
    "year": "/years/44-bc/",
    "timeline": "/timeline/",
    "decade": "/years/1940s/",
    "century": "/centuries/1st-bc/",
    "daily e-mail": "/newsletter/",
    "API docs": "/api/",
    "embed": "/embed/",
    "embedded widget, dark": "/embed/today/?theme=dark&size=large",
    "embedded widget, light": "/embed/today/?theme=light&size=small",
}


def describe(violations):
    return "\n".join(
        f"{violation['id']} ({violation['impact']}): {violation['help']}\n"
        + "".join(
            f"    {node['target']}: {node['failureSummary']}\n" for node in violation["nodes"]
        )
        for violation in violations
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_wcag_violations_on_the_readers_pages(new_context, frozen_day, scheme):
    build_sample_site()
    page = new_context(color_scheme=scheme).new_page()
    axe = Axe()
    found = {}
    for name, path in PAGES.items():
        page.goto(path)
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_A_AA}})
        if results.response["violations"]:
            found[f"{name} ({path})"] = describe(results.response["violations"])
    assert not found, "\n".join(f"{page}:\n{text}" for page, text in found.items())


def focused(page):
    """What has the keyboard focus: its tag, text and closest landmark."""
    return page.evaluate(
        """() => {
            const element = document.activeElement;
            // The innermost landmark first: a header inside <main> is no banner.
            const landmarks = [
                ["main", "main"],
                ["[role=search]", "search"],
                ["nav", "nav"],
                ["body > header", "header"],
                ["body > footer", "footer"],
            ];
            const found = landmarks.find(([selector]) => element.closest(selector));
            return {
                tag: element.tagName.toLowerCase(),
                text: (element.textContent || element.getAttribute("aria-label") || "").trim(),
                landmark: found ? found[1] : null,
            };
        }"""
    )


def test_the_skip_link_shows_on_focus_and_takes_the_keyboard_to_the_content(page):
    build_sample_site()
    page.goto("/articles/trotsky-attacked/")
    skip = page.get_by_role("link", name="Skip to main content")
    box = skip.bounding_box()
    assert box["y"] + box["height"] <= 0, "the skip link shows before it has the focus"

    page.keyboard.press("Tab")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box["y"] >= 0 and box["height"] > 0

    page.keyboard.press("Enter")
    expect(page).to_have_url("/articles/trotsky-attacked/#main")
    expect(page.get_by_role("main")).to_be_focused()
    page.keyboard.press("Tab")
    assert focused(page)["landmark"] == "main"


def test_the_keyboard_goes_through_header_navigation_search_then_content_with_visible_focus(
    page,
):
    build_sample_site()
    page.goto("/")
    order = []
    for _ in range(12):
        page.keyboard.press("Tab")
        element = focused(page)
        style = page.evaluate(
            """() => {
                const style = getComputedStyle(document.activeElement);
                return {outline: style.outlineStyle, width: parseFloat(style.outlineWidth),
                        shadow: style.boxShadow};
            }"""
        )
        visible = (style["outline"] != "none" and style["width"] >= 2) or style["shadow"] != "none"
        assert visible, f"no visible focus on {element}"
        if not order or order[-1] != element["landmark"]:
            order.append(element["landmark"])
        if element["landmark"] == "main":
            break
    # The skip link sits outside the landmarks; the brand is in the header, and so is the
    # random day's link, between the navigation and the search box.
    assert order == [None, "header", "nav", "header", "search", "main"]
