"""Pictures in pages: the alt text an article's picture needs, and the <picture>
markup with its WebP and JPEG renditions. Uploads and renditions: test_pictures.py."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from pictures import renditions
from tests import images
from tests.factories import make_article, make_author

# ---------- Alt text ----------


@pytest.mark.django_db
def test_a_picture_needs_alt_text_or_the_decorative_choice():
    article = make_article()
    article.picture = ContentFile(images.picture(), name="p.jpg")

    with pytest.raises(ValidationError) as caught:
        article.full_clean()
    assert list(caught.value.message_dict) == ["picture_alt"]

    article.picture_decorative = True
    article.full_clean()
    article.picture_decorative, article.picture_alt = False, "A red square on blue."
    article.full_clean()


@pytest.mark.django_db
def test_alt_text_is_not_required_without_a_picture():
    make_article(picture_alt="").full_clean()


# ---------- Pages ----------


def imgs(html):
    return re.findall(r"<img\b[^>]*>", html)


@pytest.fixture
def article_with_pictures(db):
    """A published article with a picture and an author photo, and a related article
    (same day) with a picture of its own."""
    author = make_author()
    author.photo = ContentFile(images.picture((400, 400)), name="author.jpg")
    author.photo_renditions = renditions.publish(author.photo, square=True)
    author.save()
    articles = []
    for number in (1, 2):
        article = make_article(author=author, picture_alt=f"Picture {number}")
        article.picture = ContentFile(images.picture((1600, 900)), name=f"p{number}.jpg")
        article.picture_renditions = renditions.publish(article.picture)
        article.save()
        articles.append(article)
    return articles[0]


def test_the_article_page_offers_each_picture_in_webp_and_jpeg_at_every_width(
    client, article_with_pictures
):
    html = client.get(article_with_pictures.get_absolute_url()).content.decode()

    assert html.count("<picture>") == 3  # the lead picture, the author, the related card
    figure = re.search(r'<figure class="article-figure">(.*?)</figure>', html, re.S)[1]
    webp = re.search(r'<source type="image/webp" srcset="([^"]+)" sizes="([^"]+)">', figure)
    assert re.fullmatch(
        r"/media/renditions/\S+-480w\.webp 480w, \S+-960w\.webp 960w, "
        r"\S+-1600w\.webp 1600w",
        webp[1],
    )
    assert webp[2] == "(min-width: 46rem) 42rem, 100vw"
    (img,) = imgs(figure)
    assert re.search(r'srcset="\S+-480w\.jpg 480w, \S+-960w\.jpg 960w, \S+-1600w\.jpg 1600w"', img)
    assert 'sizes="(min-width: 46rem) 42rem, 100vw"' in img
    assert re.search(r'src="/media/renditions/\S+-960w\.jpg"', img)
    assert 'width="960" height="540"' in img
    assert 'alt="Picture 1"' in img


def test_only_the_lead_picture_loads_at_once(client, article_with_pictures):
    html = client.get(article_with_pictures.get_absolute_url()).content.decode()

    lead, *others = imgs(html)
    assert 'loading="eager"' in lead and 'fetchpriority="high"' in lead
    assert len(others) == 2
    for img in others:
        assert 'loading="lazy"' in img and "fetchpriority" not in img
        assert re.search(r'width="\d+" height="\d+"', img)


def test_author_photos_are_square_with_the_author_named(client, article_with_pictures):
    html = client.get(article_with_pictures.get_absolute_url()).content.decode()

    (photo,) = [img for img in imgs(html) if "author-photo" in img]
    assert 'width="320" height="320"' in photo
    assert f'alt="Portrait of {article_with_pictures.author.display_name}"' in photo
    assert re.search(r'srcset="\S+-160w\.jpg 160w, \S+-320w\.jpg 320w"', photo)


def test_lists_show_the_picture_renditions(client, article_with_pictures):
    html = client.get("/").content.decode()

    cards = [img for img in imgs(html) if "card-image" in img]
    assert len(cards) == 2
    assert all("srcset=" in img and 'width="960" height="540"' in img for img in cards)


@pytest.mark.django_db
def test_a_picture_without_renditions_is_shown_as_its_own_file(client):
    article = make_article(picture_alt="Old picture")
    article.picture.save(
        "old.jpg", ContentFile(images.picture((640, 360)), name="old.jpg"), save=False
    )
    article.save()
    assert article.picture_renditions == {}

    html = client.get(article.get_absolute_url()).content.decode()

    (img,) = imgs(html)
    assert f'src="/media/{article.picture.name}"' in img
    assert 'width="640" height="360"' in img
    assert "srcset" not in img


@pytest.mark.django_db
def test_a_decorative_picture_has_empty_alt_text(client):
    article = make_article(picture_alt="Ignored", picture_decorative=True)
    article.picture = ContentFile(images.picture(), name="p.jpg")
    article.picture_renditions = renditions.publish(article.picture)
    article.save()

    html = client.get(article.get_absolute_url()).content.decode()

    (img,) = imgs(html)
    assert 'alt=""' in img
