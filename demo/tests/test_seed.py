"""``manage.py seed_articles``: synthetic articles for benchmarks, fast and deterministic."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from articles.dates import day_slug, year_slug
from articles.markdown import render_markdown
from articles.models import Article, TaggedArticle
from articles.search import update_search_vector

pytestmark = pytest.mark.django_db


def seed(*args):
    call_command("seed_articles", *args, stdout=StringIO())


def test_seed_fills_a_realistic_site(client):
    seed("200", "--seed", "3", "--batch-size", "50")
    articles = Article.objects.filter(slug__startswith="seed-")
    assert articles.count() == 200
    years = list(articles.values_list("event_year", flat=True))
    assert min(years) < 0 < max(years)
    assert max(years) - min(years) > 2000
    full = articles.filter(event_day__isnull=False).count()
    assert 0.7 * 200 < full < 200
    assert articles.filter(event_month__isnull=True).exists()
    published = Article.objects.published().filter(slug__startswith="seed-").count()
    assert published > 0.8 * 200
    assert TaggedArticle.objects.filter(content_object__in=articles).count() >= 200
    assert articles.values("author").distinct().count() > 10
    sample = articles.first()
    assert sample.body_html == render_markdown(sample.body)

    article = Article.objects.published().filter(
        slug__startswith="seed-", event_day__isnull=False
    )[0]
    tag = article.tags.first()
    word = article.title.split()[0]
    for path in [
        "/",
        article.get_absolute_url(),
        f"/tags/{tag.slug}/",
        f"/search/?q={word}",
        "/feeds/latest/",
        "/timeline/",
        f"/on-this-day/{day_slug(article.event_month, article.event_day)}/",
        f"/years/{year_slug(article.event_year)}/",
    ]:
        assert client.get(path).status_code == 200, path


def test_seed_is_deterministic_and_clears_its_own_rows():
    seed("30", "--seed", "7")
    first = list(
        Article.objects.filter(slug__startswith="seed-").values_list("title", "event_year")
    )
    seed("30", "--seed", "7", "--clear")
    again = list(
        Article.objects.filter(slug__startswith="seed-").values_list("title", "event_year")
    )
    assert sorted(first) == sorted(again)
    assert Article.objects.filter(slug__startswith="seed-").count() == 30


@pytest.mark.skipif(connection.vendor != "postgresql", reason="search vectors: PostgreSQL")
def test_seeded_search_vectors_are_the_ones_saving_an_article_makes():
    seed("12", "--seed", "5")
    articles = list(Article.objects.filter(slug__startswith="seed-").order_by("pk"))
    seeded = vectors(articles)
    for article in articles:
        update_search_vector(article)
    assert vectors(articles) == seeded


def vectors(articles):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT search_vector::text FROM articles_article WHERE id = ANY(%s) ORDER BY id",
            [[article.pk for article in articles]],
        )
        return [row[0] for row in cursor.fetchall()]
