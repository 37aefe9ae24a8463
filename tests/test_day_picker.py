"""The day picker offers only the days of its month, and a day that does not exist gets
a short message on the picker, not a "lost to history" page."""

import re

import pytest

from .factories import noon_utc
from .views_fixtures import page

pytestmark = pytest.mark.django_db


def offered_days(content):
    picker = content[content.index('id="day-picker-day"') :]
    picker = picker[: picker.index("</select>")]
    return [int(day) for day in re.findall(r"<option[^>]*>(\d+)</option>", picker)]


@pytest.mark.parametrize(
    ("path", "last"),
    [
        ("/on-this-day/april-10/", 30),
        ("/on-this-day/february-29/", 29),
        ("/on-this-day/february-3/", 29),
        ("/on-this-day/december-31/", 31),
    ],
)
def test_picker_offers_the_real_days_of_its_month(client, path, last):
    assert offered_days(page(client, path)) == list(range(1, last + 1))


def test_picker_on_the_home_page_offers_the_days_of_this_month(client):
    with noon_utc(2026, 2, 10):
        assert offered_days(page(client, "/")) == list(range(1, 30))


def test_picker_tells_the_script_the_length_of_every_month(client):
    content = page(client, "/on-this-day/april-10/")
    assert 'data-days-in-months="31 29 31 30 31 30 31 31 30 31 30 31"' in content
    assert "js/day-picker.js" in content


def test_a_day_past_the_end_of_its_month_is_a_message_on_the_picker(client):
    response = client.get("/on-this-day/?month=4&day=31")
    content = response.content.decode()
    assert response.status_code == 400
    assert "April has only 30 days." in content
    assert "lost to history" not in content.lower()
    assert '<meta name="robots" content="noindex">' in content
    # The picker keeps April, at its last day.
    assert '<option value="4" selected>April</option>' in content
    assert "<option selected>30</option>" in content
    assert offered_days(content) == list(range(1, 31))
    assert 'aria-describedby="day-picker-error"' in content


@pytest.mark.parametrize(
    "query", ["?month=x&day=1", "?month=13&day=1", "?month=8&day=0", "?day=5"]
)
def test_a_bad_pick_asks_for_a_month_and_a_day(client, query):
    with noon_utc(2026, 8, 20):
        response = client.get(f"/on-this-day/{query}")
    assert response.status_code == 400
    assert "Pick a month and a day." in response.content.decode()


def test_february_30_says_february_has_29_days(client):
    response = client.get("/on-this-day/?month=2&day=30")
    assert "February has only 29 days." in response.content.decode()
