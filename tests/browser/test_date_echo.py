"""As an author types the event date, the line under the date fields shows it as readers
will see it, exactly as the server writes it once the article is saved; an era typed in
the year box moves the era list with it."""

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from articles import date_labels, dates, written_years

from ..factories import make_author
from .pages import watch_for_problems

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]

PASSWORD = "a-long-test-password"

# (year box, era list, month, day, "approximate date" ticked)
TYPED = [
    ("44 BC", "AD", 3, 15, False),
    ("44", "BC", 3, 15, False),
    ("c. 1450", "AD", None, None, False),
    ("AD 79", "AD", 8, 24, False),
    ("1940", "AD", 8, None, False),
    ("1940", "AD", 12, 25, False),
    ("2000", "AD", 2, 29, False),
    ("45 BC", "AD", 2, 29, False),
    ("1900", "AD", 2, 29, False),  # not a leap year: no date
    ("1066", "AD", 10, 14, True),
    ("2026", "AD", 8, 21, False),
    ("2026", "AD", 8, 20, False),
    ("1940s", "AD", None, None, False),  # a decade: no date
    ("0", "AD", None, None, False),
    ("ca. 300 BCE", "AD", 6, None, False),
]


def expected_line(year, era, month, day, approximate, today):
    """What the server writes for the same typing (empty for a date it refuses)."""
    try:
        written = written_years.parse_written_year(year)
        event = dates.HistoricalDate.from_parts(
            written.year,
            written.era or dates.Era(era),
            month,
            day,
            written.approximate or approximate,
        )
    except dates.InvalidDate:
        return ""
    return date_labels.date_as_read(event, today)


@pytest.fixture
def admin_page(new_context, frozen_day):
    User.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    make_author(display_name="Ada Quill", slug="ada-quill")
    page = new_context(viewport={"width": 1280, "height": 1000}).new_page()
    page.goto("/admin/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    return page


def test_the_date_as_read_follows_the_typing_as_the_server_would_write_it(admin_page, frozen_day):
    page = admin_page
    problems = watch_for_problems(page)
    for year, era, month, day, approximate in TYPED:
        page.goto("/admin/articles/article/add/")
        page.locator("#id_era").select_option(era)
        page.locator("#id_month").select_option("" if month is None else str(month))
        page.locator("#id_day").fill("" if day is None else str(day))
        page.locator("#id_event_approximate").set_checked(approximate)
        page.locator("#id_year").press_sequentially(year)
        line = expected_line(year, era, month, day, approximate, frozen_day.date())
        expect(page.locator("output.date-as-read"), f"typing {year!r}").to_have_text(line)
    assert problems == []


def test_an_era_typed_in_the_year_box_moves_the_era_list_and_c_ticks_approximate(
    admin_page,
):
    page = admin_page
    page.goto("/admin/articles/article/add/")
    page.locator("#id_year").fill("c. 44 BC")
    expect(page.locator("#id_era")).to_have_value("BC")
    expect(page.locator("#id_event_approximate")).to_be_checked()
    page.locator("#id_year").fill("AD 79")
    expect(page.locator("#id_era")).to_have_value("AD")
