"""Fill the database with N synthetic articles, fast, for benchmarks.

    manage.py seed_articles 100000 [--batch-size 2000] [--seed 1] [--clear]

Rows are marked as synthetic by slugs starting with ``seed-`` (authors too), so
``--clear`` deletes only them. Titles, deks and bodies are English-like text from
real word frequencies (:mod:`demo.corpus`); ``body_html`` is the rendering the app's
Markdown renderer makes of ``body`` (checked on a sample of each batch). On
PostgreSQL the search vectors are filled in by one SQL UPDATE, and the tables are
settled at the end (:func:`historyblog.settle.settle`), so the first search after
seeding is as fast as the next ones.
"""

import datetime
import random
import time

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone
from taggit.models import Tag

from articles.markdown import render_markdown
from articles.models import Article, Author, TaggedArticle
from historyblog.settle import settle

PREFIX = "seed-"

TAG_NAMES = [
    "war",
    "science",
    "art",
    "religion",
    "politics",
    "exploration",
    "medicine",
    "music",
    "literature",
    "architecture",
    "trade",
    "disasters",
    "sport",
    "technology",
    "law",
    "revolutions",
    "empires",
    "treaties",
    "inventions",
    "astronomy",
    "ancient rome",
    "ancient greece",
    "egypt",
    "china",
    "india",
    "japan",
    "persia",
    "byzantium",
    "middle ages",
    "renaissance",
    "enlightenment",
    "industrial revolution",
    "colonialism",
    "women",
    "education",
    "philosophy",
    "economics",
    "maritime",
    "aviation",
    "railways",
    "photography",
    "cinema",
    "printing",
    "plague",
    "coronations",
    "assassinations",
    "discoveries",
    "elections",
    "independence",
    "space",
]

# One article in CHECK_EVERY has its HTML checked against the Markdown renderer.
CHECK_EVERY = 500


def event_date(rng):
    """(year, month, day, approximate): about 85% full dates, from 1200 BC to 1800 AD."""
    year = rng.randint(-1200, 2025)
    roll = rng.random()
    if roll < 0.85:
        month = rng.randint(1, 12)
        day = rng.randint(1, 28 if month == 2 else 30)
        return year, month, day, False
    if roll < 0.92:
        return year, rng.randint(1, 12), None, False
    if roll < 0.97:
        return year, None, None, False
    return year, None, None, True


