"""RSS and Atom feeds, read back with feedparser (and xml.etree where the exact text
matters)."""

import datetime
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

import feedparser
import lxml.html
import pytest
import time_machine
from django.core.files.base import ContentFile

from articles.models import Article

from .factories import make_article, make_author, make_draft, make_scheduled
from .samples import HOSTILE, jpeg

pytestmark = pytest.mark.django_db

SITE = "https://history.example"
UTC = ZoneInfo("UTC")
ATOM = "{http://www.w3.org/2005/Atom}"

FEEDS = [
    "/feeds/latest/",
    "/feeds/latest/atom/",
    "/feeds/tags/russia/",
    "/feeds/tags/russia/atom/",
    "/feeds/authors/matt/",
    "/feeds/authors/matt/atom/",
    "/feeds/on-this-day/",
    "/feeds/on-this-day/atom/",
]


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE
    settings.SITE_NAME = "The History Desk"


@pytest.fixture(autouse=True)
def august_20():
    """Every test runs on 20 August 2026, at noon UTC."""
    with time_machine.travel(datetime.datetime(2026, 8, 20, 12, tzinfo=UTC), tick=False):
        yield


@pytest.fixture
def matt():
    return make_author(display_name="Matt Example", slug="matt")


@pytest.fixture
def trotsky(matt):
    article = make_article(
        title="Trotsky Assassinated",
        slug="trotsky-assassinated",
        dek="A killer with an ice axe.",
        body="Ramón Mercader struck in **Coyoacán**.",
        event_year=1940,
        event_month=8,
        event_day=20,
        author=matt,
        tags=["Russia", "Assassinations"],
        picture_alt="Trotsky's study",
    )
    article.picture.save("trotsky.jpg", ContentFile(jpeg()))
    return article


@pytest.fixture
def unpublished(matt):
    """A draft and a scheduled article that would be in every feed if published."""
    fields = {"event_month": 8, "event_day": 20, "author": matt, "tags": ["Russia"]}
    return [
        make_draft(title="Secret Draft", slug="secret-draft", **fields),
        make_scheduled(title="Scheduled Story", slug="scheduled-story", **fields),
    ]


def parse(client, path, **headers):
    response = client.get(path, **headers)
    assert response.status_code == 200, path
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.mark.parametrize("path", FEEDS)
def test_every_feed_is_valid_and_absolute(client, trotsky, path):
    response = client.get(path)
    expected_type = "application/atom+xml" if "/atom/" in path else "application/rss+xml"
    assert response["Content-Type"].startswith(expected_type)
    feed = parse(client, path)
    assert feed.version == ("atom10" if "/atom/" in path else "rss20")
    assert feed.feed.link.startswith(SITE + "/")
    self_links = [link.href for link in feed.feed.links if link.rel == "self"]
    assert self_links == [SITE + path]
    [entry] = feed.entries
    assert entry.link == f"{SITE}/articles/trotsky-assassinated/"
    assert entry.id.startswith("tag:history.example,")
    assert entry.published_parsed
    if "/atom/" in path:  # RSS items have no updated date
        assert entry.updated_parsed
    assert entry.author == "Matt Example"
    assert sorted(tag.term for tag in entry.tags) == ["Assassinations", "Russia"]
    # The event date is in the item; the whole article is in its content.
    assert "August 20, 1940" in entry.summary
    assert "Coyoacán</strong>" in entry.content[0].value
    [enclosure] = entry.enclosures
    assert enclosure.href == SITE + trotsky.picture.url
    assert enclosure.type == "image/jpeg"
    assert int(enclosure.length) == trotsky.picture.size > 0


def test_latest_feed_dates_items_by_publication(client, trotsky):
    [entry] = parse(client, "/feeds/latest/").entries
    published = datetime.datetime(*entry.published_parsed[:6], tzinfo=UTC)
    assert published == trotsky.publish_at.replace(microsecond=0)


def test_item_id_survives_a_change_of_slug_and_title(client, trotsky):
    before = parse(client, "/feeds/latest/atom/").entries[0]
    Article.objects.filter(pk=trotsky.pk).update(slug="trotsky-killed", title="Trotsky Killed")
    after = parse(client, "/feeds/latest/atom/").entries[0]
    assert after.id == before.id
    assert after.link == f"{SITE}/articles/trotsky-killed/"


def test_item_ids_are_unique(client, matt):
    for number in range(3):
        make_article(author=matt, slug=f"article-{number}")
    ids = [entry.id for entry in parse(client, "/feeds/latest/").entries]
    assert len(ids) == len(set(ids)) == 3


@pytest.mark.parametrize("path", FEEDS)
def test_drafts_and_scheduled_articles_are_in_no_feed(client, trotsky, unpublished, path):
    feed = parse(client, path)
    titles = [entry.title for entry in feed.entries]
    assert titles and not any("Secret Draft" in t or "Scheduled Story" in t for t in titles)


@pytest.mark.parametrize(
    "path", ["/feeds/tags/no-such-tag/", "/feeds/tags/secret/atom/", "/feeds/authors/nobody/"]
)
def test_unknown_tag_or_author_and_a_tag_only_drafts_use_are_404(client, matt, path):
    make_draft(tags=["Secret"], author=matt)
    assert client.get(path).status_code == 404


def test_tag_and_author_feeds_select_their_articles(client, trotsky):
    make_article(title="Elsewhere", tags=["France"])
    assert [e.title for e in parse(client, "/feeds/tags/russia/").entries] == [trotsky.title]
    assert [e.title for e in parse(client, "/feeds/authors/matt/").entries] == [trotsky.title]
    assert len(parse(client, "/feeds/latest/").entries) == 2


