"""The article form's errors in a real browser: on a line of two fields (year and era,
month and day) an error never shares a line with a label, on a desktop or a phone."""

import pytest
from playwright.sync_api import expect

from ..factories import make_user

pytestmark = [
    pytest.mark.browser,
    # The live server starts before the tests point STATIC_ROOT at a folder that exists.
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]

PASSWORD = "a-long-test-password"

# The labels whose line of text an error's line of text overlaps.
LABELS_BESIDE_ERRORS = """() => {
    const labels = [...document.querySelectorAll("#article_form label")]
        .map(label => [label.textContent.trim(), label.getBoundingClientRect()])
        .filter(([, box]) => box.width > 0 && box.height > 0);
    const clashes = [];
    for (const error of document.querySelectorAll("#article_form ul.errorlist li")) {
        const line = error.getBoundingClientRect();
        for (const [text, box] of labels) {
            if (box.top < line.bottom && line.top < box.bottom) {
                clashes.push(`${error.textContent.trim()} | ${text}`);
            }
        }
    }
    return clashes;
}"""


@pytest.fixture
def author_page(new_context, request):
    # A superuser: the live server's database is emptied after each test, and the
    # groups made by a migration with it.
    user = make_user("superuser", author=True)
    user.set_password(PASSWORD)
    user.save()
    page = new_context(viewport={"width": request.param, "height": 900}).new_page()
    page.goto("/admin/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    return page


@pytest.mark.parametrize("author_page", [1280, 375], indirect=True, ids=["desktop", "phone"])
@pytest.mark.parametrize(
    ("year", "month", "day", "error"),
    [
        ("0", "", "", "There is no year 0"),
        ("1900", "February", "29", "1900 was not a leap year"),
    ],
    ids=["year-beside-era", "day-beside-month"],
)
def test_an_error_never_shares_a_line_with_a_label(author_page, year, month, day, error):
    page = author_page
    page.goto("/admin/articles/article/add/")
    page.locator("#id_title").fill("The first television")
    page.locator("#id_year").fill(year)
    if month:
        page.locator("#id_month").select_option(label=month)
    page.locator("#id_day").fill(day)
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator("ul.errorlist li", has_text=error)).to_be_visible()
    assert page.evaluate(LABELS_BESIDE_ERRORS) == []
