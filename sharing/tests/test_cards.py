"""Share cards: 1200x630 images drawn with Pillow, cached in the default storage and
redrawn when what they show changes."""

import io
from urllib.parse import urlsplit

import lxml.html
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageStat

from articles.models import Article
from sharing import cards
from tests.factories import make_article, make_draft, make_scheduled
from tests.samples import HOSTILE, jpeg

pytestmark = pytest.mark.django_db

SITE = "https://history.example"
LONG_TITLE = " ".join(["Congress of Vienna dances while the map of Europe is redrawn"] * 6)
TITLES = [
    "Trotsky Assassinated",
    LONG_TITLE,
    "Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherungsanstalt" * 3,
    "明治維新" * 40,
    "Ærøskøbing\u2019s Çelebi and Ødegård: ﬁnal “quotes” — naïve façade",
    *HOSTILE,
]


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


def card_url(client, article):
    """The og:image URL of the article's page, as a path with its query string."""
    document = lxml.html.fromstring(client.get(article.get_absolute_url()).content)
    [url] = document.xpath("//head/meta[@property='og:image']/@content")
    assert url.startswith(f"{SITE}/articles/{article.slug}/card.jpg?v=")
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    image = Image.open(io.BytesIO(response.content))
    assert image.format == "JPEG"
    assert image.size == (1200, 630)
    return response


def stored_cards(article):
    folder = f"sharecards/articles/{article.pk}"
    if not default_storage.exists(folder):
        return []
    return default_storage.listdir(folder)[1]


# Layout


@pytest.mark.parametrize("title", TITLES)
def test_title_never_overflows_its_box(title):
    width, height = 1056, 340
    font, lines, line_height = cards.layout_title(title, width, height)
    assert lines
    assert len(lines) * line_height <= height
    assert all(font.getlength(line) <= width for line in lines)


def test_short_title_is_drawn_whole_and_large():
    font, lines, _ = cards.layout_title("Trotsky Assassinated")
    assert lines == ["Trotsky Assassinated"]
    assert font.size == cards.TITLE_SIZES[0]


def test_long_title_is_shortened_with_an_ellipsis_at_the_smallest_size():
    font, lines, _ = cards.layout_title(LONG_TITLE)
    assert font.size == cards.TITLE_SIZES[-1]
    assert lines[-1].endswith("…")
    assert " ".join(lines).removesuffix("…") in LONG_TITLE


@settings(max_examples=40, deadline=None)
@given(st.text(st.characters(codec="latin-1", categories=["L", "N", "P", "Zs"]), max_size=200))
def test_any_title_fits(title):
    width, height = 1056, 340
    font, lines, line_height = cards.layout_title(title, width, height)
    assert len(lines) * line_height <= height
    assert all(font.getlength(line) <= width for line in lines)


def test_control_characters_are_not_drawn():
    assert cards.printable("Line\none\x00\x1b[31m\u200b end") == "Line one[31m end"


# The card view


def test_card_is_a_1200_by_630_jpeg_cached_for_good_at_its_versioned_url(client):
    article = make_article(title="Trotsky Assassinated")
    response = fetch(client, card_url(client, article))
    assert "public" in response["Cache-Control"]
    assert "max-age=31536000" in response["Cache-Control"]
    assert "immutable" in response["Cache-Control"]


def test_card_without_its_version_is_cached_briefly(client):
    article = make_article()
    response = fetch(client, f"/articles/{article.slug}/card.jpg")
    assert "max-age=3600" in response["Cache-Control"]
    assert "immutable" not in response["Cache-Control"]


def test_card_is_drawn_once_then_served_from_storage(client, monkeypatch):
    article = make_article()
    drawn = []
    draw = cards.draw
    monkeypatch.setattr(cards, "draw", lambda card: drawn.append(card) or draw(card))
    url = card_url(client, article)
    first = fetch(client, url).content
    second = fetch(client, url).content
    assert len(drawn) == 1
    assert first == second
    assert len(stored_cards(article)) == 1


def test_new_title_makes_a_new_card_and_deletes_the_old_one(client):
    article = make_article(title="Trotsky Assassinated")
    old_url = card_url(client, article)
    old = fetch(client, old_url).content
    old_files = stored_cards(article)

    Article.objects.filter(pk=article.pk).update(title="Trotsky Murdered in Mexico")
    new_url = card_url(client, Article.objects.get(pk=article.pk))
    new = fetch(client, new_url).content

    assert new_url != old_url
    assert new != old
    assert stored_cards(article) != old_files
    assert len(stored_cards(article)) == 1


@pytest.mark.parametrize(
    "change", [{"event_year": 1941}, {"event_day": 21}, {"event_approximate": True}]
)
def test_new_event_date_makes_a_new_card(client, change):
    article = make_article()
    old_url = card_url(client, article)
    Article.objects.filter(pk=article.pk).update(**change)
    assert card_url(client, Article.objects.get(pk=article.pk)) != old_url


def test_new_picture_makes_a_new_card_drawn_over_the_darkened_picture(client):
    article = make_article()
    plain_url = card_url(client, article)
    plain = Image.open(io.BytesIO(fetch(client, plain_url).content))

    white = jpeg(size=(1600, 900), colour=(255, 255, 255))
    article.picture.save("white.jpg", ContentFile(white))
    over_picture_url = card_url(client, article)
    assert over_picture_url != plain_url
    over_picture = Image.open(io.BytesIO(fetch(client, over_picture_url).content))

    # Even a white picture is darkened enough for the light text drawn over it.
    corner = over_picture.crop((1100, 560, 1200, 630)).convert("L")
    assert ImageStat.Stat(corner).mean[0] <= 100
    # Without a picture, the card is drawn on paper.
    assert ImageStat.Stat(plain.crop((1100, 560, 1200, 630)).convert("L")).mean[0] > 230


def test_unreadable_picture_still_gives_a_card(client):
    article = make_article()
    article.picture.save("broken.jpg", ContentFile(b"not a picture at all"))
    fetch(client, card_url(client, article))


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_titles_are_drawn(client, hostile):
    article = make_article(title=hostile)
    fetch(client, card_url(client, article))


@pytest.mark.parametrize("make", [make_draft, make_scheduled])
def test_unpublished_articles_have_no_card(client, make):
    article = make()
    assert client.get(f"/articles/{article.slug}/card.jpg").status_code == 404
    assert stored_cards(article) == []


def test_unknown_article_has_no_card(client):
    assert client.get("/articles/no-such-article/card.jpg").status_code == 404


def test_pages_other_than_articles_share_the_site_card(client):
    document = lxml.html.fromstring(client.get("/timeline/").content)
    [url] = document.xpath("//head/meta[@property='og:image']/@content")
    assert url.startswith(f"{SITE}/share/site.jpg?v=")
    parts = urlsplit(url)
    fetch(client, f"{parts.path}?{parts.query}")


def test_the_card_font_is_bundled_with_its_licence():
    fonts = cards.FONTS
    assert cards.SERIF.parent == fonts and cards.SANS.parent == fonts
    assert cards.SERIF.is_file() and cards.SANS.is_file()
    assert "Bitstream Vera" in (fonts / "LICENSE").read_text()
    # Accented Latin has glyphs of its own, not the font's "missing" box.
    font = cards.load_font(cards.SERIF, 40)
    missing = font.getmask("\uffff").getbbox()
    for letter in "éøçñßŁ":
        assert font.getmask(letter).getbbox() != missing
