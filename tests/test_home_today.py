"""The home page's Today: the lead (the editor's pick, else the roundest round
anniversary, else the first), the day's other articles, its briefs by kind, then what is
coming; the leap day and days with nothing."""

import datetime
import re

import pytest

from articles.anniversaries import coming_this_week
from articles.models import EditorsPick
from briefs.models import Brief
from briefs.tests.factories import make_brief

from .factories import make_article, noon_utc
from .sample_site import with_picture

pytestmark = pytest.mark.django_db


def home(client):
    response = client.get("/")
    assert response.status_code == 200
    return response


def lead_title(response):
    return response.context["widget"].lead.article.title


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_without_pick_or_round_anniversary_the_first_of_the_widget_leads(client):
    with noon_utc(2026, 8, 20):
        make_article(title="Older", event_year=1901)
        make_article(title="Newer", event_year=1903)
        response = home(client)
    assert lead_title(response) == "Older"
    assert [a.article.title for a in response.context["widget"].others] == ["Newer"]


def test_the_roundest_round_anniversary_leads(client):
    with noon_utc(2026, 8, 20):
        make_article(title="Not round", event_year=1901)
        make_article(title="A 50th", event_year=1976)
        make_article(title="A 100th", event_year=1926)
        make_article(title="A 10th", event_year=2016)
        response = home(client)
    assert lead_title(response) == "A 100th"
    others = [a.article.title for a in response.context["widget"].others]
    assert "A 100th" not in others and len(others) == 3


def test_the_editors_pick_leads_before_a_round_anniversary(client):
    with noon_utc(2026, 8, 20):
        make_article(title="A 100th", event_year=1926)
        picked = make_article(title="The pick", event_year=1901)
        EditorsPick.objects.create(article=picked, event_month=8, event_day=20)
        response = home(client)
    assert lead_title(response) == "The pick"


def test_the_lead_shows_its_picture_large_and_first(client):
    with noon_utc(2026, 8, 20):
        make_article(title="Plain", event_year=1901)
        with_picture(make_article(title="A 100th", event_year=1926))
        html = home(client).content.decode()
    lead = re.search(r'<article class="today-lead is-round">.*?</article>', html, re.S).group(0)
    image = re.search(r"<img [^>]*>", lead).group(0)
    assert 'class="today-lead-picture"' in image
    assert 'loading="eager"' in image and 'fetchpriority="high"' in image
    assert "srcset=" in image and 'width="' in image and 'height="' in image
    assert "100th anniversary" in lead and "A 100th" in lead
    # The lead's is the page's first picture.
    assert html.index("<img ") == html.index(image)


def test_the_days_briefs_come_by_kind_after_the_articles_then_coming_up(client):
    with noon_utc(2026, 8, 20):
        make_article(title="Article of the day", event_year=1901)
        make_article(title="Article of tomorrow", event_year=1902, event_month=8, event_day=21)
        make_brief(text="A death.", kind=Brief.Kind.DEATH, event_year=1850)
        make_brief(text="A birth.", kind=Brief.Kind.BIRTH, event_year=1800)
        make_brief(text="An event.", kind=Brief.Kind.EVENT, event_year=1900)
        make_brief(text="Of another day.", event_day=19)
        make_brief(text="A draft.", status=Brief.Status.DRAFT)
        text = text_of(home(client).content.decode())
    order = [
        "Article of the day",
        "Also on this day",
        "Events",
        "An event.",
        "Births",
        "A birth.",
        "Deaths",
        "A death.",
        "Coming up this week",
        "Article of tomorrow",
        "Latest articles",
    ]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions), text
    assert "Of another day." not in text and "A draft." not in text


def test_a_day_without_articles_keeps_coming_up_and_shows_its_briefs(client):
    with noon_utc(2026, 8, 20):
        make_article(title="Next week", event_year=1902, event_month=8, event_day=25)
        make_brief(text="A brief of today.")
        response = home(client)
    text = text_of(response.content.decode())
    assert "No anniversaries today." in text
    assert text.index("Coming up this week") < text.index("Next week")
    assert "On this day" in text and "A brief of today." in text
    assert "Also on this day" not in text
    assert not response.context["coming_up"]  # the widget's own list, not a second one


def test_a_site_with_nothing_says_so(client):
    with noon_utc(2026, 8, 20):
        text = text_of(home(client).content.decode())
    assert "No anniversaries yet. The first articles are being written." in text
    assert "Also on this day" not in text and "Coming up" not in text


def test_february_29_events_lead_on_the_28th_of_a_common_year_with_the_note(client):
    with noon_utc(2027, 2, 28):
        make_article(title="Leap day event", event_year=1940, event_month=2, event_day=29)
        make_brief(text="A leap day brief.", event_year=1804, event_month=2, event_day=29)
        response = home(client)
    text = text_of(response.content.decode())
    assert lead_title(response) == "Leap day event"
    assert "February 29, remembered on the 28th this year" in text
    assert "A leap day brief." in text


def test_coming_up_crosses_the_new_year_in_one_query(client, django_assert_num_queries):
    with noon_utc(2026, 12, 29):
        make_article(title="New Year's Day", event_year=1901, event_month=1, event_day=1)
        make_article(title="A round one", event_year=1977, event_month=1, event_day=4)
        make_article(title="Too far", event_year=1901, event_month=1, event_day=6)
        with django_assert_num_queries(1):
            coming = coming_this_week(datetime.date(2026, 12, 29), 2)
    assert [(a.article.title, a.on.isoformat()) for a in coming] == [
        ("New Year's Day", "2027-01-01"),
        ("A round one", "2027-01-04"),
    ]
    assert coming[1].is_round  # the 50th, in 2027


def test_the_birthday_box_is_a_get_form_to_the_day_pages(client):
    with noon_utc(2026, 8, 20):
        html = home(client).content.decode()
    box = re.search(r'<section class="aside-section birthday-box".*?</section>', html, re.S)
    assert "What happened on your birthday?" in box.group(0)
    form = re.search(r"<form [^>]*>", box.group(0)).group(0)
    assert 'method="get"' in form and 'action="/on-this-day/"' in form
    assert 'name="month"' in box.group(0) and 'name="day"' in box.group(0)
    assert 'name="year"' not in box.group(0)
    # Without JavaScript: the form's GET leads to the day page.
    response = client.get("/on-this-day/", {"month": "3", "day": "15"})
    assert response.status_code == 302 and response["Location"] == "/on-this-day/march-15/"


def test_a_day_with_many_briefs_shows_the_first_few_of_each_kind_and_leads_to_the_rest(
    client, settings, django_assert_max_num_queries
):
    settings.TODAY_BRIEFS_PER_KIND = 2
    with noon_utc(2026, 8, 20):
        make_article(title="Article of the day", event_year=1901)
        for year in (1801, 1802, 1803):
            make_brief(text=f"Event of {year}.", event_year=year)
        make_brief(text="The only birth.", kind=Brief.Kind.BIRTH, event_year=1850)
        with django_assert_max_num_queries(6):
            response = home(client)
    text = text_of(response.content.decode())
    assert "Event of 1801." in text and "Event of 1802." in text
    assert "Event of 1803." not in text and "The only birth." in text
    assert 'href="/on-this-day/august-20/#briefs-heading"' in response.content.decode()
