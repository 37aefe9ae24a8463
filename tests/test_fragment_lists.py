"""The list pages as fragments (tags, authors, years, spans, the timeline, the briefs'
search): rendered again for staff in the same generation, each asks the database
nothing and shows the same page; each part is kept apart for what it depends on (the
tag, the author, the year, the span, the page number, the query, a dated entry's
heading level), and a change shows at once."""

import pytest

from articles.views import TagView
from briefs.models import Brief
from briefs.tests.factories import make_brief
from historyblog.staff import STAFF_COOKIE, signed_value
from tests.factories import make_article, make_author

pytestmark = pytest.mark.django_db

# Each page, with what it shows of the article and the brief below.
PAGES = [
    ("/tags/", "war"),
    ("/tags/war/", "Blitz"),
    ("/authors/", "Ada Byron"),
    ("/authors/ada-byron/", "Blitz"),
    ("/years/1940/", "Blitz"),
    ("/years/1940s/", "Blitz"),
    ("/centuries/20th/", "Blitz"),
    ("/timeline/", "1940s"),
    ("/search/briefs/?q=blitz", "Blitz"),
]


@pytest.fixture
def staff(settings, client):
    """A staff member's client (the page cache bypassed) with the page cache on: pages
    are rendered, their fragments kept."""
    settings.PAGE_CACHE = True
    client.cookies[STAFF_COOKIE] = signed_value(0)
    return client


@pytest.fixture
def blitz():
    author = make_author(display_name="Ada Byron", slug="ada-byron")
    make_brief(text="The Blitz: London bombed.", tags=["war"])
    return make_article(title="The Blitz Begins", author=author, tags=["war"])


@pytest.mark.parametrize(("path", "shown"), PAGES)
def test_a_list_page_rendered_again_asks_the_database_nothing(
    staff, blitz, path, shown, django_assert_num_queries
):
    first = staff.get(path)
    assert first.status_code == 200
    assert shown in first.content.decode()
    with django_assert_num_queries(0):
        again = staff.get(path)
    assert again.content == first.content


@pytest.mark.parametrize(("path", "shown"), PAGES)
def test_a_change_shows_at_once_on_a_list_page(staff, blitz, path, shown):
    assert shown in staff.get(path).content.decode()
    # Moved to another year, author and tag; the brief no longer published.
    blitz.event_year = 1588
    blitz.author = make_author(display_name="Walter Raleigh", slug="walter-raleigh")
    blitz.save()
    blitz.tags.set(["navy"])
    Brief.objects.update(status=Brief.Status.DRAFT)
    assert shown not in staff.get(path).content.decode()


def test_each_tag_author_year_and_query_is_kept_apart(staff):
    byron = make_author(display_name="Ada Byron", slug="ada-byron")
    curie = make_author(display_name="Marie Curie", slug="marie-curie")
    make_article(title="The Blitz Begins", author=byron, tags=["war"], event_year=1940)
    make_article(title="Radium Isolated", author=curie, tags=["science"], event_year=1902)
    make_brief(text="The Blitz: London bombed.")
    make_brief(text="Radium: a new element.", event_year=1902)
    pairs = [
        ("/tags/war/", "/tags/science/"),
        ("/authors/ada-byron/", "/authors/marie-curie/"),
        ("/years/1940/", "/years/1902/"),
        ("/years/1940s/", "/years/1900s/"),
        ("/centuries/20th/", "/years/1900s/"),
        ("/search/briefs/?q=blitz", "/search/briefs/?q=radium"),
    ]
    for blitz_path, other_path in pairs:
        assert "Blitz" in staff.get(blitz_path).content.decode(), blitz_path
        other = staff.get(other_path).content.decode()
        assert "Blitz" not in other and "Radium" in other, other_path


def test_each_page_of_a_tag_is_kept_apart(staff, monkeypatch):
    monkeypatch.setattr(TagView, "paginate_by", 1)
    make_article(title="The Blitz Begins", tags=["war"], event_year=1940)
    make_article(title="The Armada Sails", tags=["war"], event_year=1588)
    first, second = (staff.get(f"/tags/war/?page={n}").content.decode() for n in (1, 2))
    assert ("Blitz" in first) != ("Blitz" in second)
    assert ("Armada" in first) != ("Armada" in second)


def test_a_dated_entry_is_kept_for_each_heading_level(staff):
    make_article(title="The Blitz Begins", event_year=1940)
    # The year page lists it under a level-2 heading, the decade page under its year's.
    assert '<h2 class="entry-title">' in staff.get("/years/1940/").content.decode()
    decade = staff.get("/years/1940s/").content.decode()
    assert '<h3 class="entry-title">' in decade and '<h2 class="entry-title">' not in decade


def test_an_author_with_nothing_published_has_a_page_and_a_missing_one_none(staff):
    make_article(title="The Blitz Begins", author=make_author(slug="ada-byron"))
    make_author(display_name="Marie Curie", slug="marie-curie")  # nothing published
    assert "Marie Curie" in staff.get("/authors/marie-curie/").content.decode()
    assert staff.get("/authors/nobody/").status_code == 404
