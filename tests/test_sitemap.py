"""/sitemap.xml and /robots.txt, read as crawlers read them: the sitemap index and
each sitemap it lists against the rules of their XML schemas, robots.txt with the
standard library's parser."""

import datetime
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import lxml.etree
import pytest

from articles.sitemaps import SITEMAPS, ArticleSitemap

from .factories import make_article, make_author, make_draft, make_scheduled

pytestmark = pytest.mark.django_db

SITE = "https://history.example"
NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"

# Both kinds of file give each entry one absolute <loc> of at most 2,048 characters and
# an optional W3C-dated <lastmod>.
LOC_AND_LASTMOD = """
              <xsd:element name="loc">
                <xsd:simpleType>
                  <xsd:restriction base="xsd:anyURI">
                    <xsd:minLength value="12"/>
                    <xsd:maxLength value="2048"/>
                    <xsd:pattern value="https?://.+"/>
                  </xsd:restriction>
                </xsd:simpleType>
              </xsd:element>
              <xsd:element name="lastmod" minOccurs="0">
                <xsd:simpleType>
                  <xsd:union memberTypes="xsd:date xsd:dateTime"/>
                </xsd:simpleType>
              </xsd:element>"""

# Sitemaps' optional <changefreq> and <priority>.
CHANGEFREQ_AND_PRIORITY = """
              <xsd:element name="changefreq" minOccurs="0">
                <xsd:simpleType>
                  <xsd:restriction base="xsd:string">
                    <xsd:enumeration value="always"/><xsd:enumeration value="hourly"/>
                    <xsd:enumeration value="daily"/><xsd:enumeration value="weekly"/>
                    <xsd:enumeration value="monthly"/><xsd:enumeration value="yearly"/>
                    <xsd:enumeration value="never"/>
                  </xsd:restriction>
                </xsd:simpleType>
              </xsd:element>
              <xsd:element name="priority" minOccurs="0">
                <xsd:simpleType>
                  <xsd:restriction base="xsd:decimal">
                    <xsd:minInclusive value="0.0"/><xsd:maxInclusive value="1.0"/>
                  </xsd:restriction>
                </xsd:simpleType>
              </xsd:element>"""


def sitemaps_schema(root, entry, fields):
    """The rules of sitemaps.org's schemas: a ``root`` of at most 50,000 ``entry``
    elements, each with ``fields``."""
    return lxml.etree.XMLSchema(
        lxml.etree.fromstring(f"""
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="{NAMESPACE}"
            xmlns="{NAMESPACE}" elementFormDefault="qualified">
  <xsd:element name="{root}">
    <xsd:complexType>
      <xsd:sequence>
        <xsd:element name="{entry}" maxOccurs="50000">
          <xsd:complexType>
            <xsd:sequence>{fields}
            </xsd:sequence>
          </xsd:complexType>
        </xsd:element>
      </xsd:sequence>
    </xsd:complexType>
  </xsd:element>
</xsd:schema>
""")
    )


# sitemap.xsd (a section's pages) and siteindex.xsd (the index of them).
SCHEMA = sitemaps_schema("urlset", "url", LOC_AND_LASTMOD + CHANGEFREQ_AND_PRIORITY)
INDEX_SCHEMA = sitemaps_schema("sitemapindex", "sitemap", LOC_AND_LASTMOD)


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


def read_xml(client, path, schema, root_tag, **headers):
    response = client.get(path, **headers)
    assert response.status_code == 200, path
    assert response["Content-Type"].startswith("application/xml")
    schema.assertValid(lxml.etree.fromstring(response.content))
    root = ET.fromstring(response.content)
    assert root.tag == f"{{{NAMESPACE}}}{root_tag}"
    return root


def sitemap_index(client, **headers):
    """{sitemap address: lastmod} as /sitemap.xml lists them, all on SITE_URL."""
    root = read_xml(client, "/sitemap.xml", INDEX_SCHEMA, "sitemapindex", **headers)
    listed = {
        entry.findtext(f"{{{NAMESPACE}}}loc"): entry.findtext(f"{{{NAMESPACE}}}lastmod")
        for entry in root.iterfind(f"{{{NAMESPACE}}}sitemap")
    }
    assert all(url.startswith(f"{SITE}/sitemap-") for url in listed), listed
    return listed


def sitemap(client, **headers):
    """{address: lastmod} of every sitemap the index lists, as a crawler finds them."""
    urls = {}
    for listed in sitemap_index(client, **headers):
        address = urlsplit(listed)
        path = f"{address.path}?{address.query}" if address.query else address.path
        root = read_xml(client, path, SCHEMA, "urlset", **headers)
        for url in root.iterfind(f"{{{NAMESPACE}}}url"):
            loc = url.findtext(f"{{{NAMESPACE}}}loc")
            assert loc not in urls, loc
            urls[loc] = url.findtext(f"{{{NAMESPACE}}}lastmod")
    return urls


