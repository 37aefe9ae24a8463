"""Metadata for search engines and social networks: <title>, description, canonical,
Open Graph, Twitter Card and JSON-LD, read back with real parsers (extruct, lxml)."""

import datetime
import re

import extruct
import lxml.html
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import given
from hypothesis import strategies as st

from articles import dates

from .factories import make_article, make_author
from .samples import HOSTILE

pytestmark = pytest.mark.django_db

SITE = "https://history.example"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE
    settings.SITE_NAME = "The History Desk"


@pytest.fixture
def trotsky():
    matt = make_author(display_name="Matt Example", slug="matt")
    return make_article(
        title="Trotsky Assassinated",
        slug="trotsky-assassinated",
        dek="A killer with an ice axe in Coyoacán.",
        event_year=1940,
        event_month=8,
        event_day=20,
        author=matt,
        tags=["Russia", "Assassinations"],
    )


def read(client, path, **headers):
    response = client.get(path, **headers)
    assert response.status_code == 200, path
    html = response.content.decode()
    found = extruct.extract(html, base_url=SITE + path, syntaxes=["opengraph", "json-ld"])
    properties = {}
    for block in found["opengraph"]:
        for key, value in block["properties"]:
            properties.setdefault(key, []).append(value)
    return html, lxml.html.fromstring(html), properties, found["json-ld"]


def head(document):
    """<title>, meta name=… and link rel=… of the page's head."""
    return {
        "title": document.findtext(".//head/title"),
        "meta": {
            meta.get("name"): meta.get("content")
            for meta in document.iterfind(".//head/meta[@name]")
        },
        "canonical": [
            link.get("href") for link in document.iterfind(".//head/link[@rel='canonical']")
        ],
    }


PUBLIC_PAGES = [
    ("/", "website"),
    ("/articles/trotsky-assassinated/", "article"),
    ("/on-this-day/august-20/", "website"),
    ("/tags/", "website"),
    ("/tags/russia/", "website"),
    ("/authors/", "website"),
    ("/authors/matt/", "website"),
    ("/years/1940/", "website"),
    ("/timeline/", "website"),
]


@pytest.mark.parametrize(("path", "og_type"), PUBLIC_PAGES)
def test_every_public_page_has_title_description_canonical_open_graph_and_twitter_card(
    client, trotsky, path, og_type
):
    _, document, og, _ = read(client, path)
    tags = head(document)
    assert tags["title"].strip().endswith("| The History Desk")
    assert tags["meta"]["description"].strip()
    assert tags["canonical"] == [SITE + path]
    assert og["og:site_name"] == ["The History Desk"]
    assert og["og:type"] == [og_type]
    assert og["og:title"] == [tags["title"].strip().removesuffix(" | The History Desk")]
    assert og["og:description"] == [tags["meta"]["description"]]
    assert og["og:url"] == [SITE + path]
    assert len(og["og:image"]) == 1
    assert og["og:image"][0].startswith(SITE + "/")
    assert og["og:image:width"] == ["1200"]
    assert og["og:image:height"] == ["630"]
    assert og["og:image:alt"][0].strip()
    assert tags["meta"]["twitter:card"] == "summary_large_image"
    assert tags["meta"]["twitter:image"] == og["og:image"][0]
    # Metadata stays in the head, where it means something.
    assert not document.xpath("//body//meta | //body//link")


def test_article_page_has_article_open_graph_tags(client, trotsky):
    _, _, og, _ = read(client, "/articles/trotsky-assassinated/")
    assert og["og:title"] == ["Trotsky Assassinated"]
    assert og["og:description"] == ["A killer with an ice axe in Coyoacán."]
    assert og["og:image"] == [
        f"{SITE}/articles/trotsky-assassinated/card.jpg?v={_card_version(trotsky)}"
    ]
    assert og["og:image:alt"] == ["August 20, 1940: Trotsky Assassinated"]
    assert datetime.datetime.fromisoformat(og["article:published_time"][0]) == trotsky.publish_at
    assert datetime.datetime.fromisoformat(og["article:modified_time"][0]) == trotsky.updated_at
    assert og["article:author"] == [f"{SITE}/authors/matt/"]
    assert sorted(og["article:tag"]) == ["Assassinations", "Russia"]


def _card_version(article):
    from sharing.cards import article_card

    return article_card(article).version


def test_article_json_ld_is_a_blog_posting_about_an_event(client, trotsky):
    _, _, _, json_ld = read(client, "/articles/trotsky-assassinated/")
    assert len(json_ld) == 1
    posting = json_ld[0]
    assert posting["@context"] == "https://schema.org"
    assert posting["@type"] == "BlogPosting"
    assert posting["headline"] == "Trotsky Assassinated"
    assert posting["description"] == "A killer with an ice axe in Coyoacán."
    assert posting["url"] == f"{SITE}/articles/trotsky-assassinated/"
    assert posting["mainEntityOfPage"]["@id"] == f"{SITE}/articles/trotsky-assassinated/"
    assert datetime.datetime.fromisoformat(posting["datePublished"]) == trotsky.publish_at
    assert datetime.datetime.fromisoformat(posting["dateModified"]) == trotsky.updated_at
    assert posting["author"] == {
        "@type": "Person",
        "name": "Matt Example",
        "url": f"{SITE}/authors/matt/",
    }
    assert posting["image"].startswith(f"{SITE}/articles/trotsky-assassinated/card.jpg?v=")
    assert sorted(posting["keywords"]) == ["Assassinations", "Russia"]
    assert posting["about"] == {
        "@type": "Event",
        "name": "Trotsky Assassinated",
        "startDate": "1940-08-20",
    }


