"""The JSON API: what it answers, for what readers can see only."""

import datetime

import pytest

from articles.anniversaries import today_in_history
from tests.factories import make_article, make_author, make_draft, make_scheduled, noon_utc

pytestmark = pytest.mark.django_db


def test_on_this_day_gives_the_days_anniversaries_with_their_dates(client):
    with noon_utc(2026, 3, 15):
        caesar = make_article(
            title="The Ides of March", event_year=-43, event_month=3, event_day=15
        )
        response = client.get("/api/v1/on-this-day/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    body = response.json()
    assert (body["month"], body["day"], body["on"]) == (3, 15, "2026-03-15")
    [kept] = body["anniversaries"]
    assert (kept["number"], kept["on"]) == (2069, "2026-03-15")
    assert kept["article"]["slug"] == caesar.slug
    assert kept["article"]["date"] == {
        "year": -43,
        "year_as_written": 44,
        "era": "BC",
        "month": 3,
        "day": 15,
        "precision": "day",
        "approximate": False,
        "old_style": False,
        "old_style_date": None,
        "iso": "-0043-03-15",
        "label": "March 15, 44 BC",
    }
    assert kept["article"]["url"] == f"http://127.0.0.1:8000/articles/{caesar.slug}/"
    assert body["day_url"] == "http://127.0.0.1:8000/on-this-day/march-15/"


def test_today_is_the_day_in_the_sites_time_zone(client, settings):
    settings.TIME_ZONE = "Pacific/Auckland"  # noon UTC is already midnight past there
    with noon_utc(2026, 8, 20):
        make_article(event_month=8, event_day=21)
        body = client.get("/api/v1/on-this-day/").json()
    assert body["on"] == "2026-08-21"
    assert len(body["anniversaries"]) == 1


def test_any_day_shows_what_the_widget_shows_with_the_limit(client):
    with noon_utc(2026, 1, 5):
        for year in (1900, 1901, 1902, 1926):  # 1926: the 100th in 2026
            make_article(title=f"In {year}", event_year=year)
        body = client.get("/api/v1/on-this-day/08/20/?limit=2").json()
        widget = today_in_history(datetime.date(2026, 8, 20), 2)
    assert body["on"] == "2026-08-20"
    assert [kept["article"]["slug"] for kept in body["anniversaries"]] == [
        kept.article.slug for kept in widget.anniversaries
    ]
    assert "In 1926" in [kept["article"]["title"] for kept in body["anniversaries"]]
    assert [kept["is_round"] for kept in body["anniversaries"]] == [
        kept.is_round for kept in widget.anniversaries
    ]
    assert body["has_more"] is True


def test_an_empty_day_offers_the_coming_anniversaries(client):
    with noon_utc(2026, 8, 18):
        make_article(title="Later", event_month=8, event_day=20)
        body = client.get("/api/v1/on-this-day/08/19/").json()
    assert body["anniversaries"] == []
    assert [kept["on"] for kept in body["upcoming"]] == ["2026-08-20"]
    assert body["upcoming_within_week"] is True


def test_29_february_counts_in_the_next_leap_year_and_is_kept_on_the_28th(client):
    with noon_utc(2027, 1, 10):
        make_article(title="Leap", event_year=1940, event_month=2, event_day=29)
        leap_day = client.get("/api/v1/on-this-day/02/29/").json()
        the_28th = client.get("/api/v1/on-this-day/02/28/").json()
    assert leap_day["on"] == "2028-02-29"
    assert [kept["number"] for kept in leap_day["anniversaries"]] == [88]
    [kept] = the_28th["anniversaries"]
    assert (kept["on"], kept["leap_day_kept_early"]) == ("2027-02-28", True)


def test_drafts_and_scheduled_articles_are_nowhere(client):
    public = make_article(tags=["war"])
    draft = make_draft(tags=["war"], author=public.author)
    scheduled = make_scheduled(tags=["war"], author=public.author)
    listed = client.get("/api/v1/articles/").json()["results"]
    assert [article["slug"] for article in listed] == [public.slug]
    for hidden in (draft, scheduled):
        assert client.get(f"/api/v1/articles/{hidden.slug}/").status_code == 404
    [tag] = client.get("/api/v1/tags/").json()["results"]
    assert tag["article_count"] == 1
    [author] = client.get("/api/v1/authors/").json()["results"]
    assert author["article_count"] == 1


def test_article_detail_has_the_sanitised_body_of_its_page_and_last_modified(client):
    article = make_article(
        body="Hello *there*.\n\n<script>alert(1)</script><p onclick='x()'>Hi</p>",
        event_year=1917,
        event_month=11,
        event_day=7,
        event_old_style=True,
        tags=["Russia"],
    )
    response = client.get(f"/api/v1/articles/{article.slug}/")
    body = response.json()
    assert body["body_html"] == article.body_html
    assert "<em>there</em>" in body["body_html"]
    assert "script" not in body["body_html"] and "onclick" not in body["body_html"]
    assert body["date"]["old_style_date"] == {"year": 1917, "month": 10, "day": 25}
    assert [tag["slug"] for tag in body["tags"]] == ["russia"]
    assert body["picture"] is None
    assert response["Last-Modified"]
    repeat = client.get(
        f"/api/v1/articles/{article.slug}/", HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]
    )
    assert repeat.status_code == 304


