import datetime

import pytest
import time_machine

from briefs.models import Brief
from tests.factories import make_article, make_draft

from .factories import make_brief

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def on_20_august_2026():
    with time_machine.travel(datetime.datetime(2026, 8, 20, 12, tzinfo=datetime.UTC), tick=False):
        yield


def test_a_days_briefs_as_json(client):
    article = make_article(title="The Few")
    brief = make_brief(text="*The Few*.", article=article, source_url="https://example.org/")
    hidden = make_brief(kind=Brief.Kind.DEATH, event_year=1915, article=make_draft())
    make_brief(status=Brief.Status.DRAFT, text="Draft.")
    answer = client.get("/api/v1/briefs/8/20/").json()
    assert [found["id"] for found in answer["results"]] == [hidden.pk, brief.pk]
    first = answer["results"][1]
    assert first["text_html"] == "<em>The Few</em>."
    assert first["url"].endswith(f"/on-this-day/august-20/#brief-{brief.pk}")
    assert first["article"]["slug"] == article.slug and first["date"]["year"] == 1940
    assert answer["results"][0]["article"] is None  # a draft article is not revealed


def test_on_this_day_answers_link_the_days_briefs(client):
    brief = make_brief()
    answer = client.get("/api/v1/on-this-day/").json()
    assert "briefs" not in answer
    assert answer["briefs_url"].endswith("/api/v1/briefs/8/20/")
    briefs = client.get(answer["briefs_url"]).json()["results"]
    assert [found["id"] for found in briefs] == [brief.pk]


def test_a_day_that_never_exists_is_a_400(client):
    assert client.get("/api/v1/briefs/2/30/").status_code == 400
    assert client.get("/api/v1/briefs/13/1/").status_code == 400
    assert client.get("/api/v1/briefs/2/29/").status_code == 200
