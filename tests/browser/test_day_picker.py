"""The day picker in the browser: choosing a month offers that month's days only."""

import pytest
from playwright.sync_api import expect

from .pages import watch_for_problems

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]


def test_choosing_a_month_offers_only_its_days(page, frozen_day):
    problems = watch_for_problems(page)
    page.goto("/on-this-day/january-31/")
    picker = page.locator("form.day-picker")
    month, day = picker.get_by_label("Month"), picker.get_by_label("Day")
    expect(day.locator("option")).to_have_count(31)

    month.select_option("4")
    expect(day.locator("option")).to_have_count(30)
    expect(day).to_have_value("30")  # the 31st the reader had becomes April's last day

    month.select_option("2")
    expect(day.locator("option")).to_have_count(29)
    day.select_option("29")
    picker.get_by_role("button", name="Go").click()
    expect(page).to_have_url("/on-this-day/february-29/")
    assert problems == []
