"""The embeddable widget: framed from anywhere, unlike every other page."""

import pytest
from lxml import html

from tests.factories import make_article, noon_utc

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response["Content-Security-Policy"]
    found = {}
    for part in policy.split(";"):
        name, _, value = part.strip().partition(" ")
        found[name] = value
    return found


def test_the_widget_may_be_framed_by_any_site(client):
    response = client.get("/embed/today/")
    assert response.status_code == 200
    assert directives(response)["frame-ancestors"] == "*"
    assert "X-Frame-Options" not in response
    # The rest of the policy stays as strict as the site's.
    assert directives(response)["script-src"] == "'self'"
    assert directives(response)["default-src"] == "'none'"


@pytest.mark.parametrize("path", ["/", "/embed/", "/api/", "/api/v1/tags/", "/tags/"])
def test_every_other_page_still_refuses_to_be_framed(client, path):
    make_article(tags=["war"])
    response = client.get(path)
    assert directives(response)["frame-ancestors"] == "'none'"
    assert response["X-Frame-Options"] == "DENY"


def test_the_widget_shows_today_with_links_opening_a_new_tab_and_no_script(client):
    with noon_utc(2026, 8, 20):
        article = make_article(title="Trotsky", dek="An ice axe.")
        response = client.get("/embed/today/?theme=dark&size=large")
    assert not response.cookies
    page = html.fromstring(response.content)
    assert page.xpath("//body/@class") == ["widget theme-dark size-large"]
    assert not page.xpath("//script") and not page.xpath("//*[@style]")
    [link] = page.xpath("//ol//a")
    assert link.get("href") == f"http://127.0.0.1:8000/articles/{article.slug}/"
    assert link.text == "Trotsky"
    for anchor in page.xpath("//a"):
        assert (anchor.get("target"), anchor.get("rel")) == ("_blank", "noopener")
    assert "An ice axe." in response.text  # the large size shows summaries


def test_sizes_show_more_or_fewer_anniversaries(client):
    with noon_utc(2026, 8, 20):
        for year in range(1900, 1910):
            make_article(event_year=year)
        small = client.get("/embed/today/?size=small")
        large = client.get("/embed/today/?size=large")
    assert len(html.fromstring(small.content).xpath("//ol/li")) == 3
    assert len(html.fromstring(large.content).xpath("//ol/li")) == 6


@pytest.mark.parametrize(
    ("query", "message"),
    [("theme=pink", "theme=light or theme=dark"), ("size=huge", "size=small, medium or large")],
)
def test_a_wrong_choice_gets_a_400_that_says_what_to_use(client, query, message):
    response = client.get(f"/embed/today/?{query}")
    assert response.status_code == 400
    assert message in response.text


def test_the_embed_page_gives_the_snippets_and_frames_the_live_example(client):
    response = client.get("/embed/")
    page = html.fromstring(response.content)
    snippets = [code.text for code in page.xpath("//pre/code")]
    assert len(snippets) == 6
    assert (
        '<iframe src="http://127.0.0.1:8000/embed/today/?theme=dark&size=small" width="300"'
        in snippets[1]
    )
    [example] = page.xpath("//iframe")
    assert example.get("src") == "/embed/today/?theme=light&size=medium"
    assert directives(response)["frame-src"] == "'self'"


def test_the_footer_links_to_the_embed_page(client):
    page = html.fromstring(client.get("/").content)
    assert page.xpath("//footer//a[@href='/embed/']")
