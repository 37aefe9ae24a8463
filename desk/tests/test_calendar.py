"""The editorial calendar, as an editor reads it in the admin: eight weeks from today,
the anniversaries of published and scheduled articles day by day, round ones marked,
empty days marked, the waiting ideas, and any week on request."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from articles.models import Article
from desk import calendar as desk_calendar
from tests.factories import make_article, make_draft, make_scheduled, noon_utc

from .helpers import author, editor, make_idea, texts, tree

pytestmark = pytest.mark.django_db

CALENDAR = reverse("admin:desk_calendar")


def day_entry(response, heading):
    """The calendar's entry for the day whose heading starts with ``heading``."""
    (entry,) = [
        day
        for day in tree(response).find_class("desk-day")
        if day.find("h3").text_content().strip().startswith(heading)
    ]
    return entry


def entry_text(entry):
    return " ".join(entry.text_content().split())


class LoggedIn:
    """A client that logs in before each request, by the clock of that request (a
    session opened in another year may have expired)."""

    def __init__(self, client, user):
        self.client, self.user = client, user

    def get(self, path, query=None):
        self.client.force_login(self.user)
        return self.client.get(path, query)


@pytest.fixture
def as_editor(client):
    return LoggedIn(client, editor())


def listed_in(entry, css_class):
    (listing,) = entry.find_class(css_class)
    return [" ".join(item.text_content().split()) for item in listing.iter("li")]


def test_eight_weeks_day_by_day_from_today_in_the_site_time_zone(as_editor, settings):
    settings.TIME_ZONE = "Pacific/Auckland"  # already 11 August there at noon UTC
    with noon_utc(2026, 8, 10):
        response = as_editor.get(CALENDAR)
    days = texts(response, "//li[contains(@class, 'desk-day')]/h3")
    assert len(days) == 56
    assert days[0] == "Tuesday, August 11 today"
    assert days[-1] == "Monday, October 5"
    assert texts(response, "//h2[starts-with(., 'Week of')]")[0] == "Week of August 11, 2026"


def test_a_day_lists_published_and_scheduled_anniversaries_with_their_number(as_editor):
    with noon_utc(2026, 8, 10):
        hundred = make_article(
            title="Hundred years on", event_year=1926, event_month=8, event_day=20
        )
        make_scheduled(title="Coming soon", event_year=1940, event_month=8, event_day=20)
        make_draft(title="Not yet", event_year=1950, event_month=8, event_day=20)
        make_article(
            title="Approximate",
            event_year=1900,
            event_month=8,
            event_day=20,
            event_approximate=True,
        )
        make_article(title="Month only", event_year=1900, event_month=8, event_day=None)
        make_article(title="Still to come", event_year=2030, event_month=8, event_day=20)
        response = as_editor.get(CALENDAR)
    entry = day_entry(response, "Thursday, August 20")
    assert listed_in(entry, "desk-articles") == [
        "100th Hundred years on August 20, 1926 · " + str(hundred.author),
        "86th Coming soon August 20, 1940 · "
        + str(Article.objects.get(title="Coming soon").author)
        + " · scheduled for August 17, 2026, 12:00",
    ]
    # The round one is marked as such; links go to each article's admin page.
    assert [span.text for span in entry.find_class("desk-round")] == ["100th"]
    links = [link.get("href") for link in entry.iter("a")]
    assert reverse("admin:articles_article_change", args=[hundred.pk]) in links


def test_days_with_nothing_yet_are_marked_and_offer_an_idea(as_editor):
    with noon_utc(2026, 8, 10):
        make_article(event_year=1926, event_month=8, event_day=20)
        make_draft(event_year=1926, event_month=8, event_day=21)
        response = as_editor.get(CALENDAR)
    assert not day_entry(response, "Thursday, August 20").find_class("desk-nothing")
    empty = day_entry(response, "Friday, August 21")  # a draft does not cover it
    assert "desk-day-uncovered" in empty.get("class")
    assert "Nothing yet" in entry_text(empty)
    (note,) = [a.get("href") for a in empty.iter("a")]
    assert note == reverse("admin:desk_idea_add") + "?month=8&day=21"
    assert len(tree(response).find_class("desk-day-uncovered")) == 55


