import datetime

import pytest
import time_machine
from django.utils import timezone

from briefs.models import Brief
from tests.factories import make_article

from .factories import make_brief

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def on_20_august_2026():
    with time_machine.travel(datetime.datetime(2026, 8, 20, 12, tzinfo=datetime.UTC), tick=False):
        yield


def test_a_day_with_only_briefs_is_full_and_indexed(client):
    brief = make_brief(text="The *Few* speech.", kind=Brief.Kind.EVENT)
    make_brief(text="A draft nobody sees.", status=Brief.Status.DRAFT)
    html = client.get("/on-this-day/august-20/").content.decode()
    assert 'name="robots"' not in html
    assert "No articles about" not in html
    assert f'id="brief-{brief.pk}"' in html and "The <em>Few</em> speech." in html
    assert ">On this day</h2>" in html and "<h3>Events</h3>" in html
    assert "A draft nobody sees" not in html


def test_briefs_follow_the_day_articles_under_also_on_this_day(client):
    make_article(title="The Few")
    make_brief(kind=Brief.Kind.BIRTH, text="Someone is born.")
    html = client.get("/on-this-day/august-20/").content.decode()
    assert html.index("The Few") < html.index("Also on this day") < html.index("Someone is born")
    assert "<h3>Births</h3>" in html


def test_an_empty_day_stays_noindex(client):
    make_brief(event_month=8, event_day=21)
    html = client.get("/on-this-day/august-20/").content.decode()
    assert 'name="robots" content="noindex"' in html


def test_year_page_lists_briefs_with_and_without_a_day(client):
    make_article(title="The Few")
    dated = make_brief(text="Dated.")
    undated = make_brief(event_month=None, event_day=None, text="Some time that year.")
    make_brief(event_year=1941, text="Next year.")
    html = client.get("/years/1940/").content.decode()
    assert "Also in 1940" in html
    assert html.index("Some time that year.") < html.index("Dated.")
    assert "Next year." not in html
    assert undated.get_absolute_url() == f"/years/1940/#brief-{undated.pk}"
    assert dated.get_absolute_url() == f"/on-this-day/august-20/#brief-{dated.pk}"


@pytest.mark.parametrize("count", [1, 30])
def test_day_and_year_pages_cost_the_same_queries_with_1_or_30_briefs(
    client, count, django_assert_max_num_queries
):
    make_article(title="The Few")
    for number in range(count):
        make_brief(text=f"Brief {number}.", article=make_article() if number < 3 else None)
    # page count, page of articles, the day's briefs with their articles, and the
    # month grid's marked days (articles, briefs)
    with django_assert_max_num_queries(5):
        assert client.get("/on-this-day/august-20/").status_code == 200
    # and the neighbouring years
    with django_assert_max_num_queries(5):
        assert client.get("/years/1940/").status_code == 200


def test_the_sitemap_lists_days_with_only_briefs_dated_by_the_latest_change(client):
    with time_machine.travel(datetime.datetime(2026, 8, 10, 12, tzinfo=datetime.UTC)):
        make_article(title="The Few", publish_at=timezone.now())
    make_brief(event_month=5, event_day=1, text="Only a brief.")
    make_brief(event_month=6, event_day=2, status=Brief.Status.DRAFT, text="A draft.")
    xml = client.get("/sitemap-days.xml").content.decode()
    assert "/on-this-day/may-1/" in xml and "/on-this-day/june-2/" not in xml
    august = xml[xml.index("/on-this-day/august-20/") :]
    assert "<lastmod>2026-08-10</lastmod>" in august.split("</url>")[0]
    make_brief(text="A new brief on the day.")
    xml = client.get("/sitemap-days.xml").content.decode()
    august = xml[xml.index("/on-this-day/august-20/") :]
    assert "<lastmod>2026-08-20</lastmod>" in august.split("</url>")[0]