@pytest.mark.parametrize(
    ("year", "month", "day", "start_date"),
    [(-43, 3, 15, "-0043-03-15"), (79, 8, 24, "0079-08-24"), (1776, 7, None, "1776-07"),
     (1066, None, None, "1066"), (0, None, None, "0000")],
)  # fmt: skip
def test_json_ld_event_date_is_iso_8601_with_expanded_bc_years(
    client, year, month, day, start_date
):
    make_article(slug="event", event_year=year, event_month=month, event_day=day)
    _, _, _, json_ld = read(client, "/articles/event/")
    assert json_ld[0]["about"]["startDate"] == start_date


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_strings_come_out_as_the_same_text_in_every_tag(client, hostile):
    author = make_author(display_name=hostile, slug="hostile-author")
    make_article(
        title=hostile,
        dek=hostile,
        slug="hostile",
        author=author,
        tags=[hostile],
        picture_alt=hostile,
    )
    html, document, og, json_ld = read(client, "/articles/hostile/")
    assert document.findtext(".//head/title") == f"{hostile} | The History Desk"
    assert head(document)["meta"]["description"] == hostile
    assert head(document)["meta"]["author"] == hostile
    assert og["og:title"] == [hostile]
    assert og["og:description"] == [hostile]
    assert og["article:tag"] == [hostile]
    assert og["og:image:alt"] == [f"August 20, 1940: {hostile}"]
    # One JSON-LD block, whole: a "</script>" in the title did not end it.
    assert len(json_ld) == 1
    assert json_ld[0]["headline"] == hostile
    assert json_ld[0]["about"]["name"] == hostile
    assert json_ld[0]["author"]["name"] == hostile
    assert json_ld[0]["keywords"] == [hostile]
    # Nothing the author typed became markup: the page's scripts are its own two.
    scripts = document.xpath("//script")
    assert [(script.get("type"), script.get("src")) for script in scripts] == [
        ("application/ld+json", None),
        (None, "/static/js/share.js"),
    ]
    assert not document.xpath("//*[@onerror]")
    assert "<script>alert" not in html


def test_canonical_and_open_graph_urls_ignore_the_host_header(client, settings, trotsky):
    settings.ALLOWED_HOSTS = ["attacker.example"]
    html, document, og, _ = read(
        client, "/articles/trotsky-assassinated/", HTTP_HOST="attacker.example"
    )
    assert head(document)["canonical"] == [f"{SITE}/articles/trotsky-assassinated/"]
    assert og["og:url"] == [f"{SITE}/articles/trotsky-assassinated/"]
    assert "attacker.example" not in html


def test_a_later_page_of_a_list_is_its_own_canonical_url(client):
    for number in range(13):
        make_article(slug=f"numbered-{number}")
    _, document, og, _ = read(client, "/?page=2")
    assert head(document)["canonical"] == [f"{SITE}/?page=2"]
    assert og["og:url"] == [f"{SITE}/?page=2"]


def test_not_found_page_asks_not_to_be_indexed_and_claims_no_canonical_url(client):
    response = client.get("/articles/no-such-article/")
    assert response.status_code == 404
    document = lxml.html.fromstring(response.content.decode())
    assert head(document)["meta"]["robots"] == "noindex"
    assert head(document)["canonical"] == []


def test_article_metadata_costs_no_query_per_tag(client):
    def queries(article):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(article.get_absolute_url()).status_code == 200
        return len(captured)

    one_tag = make_article(tags=["Only"])
    many_tags = make_article(tags=[f"Tag {number}" for number in range(8)])
    assert queries(many_tags) == queries(one_tag)


# ISO 8601 dates (articles.dates.iso_format)

ISO_DATE = re.compile(r"^(-?)(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_iso(text):
    sign, year, month, day = ISO_DATE.match(text).groups()
    return (
        -int(year) if sign else int(year),
        int(month) if month else None,
        int(day) if day else None,
    )


@st.composite
def historical_dates(draw):
    year = draw(st.integers(dates.MIN_YEAR, dates.MAX_YEAR))
    month = draw(st.none() | st.integers(1, 12))
    day = None
    if month is not None:
        day = draw(st.none() | st.integers(1, dates.days_in_month(year, month)))
    return dates.HistoricalDate(year, month, day)


@pytest.mark.parametrize(
    ("event", "text"),
    [
        (dates.HistoricalDate(-43, 3, 15), "-0043-03-15"),
        (dates.HistoricalDate(0), "0000"),
        (dates.HistoricalDate(-4, 2, 29), "-0004-02-29"),
        (dates.HistoricalDate(79, 8, 24), "0079-08-24"),
        (dates.HistoricalDate(1776, 7), "1776-07"),
        (dates.HistoricalDate(1066), "1066"),
        (dates.HistoricalDate(1450, approximate=True), "1450"),
        (dates.HistoricalDate(-9999), "-9999"),
    ],
)
def test_iso_format_examples(event, text):
    assert dates.iso_format(event) == text


@given(historical_dates())
def test_iso_format_round_trips(event):
    text = dates.iso_format(event)
    assert parse_iso(text) == (event.year, event.month, event.day)


@given(st.dates(min_value=datetime.date(1, 1, 1)))
def test_iso_format_agrees_with_python_for_common_era_dates(day):
    event = dates.HistoricalDate(day.year, day.month, day.day)
    assert dates.iso_format(event) == day.isoformat()
