"""A reader on 20 August 2026: today's anniversaries, an article, a tag, the day before,
the search box, the copy-link button; small screens and the dark scheme."""

import pytest
from playwright.sync_api import expect

from ..sample_site import build_sample_site
from .pages import (
    LOADED_IMAGE,
    is_dark,
    overflows_horizontally,
    stylesheet_applied,
    watch_for_problems,
)

pytestmark = [
    pytest.mark.browser,
    # The live server starts before the tests point STATIC_ROOT at a folder that exists.
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]


def test_a_reader_follows_todays_anniversary_to_a_tag_the_day_before_and_a_search(
    page, frozen_day
):
    build_sample_site()
    problems = watch_for_problems(page)

    page.goto("/")
    assert stylesheet_applied(page)
    widget = page.locator("section.today")
    expect(widget.get_by_role("heading", level=2)).to_have_text("August 20")
    # The day's only article leads Today in History.
    anniversary = widget.locator(".today-lead", has_text="Trotsky is attacked in Mexico City")
    expect(anniversary).to_contain_text("1940")
    expect(anniversary).to_contain_text("86 years ago")

    anniversary.get_by_role("link", name="Trotsky is attacked in Mexico City").click()
    expect(page).to_have_url("/articles/trotsky-attacked/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Trotsky is attacked in Mexico City")
    picture = page.locator(".article-figure img")
    expect(picture).to_have_attribute("alt", "A drawing of the house in Coyoacán")
    # The link click returns once the page is there, not once its picture has loaded.
    assert picture.evaluate(LOADED_IMAGE)
    expect(page.locator(".footnotes")).to_contain_text("The Prophet Outcast")

    page.locator(".article-tags").get_by_role("link", name="Revolutions").click()
    expect(page).to_have_url("/tags/revolutions/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Revolutions")
    assert sorted(page.locator(".card-title").all_inner_texts()) == [
        "The August coup begins in Moscow",
        "Trotsky is attacked in Mexico City",
    ]

    page.get_by_role("navigation", name="Main").get_by_role("link", name="On this day").click()
    expect(page).to_have_url("/on-this-day/august-20/")
    page.get_by_role("navigation", name="Neighbouring days").get_by_role("link").first.click()
    expect(page).to_have_url("/on-this-day/august-19/")
    expect(page.get_by_role("heading", level=1)).to_have_text("August 19")
    entry = page.locator(".entry", has_text="The August coup begins in Moscow")
    expect(entry).to_contain_text("35 years ago")

    search = page.get_by_role("search", name="Site").get_by_role("searchbox")
    search.fill("Poltava")
    search.press("Enter")
    expect(page).to_have_url("/search/?q=Poltava")
    expect(page.locator(".search-result-title")).to_have_text(["Peter the Great wins at Poltava"])
    page.get_by_role("link", name="Peter the Great wins at Poltava").click()
    expect(page.locator(".article-kicker")).to_contain_text("O.S.")

    assert problems == []


def test_the_copy_link_button_copies_the_articles_address(new_context, live_server):
    site = build_sample_site()
    context = new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    problems = watch_for_problems(page)
    page.goto(site.picture_article.get_absolute_url())

    share = page.locator(".share")
    share.get_by_role("button", name="Copy link").click()
    expect(share.get_by_role("status")).to_have_text("Link copied.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == share.get_attribute("data-share-url")
    assert copied.endswith("/articles/trotsky-attacked/")
    assert problems == []


KEY_PAGES = [
    "/",
    "/articles/trotsky-attacked/",
    "/on-this-day/august-20/",
    "/tags/revolutions/",
    "/authors/ada-quill/",
    "/years/44-bc/",
    "/timeline/",
    "/search/?q=revolution",
]


def test_nothing_overflows_a_320_pixel_wide_screen(new_context, frozen_day):
    build_sample_site()
    page = new_context(viewport={"width": 320, "height": 640}).new_page()
    wide = []
    for path in KEY_PAGES:
        page.goto(path)
        assert stylesheet_applied(page), path
        if overflows_horizontally(page):
            wide.append(path)
    assert wide == []


def test_the_dark_scheme_darkens_the_pages(new_context, frozen_day):
    build_sample_site()
    page = new_context(color_scheme="dark").new_page()
    for path in ["/", "/articles/trotsky-attacked/"]:
        page.goto(path)
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        text = page.evaluate("getComputedStyle(document.body).color")
        assert is_dark(background), (path, background)
        assert not is_dark(text), (path, text)

    page.emulate_media(color_scheme="light")
    assert not is_dark(page.evaluate("getComputedStyle(document.body).backgroundColor"))
