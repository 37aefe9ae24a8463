import pytest

from briefs.models import Brief
from briefs.search import matching_briefs

from .factories import make_brief

pytestmark = pytest.mark.django_db


def test_search_finds_published_briefs_by_word_and_by_date(client):
    churchill = make_brief(text="Churchill praises the Few in the Commons.")
    make_brief(text="Churchill in a draft.", status=Brief.Status.DRAFT)
    other_day = make_brief(event_month=5, event_day=1, text="Parliament sits.")
    assert matching_briefs("Churchill") == [churchill]
    assert matching_briefs("churchill -commons") == []
    assert matching_briefs("August 20") == [churchill]
    assert matching_briefs("1940") == [other_day, churchill]
    assert matching_briefs("   ") == []
    html = client.get("/search/", {"q": "Churchill"}).content.decode()
    assert "In brief" in html and f'href="/on-this-day/august-20/#brief-{churchill.pk}"' in html
    assert "in a draft" not in html


def test_a_search_for_nothing_shows_no_briefs(client):
    make_brief(text="The the the.")
    html = client.get("/search/", {"q": "!!!"}).content.decode()
    assert "In brief" not in html


def test_with_matching_articles_the_briefs_have_their_own_page(client):
    from tests.factories import make_article

    make_article(title="Churchill speaks")
    brief = make_brief(text="Churchill praises the Few.")
    html = client.get("/search/", {"q": "Churchill"}).content.decode()
    assert "In brief" not in html and 'href="/search/briefs/?q=Churchill"' in html
    page = client.get("/search/briefs/", {"q": "Churchill"})
    assert page.status_code == 200
    content = page.content.decode()
    assert "1 brief for “Churchill”" in content
    assert f'href="/on-this-day/august-20/#brief-{brief.pk}"' in content
    assert "Type what you are looking for" in client.get("/search/briefs/").content.decode()
