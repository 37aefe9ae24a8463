"""Fragments (pagecache.fragments and {% fragment %}): parts of pages rendered once per
generation and day in each process, so that a page rendered for staff costs less; every
change, and midnight, makes them render again, and nothing is kept with the page cache
off or its cache failing."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.template import Context, Template

import pagecache.backend
import pagecache.state
from articles.search import update_search_vector
from historyblog.staff import STAFF_COOKIE, signed_value
from pagecache.fragments import fragment
from pagecache.store import Fragments, fragments
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE = True


class Renders:
    """A render function that counts its calls."""

    def __init__(self, text="part"):
        self.text = text
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return f"{self.text} {self.calls}"


def test_a_fragment_is_rendered_once_until_the_next_change(page_cache):
    article = make_article(title="First title")
    render = Renders()
    assert fragment("card", (article.pk,), render) == "part 1"
    assert fragment("card", (article.pk,), render) == "part 1"
    assert render.calls == 1
    article.title = "Second title"
    article.save()  # a change: a new generation
    assert fragment("card", (article.pk,), render) == "part 2"
    assert fragment("card", (article.pk,), render) == "part 2"


def test_each_name_and_value_is_kept_apart(page_cache):
    render = Renders()
    assert [fragment("card", (1,), render), fragment("card", (2,), render)] == ["part 1", "part 2"]
    assert fragment("entry", (1,), render) == "part 3"
    assert [fragment("card", (1,), render), fragment("card", (2,), render)] == ["part 1", "part 2"]


def test_midnight_renders_every_fragment_again(page_cache, settings):
    zone = ZoneInfo(settings.TIME_ZONE)
    render = Renders()
    with time_machine.travel(datetime.datetime(2026, 8, 20, 23, 0, tzinfo=zone), tick=False):
        assert fragment("today", (), render) == "part 1"
        assert fragment("today", (), render) == "part 1"
    with time_machine.travel(datetime.datetime(2026, 8, 21, 0, 1, tzinfo=zone), tick=False):
        assert fragment("today", (), render) == "part 2"


def test_nothing_is_kept_with_the_page_cache_off():
    render = Renders()
    assert [fragment("card", (1,), render) for _ in range(3)] == ["part 1", "part 2", "part 3"]


def test_nothing_is_kept_while_the_cache_fails(page_cache, monkeypatch):
    # Redis down: every call fails, and the subscription that vouched for this
    # process's copy of the state is lost with it.
    monkeypatch.setattr(pagecache.backend, "call", lambda *args: None)
    monkeypatch.setattr(pagecache.state.watch, "get", lambda: None)
    render = Renders()
    assert [fragment("card", (1,), render) for _ in range(2)] == ["part 1", "part 2"]


def test_the_template_tag_keeps_the_part_for_its_values(page_cache):
    template = Template(
        "{% load fragments %}{% fragment 'greeting' level %}"
        "<h{{ level }}>{{ text }}</h{{ level }}>{% endfragment %}"
    )
    assert template.render(Context({"level": 2, "text": "Hello"})) == "<h2>Hello</h2>"
    # The same values: the kept part, whatever else the context holds.
    assert template.render(Context({"level": 2, "text": "Goodbye"})) == "<h2>Hello</h2>"
    assert template.render(Context({"level": 3, "text": "Goodbye"})) == "<h3>Goodbye</h3>"
    # A preview (unsaved or unpublished work) renders every part afresh.
    afresh = Context({"level": 2, "text": "Unsaved", "render_afresh": True})
    assert template.render(afresh) == "<h2>Unsaved</h2>"


def test_the_oldest_parts_go_first_beyond_the_limit():
    kept = Fragments(limit=12)
    key = ("generation", datetime.date(2026, 8, 20))
    for name in ("a", "b", "c", "d"):
        kept.get(key, name)
        kept.keep(key, name, "four", 4)
    assert kept.get(key, "a") is None
    assert kept.get(key, "b") == kept.get(key, "c") == kept.get(key, "d") == "four"
    kept.keep(key, "d", "another", 7)  # replaced, not counted twice
    assert kept.size == 4 + 4 + 7 - 4  # b goes, to stay within 12
    assert kept.get(key, "b") is None and kept.get(key, "c") == "four"


def test_staff_see_a_change_at_once_on_pages_made_of_fragments(page_cache, client):
    article = make_article(title="The Blitz Begins")
    client.cookies[STAFF_COOKIE] = signed_value(0)
    assert "The Blitz Begins" in client.get("/").content.decode()
    article.title = "The Battle of Britain"
    article.save()
    content = client.get("/").content.decode()
    assert "The Battle of Britain" in content and "The Blitz Begins" not in content


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/feeds/latest/",
        "/api/v1/articles/",
        "/calendars/anniversaries.ics",
        "/search/?q=blitz",
    ],
)
def test_a_page_rendered_again_in_the_same_generation_asks_the_database_nothing(
    page_cache, client, path, django_assert_num_queries
):
    article = make_article(title="The Blitz Begins", event_month=9, event_day=7)
    client.cookies[STAFF_COOKIE] = signed_value(0)  # staff: the page cache is bypassed
    first = client.get(path)
    assert first.status_code == 200 and b"The Blitz Begins" in first.content
    with django_assert_num_queries(0):
        again = client.get(path)
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]
    article.title = "The Blitz Ends"
    article.save()
    update_search_vector(article)  # as the admin does after a save
    assert b"The Blitz Ends" in client.get(path).content


def test_answers_of_the_api_are_kept_per_query_and_errors_are_not(page_cache, client):
    make_article(title="The Blitz Begins", event_year=1940)
    make_article(title="The Armada Sails", event_year=1588)
    client.cookies[STAFF_COOKIE] = signed_value(0)
    assert b"Armada" not in client.get("/api/v1/articles/?year=1940").content
    assert b"Armada" in client.get("/api/v1/articles/?year=1588").content
    for _ in range(2):
        assert client.get("/api/v1/articles/?year=nineteen").status_code == 400
    kept = [part for part in fragments.parts if part[0] == "open-data"]
    assert sorted(kept) == [
        ("open-data", "/api/v1/articles/?year=1588"),
        ("open-data", "/api/v1/articles/?year=1940"),
    ]


def test_the_sitemap_is_written_once_per_change(page_cache, client, django_assert_num_queries):
    first = make_article(title="The Blitz Begins")
    client.cookies[STAFF_COOKIE] = signed_value(0)
    assert first.get_absolute_url().encode() in client.get("/sitemap-articles.xml").content
    with django_assert_num_queries(0):
        assert client.get("/sitemap-articles.xml").status_code == 200
    second = make_article(title="The Blitz Ends")
    assert second.get_absolute_url().encode() in client.get("/sitemap-articles.xml").content


def test_the_api_documentation_is_written_once_per_change(
    page_cache, client, django_assert_num_queries
):
    client.cookies[STAFF_COOKIE] = signed_value(0)
    first = client.get("/api/")
    with django_assert_num_queries(0):
        again = client.get("/api/")
    assert again.content == first.content
