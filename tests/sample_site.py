"""A small published site for the whole-page tests (tests/browser/, test_valid_html.py):
pages with everything a template can show, a picture, an author photo, footnotes, an
Old Style date, a BC year, tags, and neighbouring days.

Articles are published a day before the current clock, so ``time_machine`` decides
which anniversaries are "today".
"""

import datetime
from dataclasses import dataclass

from django.core.files.base import ContentFile

from articles.models import Article
from pictures import renditions

from .factories import make_article, make_author
from .samples import jpeg

# The reader journey and the accessibility tests run on this day (noon UTC).
FROZEN_NOW = datetime.datetime(2026, 8, 20, 12, tzinfo=datetime.UTC)

FOOTNOTED_BODY = """\
Leon Trotsky was attacked in his study in Coyoacán.[^1] He died the next day.

## The house on Avenida Viena

The house is now a museum.[^2]

[^1]: Isaac Deutscher, *The Prophet Outcast* (1963).
[^2]: Museo Casa de León Trotsky, Coyoacán.
"""


@dataclass
class SampleSite:
    author: object
    picture_article: Article
    old_style_article: Article
    bc_article: Article
    previous_day_article: Article


def with_picture(article, *, size=(1200, 800), colour=(40, 60, 120)):
    """Give a saved article a picture, published the way the admin publishes one."""
    article.picture = ContentFile(jpeg(size, colour), name=f"{article.slug}.jpg")
    article.picture_renditions = renditions.publish(article.picture)
    article.picture_alt = "A drawing of the house in Coyoacán"
    article.picture_caption = "The house on Avenida Viena."
    article.picture_credit = "Drawing: historyblog"
    article.save()
    return article


def build_sample_site():
    author = make_author(
        display_name="Ada Quill",
        slug="ada-quill",
        bio="Ada Quill writes about revolutions and the people caught up in them.",
        links="https://example.org/ada",
    )
    author.photo = ContentFile(jpeg((400, 400), (150, 90, 60)), name="ada-quill.jpg")
    author.photo_renditions = renditions.publish(author.photo, square=True)
    author.save()

    picture_article = with_picture(
        make_article(
            title="Trotsky is attacked in Mexico City",
            slug="trotsky-attacked",
            dek="An ice axe ends the exile of the Russian revolutionary.",
            event_year=1940,
            event_month=8,
            event_day=20,
            body=FOOTNOTED_BODY,
            author=author,
            tags=["Revolutions", "Mexico"],
        )
    )
    old_style_article = make_article(
        title="Peter the Great wins at Poltava",
        slug="battle-of-poltava",
        dek="The Swedish army is broken in Ukraine.",
        event_year=1709,
        event_month=7,
        event_day=8,
        event_old_style=True,
        body=(
            "Charles XII's army was defeated.[^1]\n\n"
            "[^1]: Peter Englund, *The Battle That Shook Europe*."
        ),
        author=author,
        tags=["Battles"],
    )
    bc_article = make_article(
        title="The Ides of March",
        slug="ides-of-march",
        dek="Julius Caesar is killed in the Senate.",
        event_year=-43,  # 44 BC
        event_month=3,
        event_day=15,
        author=author,
        tags=["Rome"],
    )
    previous_day_article = make_article(
        title="The August coup begins in Moscow",
        slug="august-coup",
        dek="Hardliners try to stop the new union treaty.",
        event_year=1991,
        event_month=8,
        event_day=19,
        author=author,
        tags=["Revolutions"],
    )
    add_sample_briefs(picture_article)
    return SampleSite(author, picture_article, old_style_article, bc_article, previous_day_article)


def add_sample_briefs(article):
    """Briefs of every kind on August 20 and in 44 BC, one linking an article, one
    with a source, one without a day (listed on its year page only)."""
    from briefs.tests.factories import make_brief

    make_brief(
        text="Churchill praises *the Few* in the Commons.", source_url="https://example.org/"
    )
    make_brief(event_year=1931, kind="birth", text="Don King is born in Cleveland.")
    make_brief(kind="event", text="Trotsky is struck with an ice axe.", article=article)
    make_brief(event_year=1915, kind="death", text="Paul Ehrlich dies in Bad Homburg.")
    make_brief(event_year=-43, event_month=None, event_day=None, text="The Republic ends.")