class Command(BaseCommand):
    help = "Fill the database with N synthetic articles (slugs prefixed 'seed-')."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int)
        parser.add_argument("--batch-size", type=int, default=2000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--clear", action="store_true", help="Delete previous seed rows first."
        )

    def handle(self, count, batch_size, seed, clear, **options):
        started = time.monotonic()
        rng = random.Random(seed)
        from demo.corpus import Corpus  # wordfreq is for development only

        corpus = Corpus(rng)
        with transaction.atomic():
            if connection.vendor == "postgresql":
                # Bulk work outlasts the per-request statement timeout of the settings.
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL statement_timeout = 0")
            if clear:
                ids = Article.objects.filter(slug__startswith=PREFIX).values("pk")
                TaggedArticle.objects.filter(content_object__in=ids).delete()
                Article.objects.filter(slug__startswith=PREFIX).delete()
                Author.objects.filter(slug__startswith=PREFIX).delete()
            authors = self.authors(rng, corpus)
            tags = self.tags()
            start = Article.objects.filter(slug__startswith=PREFIX).count()
            now = timezone.now()
            made = 0
            while made < count:
                n = min(batch_size, count - made)
                articles = []
                for i in range(start + made, start + made + n):
                    year, month, day, approx = event_date(rng)
                    corpus.new_article()
                    body, body_html = corpus.body((year, month, day))
                    if i % CHECK_EVERY == 0 and render_markdown(body) != body_html:
                        raise AssertionError(f"The renderer disagrees on:\n{body}")
                    roll = rng.random()
                    if roll < 0.94:
                        status = Article.Status.PUBLISHED
                        publish_at = now - datetime.timedelta(
                            minutes=rng.randint(1, 10 * 365 * 24 * 60)
                        )
                    elif roll < 0.97:
                        status = Article.Status.PUBLISHED
                        publish_at = now + datetime.timedelta(days=rng.randint(1, 60))
                    else:
                        status, publish_at = Article.Status.DRAFT, None
                    articles.append(
                        Article(
                            title=corpus.title(),
                            slug=f"{PREFIX}{i}",
                            dek=corpus.dek(),
                            event_year=year,
                            event_month=month,
                            event_day=day,
                            event_approximate=approx,
                            body=body,
                            body_html=body_html,
                            author=rng.choice(authors),
                            status=status,
                            publish_at=publish_at,
                        )
                    )
                created = Article.objects.bulk_create(articles, batch_size=batch_size)
                if created and created[0].pk is None:  # backends without RETURNING
                    created = list(
                        Article.objects.filter(slug__in=[a.slug for a in articles]).only("pk")
                    )
                links = []
                for article in created:
                    for tag in rng.sample(tags, rng.randint(1, 4)):
                        links.append(TaggedArticle(content_object_id=article.pk, tag_id=tag.pk))
                TaggedArticle.objects.bulk_create(links, batch_size=batch_size * 4)
                made += n
            self.fill_search_vectors()
        settle(Article, Author, Tag)
        elapsed = time.monotonic() - started
        self.stdout.write(f"Seeded {count} articles in {elapsed:.1f} s ({connection.vendor}).")

    def authors(self, rng, corpus):
        authors = []
        for i in range(20):
            author, _ = Author.objects.get_or_create(
                slug=f"{PREFIX}author-{i}",
                defaults={"display_name": corpus.person()},
            )
            authors.append(author)
        return authors

    def tags(self):
        from django.utils.text import slugify

        existing = {t.name: t for t in Tag.objects.filter(name__in=TAG_NAMES)}
        missing = [Tag(name=n, slug=slugify(n)) for n in TAG_NAMES if n not in existing]
        taken = set(
            Tag.objects.filter(slug__in=[t.slug for t in missing]).values_list("slug", flat=True)
        )
        for t in missing:
            if t.slug in taken:
                t.slug = f"{t.slug}-{PREFIX.rstrip('-')}"
        Tag.objects.bulk_create(missing)
        return list(Tag.objects.filter(name__in=TAG_NAMES))

    def fill_search_vectors(self):
        """The vectors articles.search.update_search_vector would store, in one UPDATE.
        The seeded bodies have no entity, control character or comment, so their text
        (articles.search.body_text) is the HTML without its tags."""
        if connection.vendor != "postgresql":
            return
        from articles.search import _CONFIG_SQL, _config_params

        cfg = f"({_CONFIG_SQL})"
        params = _config_params()
        table = Article._meta.db_table
        through = TaggedArticle._meta.db_table
        tag_table = Tag._meta.db_table
        with connection.cursor() as cursor:
            # Fresh statistics, or the planner, which still sees an empty table, joins
            # the tag names once per article.
            cursor.execute(f"ANALYZE {table}, {through}")
            cursor.execute(
                f"""
                WITH names AS (
                    SELECT ta.content_object_id AS id,
                        string_agg(tg.name, ' ' ORDER BY tg.name COLLATE "C") AS names
                    FROM {through} ta JOIN {tag_table} tg ON tg.id = ta.tag_id
                    GROUP BY ta.content_object_id
                )
                UPDATE {table} a SET search_vector =
                    setweight(to_tsvector({cfg}, a.title), 'A')
                    || setweight(to_tsvector({cfg}, a.dek || ' ' || coalesce(t.names, '')), 'B')
                    || setweight(to_tsvector({cfg},
                        regexp_replace(a.body_html, '<[^>]*>', '', 'g')), 'C')
                FROM {table} a2 LEFT JOIN names t ON t.id = a2.id
                WHERE a2.id = a.id AND a.slug LIKE %s AND a.search_vector IS NULL
                """,
                [*params, *params, *params, PREFIX + "%"],
            )
