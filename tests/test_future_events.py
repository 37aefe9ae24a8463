"""An event still to come (the dates allow up to AD 9999): no stray separator where
"years ago" would be, and no anniversary until it has happened."""

import datetime

import lxml.html
import pytest

from articles.anniversaries import today_in_history

from .factories import make_article, noon_utc
from .views_fixtures import page

pytestmark = pytest.mark.django_db


def text_of(content, css_class):
    (element,) = lxml.html.fromstring(content).find_class(css_class)
    return " ".join(element.text_content().split())


def test_article_page_says_the_event_is_still_to_come(client):
    with noon_utc(2026, 8, 20):
        make_article(slug="far-future", event_year=9999, event_month=8, event_day=20)
        content = page(client, "/articles/far-future/")
    assert text_of(content, "event-meta") == "Still to come · More from 9999"


def test_day_page_entry_says_the_event_is_still_to_come(client):
    with noon_utc(2026, 8, 20):
        make_article(title="Far future", event_year=9999, event_month=8, event_day=20)
        content = page(client, "/on-this-day/august-20/")
    assert text_of(content, "entry-when") == "9999 Still to come"


def test_an_event_still_to_come_has_no_anniversary_in_today_in_history(client):
    with noon_utc(2026, 8, 20):
        make_article(title="Far future", event_year=9999, event_month=8, event_day=20)
        make_article(title="Later this year", event_year=2026, event_month=8, event_day=25)
        make_article(title="Krakatoa", event_year=1883, event_month=8, event_day=27)
        widget = today_in_history(datetime.date(2026, 8, 20), limit=5)
        feed = client.get("/feeds/on-this-day/").content.decode()
    assert widget.anniversaries == []
    assert [anniversary.article.title for anniversary in widget.upcoming] == ["Krakatoa"]
    assert "Far future" not in feed and "Later this year" not in feed
    assert "Krakatoa" in feed


def test_an_event_of_earlier_this_year_comes_up_for_its_first_anniversary():
    with noon_utc(2026, 8, 20):
        make_article(title="This spring", event_year=2026, event_month=3, event_day=1)
        widget = today_in_history(datetime.date(2026, 8, 20), limit=5)
    (anniversary,) = widget.upcoming
    assert anniversary.on == datetime.date(2027, 3, 1)
    assert anniversary.number == 1