def test_29_february_is_kept_on_the_28th_in_common_years(as_editor):
    with noon_utc(2027, 2, 1):
        make_article(title="Leap day", event_year=1912, event_month=2, event_day=29)
        response = as_editor.get(CALENDAR)
    assert "115th Leap day February 29, 1912" in entry_text(
        day_entry(response, "Sunday, February 28")
    )
    with noon_utc(2028, 2, 1):
        response = as_editor.get(CALENDAR)
    assert "Nothing yet" in entry_text(day_entry(response, "Monday, February 28"))
    assert "116th Leap day" in entry_text(day_entry(response, "Tuesday, February 29"))


def test_round_anniversaries_come_first_and_a_crowded_day_links_to_the_rest(as_editor):
    with noon_utc(2026, 8, 10):
        for year in range(1801, 1801 + desk_calendar.ARTICLES_PER_DAY + 2):
            make_article(title=f"Event of {year}", event_year=year, event_month=8, event_day=20)
        make_article(title="Fifty years on", event_year=1976, event_month=8, event_day=20)
        response = as_editor.get(CALENDAR)
    entry = day_entry(response, "Thursday, August 20")
    titles = listed_in(entry, "desk-articles")
    assert len(titles) == desk_calendar.ARTICLES_PER_DAY
    assert titles[0].startswith("50th Fifty years on")
    assert titles[1].startswith("225th Event of 1801")
    more = entry.find_class("desk-more")[0]
    assert more.text_content().strip() == "and 3 more articles"
    assert more.find("a").get("href") == (
        reverse("admin:articles_article_changelist") + "?event_month=8&event_day=20"
    )


def test_the_calendar_shows_waiting_ideas_round_ones_first(as_editor):
    with noon_utc(2026, 8, 10):
        make_idea(title="Eighty-six", event_year=1940)
        make_idea(title="Hundred", event_year=1926)
        make_idea(title="Undated", event_day=None)
        make_idea(title="Roughly", event_approximate=True)
        make_idea(title="Outside the weeks", event_month=12)
        drafted = make_idea(title="Drafted", event_year=1941, article=make_draft())
        make_idea(title="Written", event_year=1942, article=make_article(event_month=1))
        response = as_editor.get(CALENDAR)
    entry = day_entry(response, "Thursday, August 20")
    assert listed_in(entry, "desk-ideas") == [
        "100th Hundred August 20, 1926",
        "86th Eighty-six August 20, 1940",
        "85th Drafted August 20, 1941 · draft started",
    ]
    assert reverse("admin:desk_idea_change", args=[drafted.pk]) in [
        a.get("href") for a in entry.iter("a")
    ]
    assert "Nothing yet" in entry_text(entry)  # ideas do not cover a day


def test_an_author_gets_links_only_to_the_articles_they_may_open(client):
    user = author()
    with noon_utc(2026, 8, 10):
        client.force_login(user)
        own = make_scheduled(title="Mine", author=user.author, event_month=8, event_day=20)
        public = make_article(title="Theirs", event_month=8, event_day=20)
        hidden = make_scheduled(title="Their plan", event_month=8, event_day=20)
        response = client.get(CALENDAR)
    entry = day_entry(response, "Thursday, August 20")
    links = {a.text_content(): a.get("href") for a in entry.iter("a")}
    assert links == {
        "Mine": reverse("admin:articles_article_change", args=[own.pk]),
        "Theirs": public.get_absolute_url(),
    }
    assert hidden.title in entry_text(entry)


@pytest.mark.parametrize(
    ("query", "first_day"),
    [
        ({"start": "2031-12-30"}, "Tuesday, December 30"),
        ({"week": "2026-W53"}, "Monday, December 28"),
        ({"week": "2027-W01"}, "Monday, January 4"),
    ],
)
def test_any_week_can_be_shown(as_editor, query, first_day):
    with noon_utc(2026, 8, 10):
        response = as_editor.get(CALENDAR, query)
    assert texts(response, "//li[contains(@class, 'desk-day')]/h3")[0] == first_day
    assert not list(get_messages(response.wsgi_request))


