"""Share buttons: plain links, correctly encoded, accessible, with no third party on
the page; copy-link and the Web Share API only as progressive enhancement."""

from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import lxml.html
import pytest

from sharing.addresses import absolute_url
from sharing.links import share_links
from tests.factories import make_article, noon_utc
from tests.samples import HOSTILE

pytestmark = pytest.mark.django_db

SITE = "https://history.example"
NETWORKS = ["facebook", "x", "bluesky", "reddit", "linkedin", "whatsapp", "email"]


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


def query(url):
    """The query of a share link, decoded; each parameter must appear once."""
    parameters = parse_qs(urlsplit(url).query, keep_blank_values=True, strict_parsing=True)
    assert all(len(values) == 1 for values in parameters.values())
    return {name: values[0] for name, values in parameters.items()}


def shared(network, url):
    """What a share link hands the network: (the URL, the title or message)."""
    parameters = query(url)
    return {
        "facebook": lambda: (parameters["u"], None),
        "x": lambda: (parameters["url"], parameters["text"]),
        "bluesky": lambda: (None, parameters["text"]),
        "reddit": lambda: (parameters["url"], parameters["title"]),
        "linkedin": lambda: (parameters["url"], None),
        "whatsapp": lambda: (None, parameters["text"]),
        "email": lambda: (parameters["body"], parameters["subject"]),
    }[network]()


TARGETS = {
    "facebook": ("https", "www.facebook.com", "/sharer/sharer.php"),
    "x": ("https", "x.com", "/intent/post"),
    "bluesky": ("https", "bsky.app", "/intent/compose"),
    "reddit": ("https", "www.reddit.com", "/submit"),
    "linkedin": ("https", "www.linkedin.com", "/sharing/share-offsite/"),
    "whatsapp": ("https", "wa.me", "/"),
    "email": ("mailto", "", ""),
}


@pytest.mark.parametrize("title", ["Trotsky Assassinated", *HOSTILE])
def test_share_links_round_trip_the_url_and_title(title):
    url = f"{SITE}/articles/a-b/?page=2&x=1#top"
    links = share_links(url, title)
    assert [link.network for link in links] == NETWORKS
    for link in links:
        parts = urlsplit(link.url)
        assert (parts.scheme, parts.netloc, parts.path) == TARGETS[link.network]
        assert " " not in link.url and "#" not in link.url  # nothing escapes its parameter
        shared_url, text = shared(link.network, link.url)
        if shared_url is not None:
            assert shared_url == url
        if link.network in ("bluesky", "whatsapp"):
            assert text == f"{title} {url}"
        elif text is not None:
            assert text == title


def test_e_mail_link_encodes_spaces_as_mail_clients_read_them():
    # RFC 6068: a mailto: query is percent-decoded only, so a "+" would stay a "+".
    [email] = [link for link in share_links(f"{SITE}/x/", "A + B & C") if link.network == "email"]
    fields = dict(field.split("=") for field in urlsplit(email.url).query.split("&"))
    assert unquote(fields["subject"]) == "A + B & C"
    assert unquote(fields["body"]) == f"{SITE}/x/"


def test_share_links_have_accessible_names_that_contain_their_visible_label():
    for link in share_links(f"{SITE}/", "Title"):
        assert link.label.lower() in link.name.lower()
        assert link.name.startswith("Share")


def share_box(client, path, **headers):
    response = client.get(path, **headers)
    assert response.status_code == 200
    document = lxml.html.fromstring(response.content.decode())
    [box] = document.xpath("//section[@class='share']")
    return document, box