@pytest.fixture
def site():
    matt = make_author(slug="matt")
    ann = make_author(slug="ann")
    return [
        make_article(slug="trotsky", author=matt, event_year=1940, tags=["Russia"]),
        make_article(slug="caesar", author=ann, event_year=-43, tags=["Rome", "Russia"]),
    ]


def test_sitemap_lists_every_public_page_once_with_absolute_urls(client, site):
    urls = sitemap(client)
    days = {url for url in urls if url.startswith(f"{SITE}/on-this-day/")}
    # Only days with articles: both events fell on August 20.
    assert days == {f"{SITE}/on-this-day/august-20/"}
    expected = {
        f"{SITE}/",
        f"{SITE}/tags/",
        f"{SITE}/authors/",
        f"{SITE}/timeline/",
        f"{SITE}/articles/trotsky/",
        f"{SITE}/articles/caesar/",
        f"{SITE}/tags/russia/",
        f"{SITE}/tags/rome/",
        f"{SITE}/authors/matt/",
        f"{SITE}/authors/ann/",
        f"{SITE}/years/1940/",
        f"{SITE}/years/44-bc/",
        f"{SITE}/years/1940s/",
        f"{SITE}/years/40s-bc/",
        f"{SITE}/centuries/20th/",
        f"{SITE}/centuries/1st-bc/",
    }
    assert set(urls) == expected | days
    # Every page listed exists.
    for url in [*expected, *days]:
        assert client.get(url.removeprefix(SITE)).status_code == 200, url


def test_articles_carry_their_last_modification_date(client, site):
    urls = sitemap(client)
    for article in site:
        lastmod = urls[SITE + article.get_absolute_url()]
        assert datetime.date.fromisoformat(lastmod) == article.updated_at.date()


def test_drafts_scheduled_articles_and_their_tags_and_authors_are_left_out(client, site):
    hidden = make_author(slug="hidden-author")
    make_draft(slug="secret-draft", author=hidden, tags=["Secret"], event_year=1500)
    make_scheduled(slug="scheduled-story", author=hidden, tags=["Embargoed"], event_year=1600)
    urls = "\n".join(sitemap(client))
    for hidden_part in ("secret-draft", "scheduled-story", "secret", "embargoed",
                        "hidden-author", "/years/1500/", "/years/1600/"):  # fmt: skip
        assert hidden_part not in urls


def test_sitemap_uses_site_url_whatever_the_host_header(client, settings, site):
    settings.ALLOWED_HOSTS = ["attacker.example"]
    urls = sitemap(client, HTTP_HOST="attacker.example")
    assert all(url.startswith(f"{SITE}/") for url in urls)


def test_the_index_lists_one_sitemap_per_section(client, site):
    listed = sitemap_index(client)
    assert set(listed) == {f"{SITE}/sitemap-{section}.xml" for section in SITEMAPS}
    # The articles' section changed when its latest article did.
    latest = max(article.updated_at for article in site)
    lastmod = datetime.datetime.fromisoformat(listed[f"{SITE}/sitemap-articles.xml"])
    assert lastmod == latest


def test_every_article_is_reachable_from_the_index_across_pages(client, monkeypatch):
    monkeypatch.setattr(ArticleSitemap, "limit", 2)
    articles = [make_article(slug=f"story-{number}") for number in range(5)]
    listed = sitemap_index(client)
    assert [url for url in listed if "/sitemap-articles.xml" in url] == [
        f"{SITE}/sitemap-articles.xml",
        f"{SITE}/sitemap-articles.xml?p=2",
        f"{SITE}/sitemap-articles.xml?p=3",
    ]
    urls = sitemap(client)
    assert {SITE + article.get_absolute_url() for article in articles} <= set(urls)
    # In the order they were written: page 3 holds the last one alone.
    page_3 = client.get("/sitemap-articles.xml?p=3").content.decode()
    assert page_3.count("<url>") == 1 and "/articles/story-4/" in page_3
    assert client.get("/sitemap-articles.xml?p=4").status_code == 404


def test_an_unknown_section_is_not_found(client):
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_sitemap_of_an_empty_site_lists_no_days(client):
    urls = sitemap(client)
    assert len(urls) == 4


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_names_the_sitemap(client, settings):
    settings.ALLOWED_HOSTS = ["attacker.example"]
    response = client.get("/robots.txt", HTTP_HOST="attacker.example")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    robots = RobotFileParser()
    robots.parse(response.content.decode().splitlines())
    assert robots.site_maps() == [f"{SITE}/sitemap.xml"]
    assert not robots.can_fetch("*", f"{SITE}/admin/")
    assert not robots.can_fetch("*", f"{SITE}/admin/articles/article/")
    assert robots.can_fetch("*", f"{SITE}/articles/trotsky/")
    assert robots.can_fetch("*", f"{SITE}/sitemap.xml")
