"""Fill the database with N synthetic articles, fast, for benchmarks.

    manage.py seed_articles 100000 [--batch-size 2000] [--seed 1] [--clear]

Rows are marked as synthetic by slugs starting with ``seed-`` (authors too), so
``--clear`` deletes only them. Bodies are Markdown generated from a word pool; a
small set of distinct bodies is rendered once with the app's own Markdown renderer
(``body_html`` is always the sanitised rendering of ``body``). On PostgreSQL the
search vectors are filled in by one SQL UPDATE, with each body template's vector
computed once.
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

PREFIX = "seed-"

WORDS = [
    "empire",
    "river",
    "treaty",
    "siege",
    "harbour",
    "council",
    "king",
    "queen",
    "bishop",
    "merchant",
    "fleet",
    "revolt",
    "charter",
    "plague",
    "harvest",
    "comet",
    "eclipse",
    "cathedral",
    "bridge",
    "railway",
    "telegraph",
    "parliament",
    "army",
    "border",
    "province",
    "island",
    "mountain",
    "desert",
    "monastery",
    "library",
    "scholar",
    "poet",
    "painter",
    "engineer",
    "voyage",
    "map",
    "frontier",
    "dynasty",
    "republic",
    "senate",
    "assembly",
    "crown",
    "coin",
    "trade",
    "salt",
    "silk",
    "spice",
    "winter",
    "summer",
    "storm",
    "flood",
    "fire",
    "earthquake",
    "famine",
    "battle",
    "truce",
    "alliance",
    "reform",
    "printing",
    "press",
    "observatory",
    "canal",
    "fortress",
    "market",
    "guild",
    "university",
    "archive",
    "letter",
    "chronicle",
    "witness",
    "crowd",
    "street",
    "square",
    "palace",
    "garden",
    "temple",
    "tomb",
    "ruin",
]

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

BODY_TEMPLATES = 40


def sentence(rng, low=8, high=22):
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 7)))


def body(rng):
    parts = [paragraph(rng) for _ in range(rng.randint(3, 6))]
    if rng.random() < 0.5:
        parts.insert(2, "## " + sentence(rng, 2, 5).rstrip("."))
    if rng.random() < 0.3:
        parts.append("> " + sentence(rng))
    return "\n\n".join(parts)


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
            authors = self.authors(rng)
            tags = self.tags()
            bodies = [body(rng) for _ in range(BODY_TEMPLATES)]
            rendered = [render_markdown(b) for b in bodies]
            start = Article.objects.filter(slug__startswith=PREFIX).count()
            now = timezone.now()
            made = 0
            while made < count:
                n = min(batch_size, count - made)
                articles = []
                for i in range(start + made, start + made + n):
                    year, month, day, approx = event_date(rng)
                    b = rng.randrange(BODY_TEMPLATES)
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
                            title=sentence(rng, 4, 11).rstrip(".")[:200],
                            slug=f"{PREFIX}{i}",
                            dek=sentence(rng, 12, 28)[:300],
                            event_year=year,
                            event_month=month,
                            event_day=day,
                            event_approximate=approx,
                            body=bodies[b],
                            body_html=rendered[b],
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
            self.fill_search_vectors(rendered)
        elapsed = time.monotonic() - started
        self.stdout.write(f"Seeded {count} articles in {elapsed:.1f} s ({connection.vendor}).")

    def authors(self, rng):
        authors = []
        for i in range(20):
            author, _ = Author.objects.get_or_create(
                slug=f"{PREFIX}author-{i}",
                defaults={
                    "display_name": f"{rng.choice(WORDS).title()} {rng.choice(WORDS).title()}"
                },
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

    def fill_search_vectors(self, bodies_html):
        """The vectors articles.search.update_search_vector would store, in one UPDATE.
        Seeded bodies repeat the ``bodies_html`` templates, so each one's vector is
        computed once, not once per article: that is most of the work."""
        if connection.vendor != "postgresql":
            return
        from articles.search import _CONFIG_SQL, _config_params, body_text

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
                WITH bodies AS (
                    SELECT html, setweight(to_tsvector({cfg}, text), 'C') AS vector
                    FROM unnest(%s::text[], %s::text[]) AS templates(html, text)
                ), names AS (
                    SELECT ta.content_object_id AS id,
                        string_agg(tg.name, ' ' ORDER BY tg.name COLLATE "C") AS names
                    FROM {through} ta JOIN {tag_table} tg ON tg.id = ta.tag_id
                    GROUP BY ta.content_object_id
                )
                UPDATE {table} a SET search_vector =
                    setweight(to_tsvector({cfg}, a.title), 'A')
                    || setweight(to_tsvector({cfg}, a.dek || ' ' || coalesce(t.names, '')), 'B')
                    || b.vector
                FROM bodies b, {table} a2 LEFT JOIN names t ON t.id = a2.id
                WHERE a2.id = a.id AND b.html = a.body_html
                    AND a.slug LIKE %s AND a.search_vector IS NULL
                """,
                [
                    *params,
                    bodies_html,
                    [body_text(html) for html in bodies_html],
                    *params,
                    *params,
                    PREFIX + "%",
                ],
            )