@pytest.mark.parametrize("title", ["Trotsky Assassinated", *HOSTILE])
def test_article_page_share_links_carry_its_canonical_url_and_title(client, title):
    with noon_utc(2026, 8, 21):
        article = make_article(title=title, slug="shared")
        _, box = share_box(client, article.get_absolute_url())
    # The share text: the title, the event date and how long ago (tests/test_share_years_ago.py).
    title = f"{title} (August 20, 1940), 86 years ago"
    links = box.xpath(".//a")
    assert [link.get("class").split()[-1] for link in links] == [f"share-{n}" for n in NETWORKS]
    for network, link in zip(NETWORKS, links, strict=True):
        shared_url, text = shared(network, link.get("href"))
        if shared_url is not None:
            assert shared_url == f"{SITE}/articles/shared/"
        if network in ("bluesky", "whatsapp"):
            assert text == f"{title} {SITE}/articles/shared/"
        elif text is not None:
            assert text == title
    assert box.get("data-share-url") == f"{SITE}/articles/shared/"
    assert box.get("data-share-title") == title


def test_every_share_control_has_an_accessible_name(client):
    article = make_article()
    _, box = share_box(client, article.get_absolute_url())
    for link in box.xpath(".//a"):
        visible = link.text_content().strip()
        assert visible
        assert visible.lower() in link.get("aria-label").lower()
    for button in box.xpath(".//button"):
        assert button.get("type") == "button"
        assert button.text_content().strip()


def test_external_share_links_open_apart_and_pass_no_referrer(client):
    article = make_article()
    _, box = share_box(client, article.get_absolute_url())
    for link in box.xpath(".//a"):
        if link.get("href").startswith("mailto:"):
            assert link.get("target") is None
        else:
            assert link.get("target") == "_blank"
            assert set(link.get("rel").split()) == {"noopener", "noreferrer"}


def test_copy_and_native_share_are_hidden_until_the_script_shows_them(client):
    article = make_article()
    document, box = share_box(client, article.get_absolute_url())
    for item in box.xpath(".//li[.//button]"):
        assert item.get("hidden") is not None
    [script] = document.xpath("//script[@src]")
    assert script.get("src") == "/static/js/share.js"
    assert script.get("defer") is not None
    source = Path(__file__).resolve().parents[2] / "static" / "js" / "share.js"
    assert "navigator.share" in source.read_text()
    assert "navigator.clipboard" in source.read_text()


def test_no_third_party_script_frame_pixel_or_inline_handler(client):
    article = make_article(tags=["Russia"])
    document, _ = share_box(client, article.get_absolute_url())
    for element in document.xpath("//script[@src] | //iframe | //img | //link[@href]"):
        address = element.get("src") or element.get("href")
        assert urlsplit(address).netloc in ("", "history.example"), address  # this site only
    for script in document.xpath("//script[not(@src)]"):
        assert script.get("type") == "application/ld+json"
    for element in document.iter():
        if isinstance(element.tag, str):
            assert not [name for name in element.attrib if name.startswith("on")]
    assert not document.xpath("//section[@class='share']//*[@style]")


def test_day_page_has_share_buttons_for_the_day(client):
    make_article()  # an empty day offers nothing to share
    _, box = share_box(client, "/on-this-day/august-20/")
    [facebook] = box.xpath(".//a[contains(@class, 'share-facebook')]")
    assert shared("facebook", facebook.get("href"))[0] == f"{SITE}/on-this-day/august-20/"
    [email] = box.xpath(".//a[contains(@class, 'share-email')]")
    assert shared("email", email.get("href"))[1] == "August 20: on this day in history"


def test_share_links_use_site_url_whatever_the_host_header(client, settings):
    settings.ALLOWED_HOSTS = ["attacker.example"]
    article = make_article(slug="shared")
    _, box = share_box(client, article.get_absolute_url(), HTTP_HOST="attacker.example")
    assert "attacker.example" not in lxml.html.tostring(box, encoding="unicode")
    assert box.get("data-share-url") == f"{SITE}/articles/shared/"


def test_absolute_url_joins_site_url_and_leaves_absolute_urls_alone(settings):
    assert absolute_url("/articles/x/") == f"{SITE}/articles/x/"
    settings.SITE_URL = "https://history.example/"
    assert absolute_url("/articles/x/") == f"{SITE}/articles/x/"
    assert absolute_url("https://cdn.example/a.jpg") == "https://cdn.example/a.jpg"
