"""A share says how long ago the event was, on the day it is shared: "86 years ago
today" on the anniversary, "86 years ago" on other days, in the share text and on the
share card; the card's versioned URL changes only when that text does, and a page
cached until midnight keeps a card URL that serves the card it embedded."""

import datetime
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import lxml.html
import pytest
import time_machine
from django.urls import reverse

from sharing import cards
from sharing.years_ago import share_text, years_ago_phrase

from .factories import make_article, make_user, noon_utc

pytestmark = pytest.mark.django_db

LONG_AGO = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
TROTSKY = {"title": "Trotsky Assassinated", "event_year": 1940, "event_month": 8, "event_day": 20}


@pytest.fixture
def trotsky():
    return make_article(publish_at=LONG_AGO, slug="trotsky", **TROTSKY)


def page(client, article):
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return lxml.html.fromstring(response.content.decode())


def x_text(document):
    [href] = document.xpath("//a[contains(@class, 'share-x')]/@href")
    return parse_qs(urlsplit(href).query)["text"][0]


def card_path(document):
    [url] = document.xpath("//head/meta[@property='og:image']/@content")
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ((8, 20), "86 years ago today"),
        ((8, 21), "86 years ago"),
        ((8, 19), "85 years ago"),
        ((1, 1), "85 years ago"),
    ],
)
def test_the_years_ago_phrase_says_today_only_on_the_anniversary(trotsky, day, expected):
    assert years_ago_phrase(trotsky, datetime.date(2026, *day)) == expected


def test_approximate_and_recent_events(trotsky):
    circa = make_article(event_year=1450, event_month=None, event_day=None, event_approximate=True)
    assert years_ago_phrase(circa, datetime.date(2026, 8, 20)) == "about 576 years ago"
    recent = make_article(event_year=2026, event_month=3, event_day=1)
    assert years_ago_phrase(recent, datetime.date(2026, 8, 20)) == ""
    assert share_text(recent, datetime.date(2026, 8, 20)) == f"{recent.title} (March 1, 2026)"
    one = make_article(event_year=2025, event_month=8, event_day=20)
    assert years_ago_phrase(one, datetime.date(2026, 8, 20)) == "1 year ago today"


def test_the_share_text_carries_title_date_and_anniversary(client, trotsky):
    with noon_utc(2026, 8, 20):
        assert x_text(page(client, trotsky)) == (
            "Trotsky Assassinated (August 20, 1940), 86 years ago today"
        )
    with noon_utc(2026, 8, 21):
        assert (
            x_text(page(client, trotsky)) == "Trotsky Assassinated (August 20, 1940), 86 years ago"
        )


def test_the_card_is_labelled_with_the_anniversary(trotsky):
    assert cards.article_card(trotsky, datetime.date(2026, 8, 20)).label == "86 years ago today"
    assert cards.article_card(trotsky, datetime.date(2026, 8, 21)).label == "86 years ago"
    # An event of this year, on its day: Today in History, since no years have passed.
    recent = make_article(event_year=2026, event_month=8, event_day=20)
    assert cards.article_card(recent, datetime.date(2026, 8, 20)).label == "Today in History"
    assert cards.article_card(recent, datetime.date(2026, 8, 21)).label == ""


def test_the_drawn_card_differs_on_the_anniversary(trotsky):
    on_the_day = cards.draw(cards.article_card(trotsky, datetime.date(2026, 8, 20)))
    day_after = cards.draw(cards.article_card(trotsky, datetime.date(2026, 8, 21)))
    assert on_the_day != day_after


def test_the_card_url_changes_only_when_its_text_does(client, trotsky):
    urls = {}
    for day in [(8, 19), (8, 20), (8, 21), (8, 22), (12, 25)]:
        with noon_utc(2026, *day):
            urls[day] = card_path(page(client, trotsky))
    assert urls[(8, 21)] == urls[(8, 22)] == urls[(12, 25)]  # a year of one URL
    assert len({urls[(8, 19)], urls[(8, 20)], urls[(8, 21)]}) == 3


def test_a_card_url_embedded_before_midnight_serves_its_card_after(client, trotsky, settings):
    settings.PAGE_CACHE = True
    settings.TIME_ZONE = "Europe/Berlin"
    berlin = ZoneInfo("Europe/Berlin")
    before = datetime.datetime(2026, 8, 20, 23, 59, tzinfo=berlin)
    after = datetime.datetime(2026, 8, 21, 0, 5, tzinfo=berlin)
    with time_machine.travel(before, tick=False):
        url = card_path(page(client, trotsky))
        embedded = client.get(url)
    with time_machine.travel(after, tick=False):
        late = client.get(url)  # a network reads the page's card after midnight
        new_url = card_path(page(client, trotsky))
        new = client.get(new_url)
    assert new_url != url
    assert late.status_code == 200
    assert late.content == embedded.content
    assert "immutable" in late["Cache-Control"]
    assert "immutable" in new["Cache-Control"]
    assert new.content != embedded.content


def test_an_unknown_or_old_card_version_gets_todays_card_briefly(client, trotsky):
    with noon_utc(2026, 8, 20):
        old = card_path(page(client, trotsky))
    with noon_utc(2026, 8, 23):
        for url in [old, f"/articles/{trotsky.slug}/card.jpg?v=nonsense"]:
            response = client.get(url)
            assert response.status_code == 200
            assert "max-age=3600" in response["Cache-Control"]


def test_a_scheduled_articles_preview_card_is_drawn_for_the_day_it_appears(client, monkeypatch):
    drawn = []
    monkeypatch.setattr(cards, "draw", lambda card: drawn.append(card) or b"jpeg")
    client.force_login(make_user("Editors"))
    with noon_utc(2026, 8, 18):
        appears = datetime.datetime(2026, 8, 20, 6, tzinfo=datetime.UTC)
        article = make_article(publish_at=appears, **TROTSKY)
        response = client.get(reverse("articles:preview_card", args=[article.slug]))
    assert response.status_code == 200
    assert [card.label for card in drawn] == ["86 years ago today"]
