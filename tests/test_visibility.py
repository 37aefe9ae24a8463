"""What readers may see has one rule (articles.models.published_q), and
Article.is_public is its mirror in Python: the two must never disagree."""

import datetime

import pytest
import time_machine

from articles.counts import published_count
from articles.models import Article, Author
from tests.factories import make_article

NOW = datetime.datetime(2026, 5, 20, 12, 0, tzinfo=datetime.UTC)
OFFSETS = [None, -86_400, -1, 0, 1, 86_400]  # seconds from now; None: no publish time


@pytest.fixture
def every_state(db):
    with time_machine.travel(NOW, tick=False):
        articles = []
        for status in Article.Status.values:
            for offset in OFFSETS:
                article = make_article(status=status)
                publish_at = None if offset is None else NOW + datetime.timedelta(seconds=offset)
                Article.objects.filter(pk=article.pk).update(publish_at=publish_at)
                article.refresh_from_db()
                articles.append(article)
        yield articles


def test_published_is_exactly_the_articles_that_are_public(every_state):
    public = {article.pk for article in every_state if article.is_public}
    assert set(Article.objects.published().values_list("pk", flat=True)) == public
    assert public  # the grid has both kinds
    assert public != {article.pk for article in every_state}


def test_scheduled_is_published_status_not_yet_public(every_state):
    scheduled = {
        article.pk
        for article in every_state
        if article.status == Article.Status.PUBLISHED
        and article.publish_at is not None
        and not article.is_public
    }
    assert set(Article.objects.scheduled().values_list("pk", flat=True)) == scheduled
    assert {article.state for article in every_state if article.pk in scheduled} == {"Scheduled"}


def test_the_next_publication_time_is_the_earliest_scheduled_one(every_state):
    assert Article.objects.next_publication_time() == NOW + datetime.timedelta(seconds=1)
    Article.objects.scheduled().delete()
    assert Article.objects.next_publication_time() is None


def test_published_count_counts_what_published_shows(every_state):
    counted = Author.objects.annotate(count=published_count("articles"))
    assert sum(author.count for author in counted) == Article.objects.published().count()