def test_articles_filter_by_tag_author_year_and_century(client):
    writer = make_author(slug="writer")
    caesar = make_article(event_year=-43, event_month=3, event_day=15, tags=["rome"])
    augustus = make_article(event_year=14, event_month=8, event_day=19, tags=["rome"])
    trotsky = make_article(author=writer)

    def slugs(query):
        response = client.get(f"/api/v1/articles/?{query}")
        assert response.status_code == 200, response.json()
        return {article["slug"] for article in response.json()["results"]}

    assert slugs("tag=rome") == {caesar.slug, augustus.slug}
    assert slugs("author=writer") == {trotsky.slug}
    assert slugs("year=-43") == {caesar.slug}
    assert slugs("century=-1") == {caesar.slug}
    assert slugs("century=1") == {augustus.slug}
    assert slugs("century=20") == {trotsky.slug}
    assert slugs("tag=rome&century=1") == {augustus.slug}


def test_pages_link_to_each_other_with_absolute_addresses_keeping_the_filters(client):
    author = make_author(slug="prolific")
    made = [make_article(author=author, tags=["war"]) for _ in range(5)]
    first = client.get("/api/v1/articles/?tag=war&page_size=2").json()
    base = "http://127.0.0.1:8000/api/v1/articles/"
    assert first["next"] == f"{base}?tag=war&page_size=2&page=2"
    assert first["previous"] is None
    second = client.get(first["next"].removeprefix("http://127.0.0.1:8000")).json()
    assert second["previous"] == f"{base}?tag=war&page_size=2"
    third = client.get(second["next"].removeprefix("http://127.0.0.1:8000")).json()
    assert third["next"] is None
    seen = [a["slug"] for page in (first, second, third) for a in page["results"]]
    # Newest first, every article once: a stable order.
    newest_first = sorted(made, key=lambda article: (article.publish_at, article.pk), reverse=True)
    assert seen == [article.slug for article in newest_first]


def test_tags_and_authors_link_to_their_articles_and_calendars(client):
    article = make_article(tags=["war"])
    [tag] = client.get("/api/v1/tags/").json()["results"]
    assert tag["articles"] == "http://127.0.0.1:8000/api/v1/articles/?tag=war"
    assert tag["calendar"] == "http://127.0.0.1:8000/calendars/tags/war.ics"
    [author] = client.get("/api/v1/authors/").json()["results"]
    assert author["slug"] == article.author.slug
    assert author["articles"].endswith(f"?author={article.author.slug}")


def test_the_index_points_to_the_schema_and_the_docs(client):
    body = client.get("/api/v1/").json()
    assert body["openapi"].endswith("/api/v1/openapi.json")
    assert body["docs"].endswith("/api/")
