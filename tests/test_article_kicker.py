"""The article's kicker says "Today in History" only on the anniversary of its event,
in the site's time zone; on every other day it is the event date alone. Through the
page cache, the words change at midnight with the day."""

import datetime
from zoneinfo import ZoneInfo

import lxml.html
import pytest
import time_machine

from .factories import make_article, noon_utc

pytestmark = pytest.mark.django_db

LONG_AGO = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)


def make_event(**event):
    """An article published in 2020, so public on every day the tests travel to."""
    return make_article(publish_at=LONG_AGO, **{"event_year": 1940, **event})


def kicker(client, article):
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    [element] = lxml.html.fromstring(response.content).xpath("//p[contains(@class, 'kicker')]")
    return " ".join(element.text_content().split()), response


def test_on_the_anniversary_the_kicker_says_today_in_history(client):
    article = make_event(event_month=8, event_day=20)
    with noon_utc(2026, 8, 20):
        text, _ = kicker(client, article)
    assert text == "Today in History | August 20, 1940"


@pytest.mark.parametrize("day", [(8, 19), (8, 21), (1, 1)])
def test_on_other_days_the_kicker_is_the_date_alone(client, day):
    article = make_event(event_month=8, event_day=20)
    with noon_utc(2026, *day):
        text, _ = kicker(client, article)
    assert text == "August 20, 1940"


def test_a_leap_day_event_is_today_in_history_on_february_28_of_a_common_year(client):
    article = make_event(event_month=2, event_day=29)
    with noon_utc(2026, 2, 28):
        assert kicker(client, article)[0].startswith("Today in History")
    with noon_utc(2028, 2, 28):
        assert not kicker(client, article)[0].startswith("Today in History")


@pytest.mark.parametrize(
    "event",
    [
        {"event_month": 8, "event_day": None},
        {"event_month": None, "event_day": None},
        {"event_month": 8, "event_day": 20, "event_approximate": True},
    ],
)
def test_a_date_without_a_known_day_is_never_today_in_history(client, event):
    article = make_event(**event)
    with noon_utc(2026, 8, 20):
        assert not kicker(client, article)[0].startswith("Today in History")


def test_the_anniversary_is_the_day_in_the_sites_time_zone(client, settings):
    settings.TIME_ZONE = "America/Los_Angeles"
    article = make_event(event_month=8, event_day=20)
    # 02:00 UTC on August 21 is still August 20 in California.
    with time_machine.travel(datetime.datetime(2026, 8, 21, 2, tzinfo=datetime.UTC), tick=False):
        assert kicker(client, article)[0].startswith("Today in History")


def test_the_cached_page_loses_today_in_history_at_midnight(client, settings):
    settings.PAGE_CACHE = True
    settings.TIME_ZONE = "Europe/Berlin"
    berlin = ZoneInfo("Europe/Berlin")
    article = make_event(event_month=8, event_day=20)
    with time_machine.travel(datetime.datetime(2026, 8, 20, 23, 58, tzinfo=berlin), tick=False):
        kicker(client, article)
        text, response = kicker(client, article)
        assert response["X-Cache"] == "HIT"
        assert text.startswith("Today in History")
    with time_machine.travel(datetime.datetime(2026, 8, 21, 0, 1, tzinfo=berlin), tick=False):
        text, response = kicker(client, article)
    assert response["X-Cache"] == "MISS"
    assert text == "August 20, 1940"
