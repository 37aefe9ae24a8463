"""demo/loader.py: the demo's data files read back as the authors and articles they
describe."""

import datetime

import pytest

from demo import loader, pictures

TODAY = datetime.date(2026, 12, 3)


def by_slug(today=TODAY):
    return {article["slug"]: article for article in loader.articles(today)}


def test_every_article_has_a_demo_author_and_a_picture_that_can_be_drawn():
    authors = {author["slug"] for author in loader.authors()}
    articles = loader.articles(TODAY)
    assert len({article["slug"] for article in articles}) == len(articles) == 37
    for article in articles:
        assert article["author"] in authors
        picture = article["picture"]
        if picture:
            assert picture.motif in pictures.MOTIFS
            assert {*picture.gradient, picture.accent} <= pictures.COLOURS.keys()
            assert article["caption"]


def test_dates_are_read_as_written():
    articles = by_slug()
    assert articles["ides-of-march"]["event"] == {
        "event_year": -43,
        "event_month": 3,
        "event_day": 15,
        "event_approximate": False,
        "event_old_style": False,
    }
    assert articles["gutenberg-printing-press"]["event"]["event_approximate"]
    assert articles["october-revolution"]["event"]["event_old_style"]


@pytest.mark.parametrize(
    ("today", "year"),
    [
        (TODAY, 1926),
        (datetime.date(2028, 2, 29), 1928),
        # 1900 had no 29 February: the nearest earlier leap year.
        (datetime.date(2000, 2, 29), 1896),
    ],
)
def test_the_ever_current_article_is_today_a_hundred_years_back(today, year):
    event = by_slug(today)["about-this-demo"]["event"]
    assert (event["event_year"], event["event_month"], event["event_day"]) == (
        year,
        today.month,
        today.day,
    )


def test_a_file_without_front_matter_is_refused(tmp_path):
    path = tmp_path / "01-untitled.md"
    path.write_text("Just a body.\n")
    with pytest.raises(ValueError, match="front matter"):
        loader.read_article(path, TODAY)