# On this day


@pytest.mark.parametrize(
    ("time_zone", "expected"),
    [("UTC", "August 19 Event"), ("Pacific/Auckland", "Trotsky Assassinated")],
)
def test_on_this_day_feed_follows_the_site_time_zone(
    client, settings, trotsky, time_zone, expected
):
    make_article(title="August 19 Event", event_year=1900, event_month=8, event_day=19)
    settings.TIME_ZONE = time_zone
    # 13:00 UTC on August 19 is already 01:00 on August 20 in Auckland.
    with time_machine.travel(datetime.datetime(2026, 8, 19, 13, tzinfo=UTC), tick=False):
        feed = parse(client, "/feeds/on-this-day/")
    # The newest item is today's (the feed keeps the week before it too).
    assert feed.entries[0].title.split(": ", 1)[1] == expected


def test_on_this_day_items_are_new_each_year(client, trotsky):
    this_year = parse(client, "/feeds/on-this-day/").entries[0]
    assert this_year.title == "1940: Trotsky Assassinated"
    assert "86th anniversary" in this_year.summary
    assert this_year.id.endswith("2026-08-20")
    published = datetime.datetime(*this_year.published_parsed[:6], tzinfo=UTC)
    assert published == datetime.datetime(2026, 8, 20, tzinfo=UTC)
    with time_machine.travel(datetime.datetime(2027, 8, 20, 12, tzinfo=UTC), tick=False):
        next_year = parse(client, "/feeds/on-this-day/").entries[0]
    assert next_year.id != this_year.id
    assert "87th anniversary" in next_year.summary


def test_on_this_day_feed_is_cached_no_later_than_midnight(client, settings, trotsky):
    settings.TIME_ZONE = "Pacific/Auckland"  # UTC+12 in August: 00:00 there at 12:00 UTC
    with time_machine.travel(datetime.datetime(2026, 8, 20, 11, tzinfo=UTC), tick=False):
        response = client.get("/feeds/on-this-day/")
    assert "max-age=3600" in response["Cache-Control"]


def test_on_this_day_feed_keeps_leap_day_events_on_february_28(client):
    make_article(title="Leap Day Event", event_year=1940, event_month=2, event_day=29)
    with time_machine.travel(datetime.datetime(2027, 2, 28, 12, tzinfo=UTC), tick=False):
        feed = parse(client, "/feeds/on-this-day/atom/")
    assert [entry.title for entry in feed.entries] == ["1940: Leap Day Event"]


# Hostile text and the Host header


@pytest.mark.parametrize("hostile", HOSTILE)
@pytest.mark.parametrize("path", ["/feeds/latest/", "/feeds/latest/atom/"])
def test_hostile_strings_are_the_same_text_in_feeds(client, hostile, path):
    author = make_author(display_name=hostile, slug="hostile")
    make_article(title=hostile, dek=hostile, author=author, tags=[hostile])
    response = client.get(path)
    parse(client, path)  # well-formed, whatever the text
    root = ET.fromstring(response.content)
    if "/atom/" in path:
        entry = root.find(f"{ATOM}entry")
        assert entry.findtext(f"{ATOM}title") == hostile
        assert entry.findtext(f"{ATOM}author/{ATOM}name") == hostile
        assert entry.find(f"{ATOM}category").get("term") == hostile
        summary = entry.findtext(f"{ATOM}summary")
    else:
        item = root.find("channel/item")
        assert item.findtext("title") == hostile
        assert item.findtext("{http://purl.org/dc/elements/1.1/}creator") == hostile
        assert item.findtext("category") == hostile
        summary = item.findtext("description")
    # The summary is HTML in which the dek is text, not markup.
    paragraphs = lxml.html.fragment_fromstring(summary, create_parent="div").xpath("//p")
    assert paragraphs[-1].text_content() == hostile
    assert not lxml.html.fragment_fromstring(summary, create_parent="div").xpath("//script")


def test_feeds_use_site_url_whatever_the_host_header(client, settings, trotsky):
    settings.ALLOWED_HOSTS = ["attacker.example"]
    response = client.get("/feeds/latest/atom/", HTTP_HOST="attacker.example")
    assert b"attacker.example" not in response.content


# Discovery


LATEST = ["/feeds/latest/", "/feeds/latest/atom/"]
ON_THIS_DAY = ["/feeds/on-this-day/", "/feeds/on-this-day/atom/"]


@pytest.mark.parametrize(
    ("page", "feeds"),
    [
        ("/", LATEST + ON_THIS_DAY),
        ("/articles/trotsky-assassinated/", LATEST),
        ("/on-this-day/august-20/", LATEST + ON_THIS_DAY),
        ("/tags/russia/", [*LATEST, "/feeds/tags/russia/", "/feeds/tags/russia/atom/"]),
        ("/authors/matt/", [*LATEST, "/feeds/authors/matt/", "/feeds/authors/matt/atom/"]),
    ],
)
def test_pages_link_to_their_feeds(client, trotsky, page, feeds):
    document = lxml.html.fromstring(client.get(page).content)
    links = document.xpath("//head/link[@rel='alternate']")
    assert [link.get("href") for link in links] == feeds
    for link in links:
        assert link.get("type") in ("application/rss+xml", "application/atom+xml")
        assert link.get("title")
        assert parse(client, link.get("href")).entries