def test_the_weeks_can_be_walked_a_week_or_eight_at_a_time(as_editor):
    with noon_utc(2026, 8, 10):
        response = as_editor.get(CALENDAR, {"start": "2026-12-31"})
    links = {
        a.text_content(): a.get("href")
        for a in tree(response).find_class("desk-moves")[0].iter("a")
    }
    assert links == {
        "← 8 weeks earlier": "?start=2026-11-05",
        "← A week earlier": "?start=2026-12-24",
        "A week later →": "?start=2027-01-07",
        "8 weeks later →": "?start=2027-02-25",
        "From today": CALENDAR,
    }


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"start": "2026-02-30"}, "“2026-02-30” is not a date the calendar can show"),
        ({"start": "yesterday"}, "“yesterday” is not a date the calendar can show"),
        ({"start": "9999-12-01"}, "The calendar goes no further than the year 9999"),
        ({"week": "2026-W54"}, "“2026-W54” is not a week"),
        ({"week": "2025-W53"}, "“2025-W53” is not a week"),
        ({"week": "W10"}, "“W10” is not a week"),
        ({"start": "x" * 500}, "“" + "x" * 29 + "…” is not a date"),
    ],
)
def test_a_week_that_cannot_be_shown_says_so_and_shows_today(as_editor, query, message):
    with noon_utc(2026, 8, 10):
        response = as_editor.get(CALENDAR, query)
    assert response.status_code == 200
    (shown,) = [str(each) for each in get_messages(response.wsgi_request)]
    assert shown.startswith(message)
    assert shown.endswith("Showing the weeks from today instead.")
    assert texts(response, "//li[contains(@class, 'desk-day')]/h3")[0] == "Monday, August 10 today"


def test_the_last_weeks_of_9999_have_no_link_further(as_editor):
    with noon_utc(2026, 8, 10):
        response = as_editor.get(CALENDAR, {"start": "9999-11-06"})
        first = as_editor.get(CALENDAR, {"start": "0001-01-01"})
    days = texts(response, "//li[contains(@class, 'desk-day')]/h3")
    assert days[-1] == "Friday, December 31"
    moves = texts(response, "//nav[@class='desk-moves']//a")
    assert moves == ["← 8 weeks earlier", "← A week earlier", "From today"]
    assert texts(first, "//nav[@class='desk-moves']//a") == [
        "A week later →",
        "8 weeks later →",
        "From today",
    ]


def test_with_the_page_cache_on_each_viewer_gets_their_own_calendar_and_every_change(
    client, settings
):
    """The weeks are kept as a fragment: one for the editors, one for each author (the
    links differ), and an idea's change makes them render again, as an article's does."""
    settings.PAGE_CACHE = True
    writer, chief = author(), editor()
    with noon_utc(2026, 8, 10):
        own = make_scheduled(title="Mine", author=writer.author, event_month=8, event_day=20)
        client.force_login(chief)
        assert "Mine" in entry_text(day_entry(client.get(CALENDAR), "Thursday, August 20"))
        client.force_login(writer)
        links = [
            a.get("href") for a in day_entry(client.get(CALENDAR), "Thursday, August 20").iter("a")
        ]
        assert reverse("admin:articles_article_change", args=[own.pk]) in links
        idea = make_idea(title="Hundred")
        entry = day_entry(client.get(CALENDAR), "Thursday, August 20")
        assert listed_in(entry, "desk-ideas") == ["100th Hundred August 20, 1926"]
        idea.title = "A hundred years"
        idea.save()
        entry = day_entry(client.get(CALENDAR), "Thursday, August 20")
        assert listed_in(entry, "desk-ideas") == ["100th A hundred years August 20, 1926"]


def links_of(entry):
    return [a.get("href") for a in entry.iter("a")]
