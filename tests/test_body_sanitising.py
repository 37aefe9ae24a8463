"""Sanitising an article body never loses writing without a word: an element left open
that would take the rest of the text with it is refused on the body field, saying
which text; a picture that leads nowhere is left out rather than shown broken."""

import pytest
from django.urls import reverse

from articles.markdown import render_markdown, swallowed_text
from articles.models import Article

from .admin_forms import new_article_data
from .factories import make_user

UNCLOSED_STYLE = """\
Caesar crossed the Rubicon.

<style>p { color: red }

The die is cast, he said.
"""


@pytest.mark.parametrize(
    ("body", "swallowed"),
    [
        (UNCLOSED_STYLE, ("style", "<style>", "p { color: red } The die is cast, he said.")),
        ("Before <script>alert(1)\n\nAfter.", ("script", "<script>", "alert(1) After.")),
        ("<STYLE/>All of this.", ("style", "<STYLE/>", "All of this.")),
        ("<template>Hidden\n\ntext", ("template", "<template>", "Hidden text")),
        ("<script>a()</style>\n\nStill script.", ("script", "<script>", "a() Still script.")),
    ],
)
def test_an_element_left_open_is_found_with_the_text_it_would_take(body, swallowed):
    assert swallowed_text(body) == swallowed
    assert swallowed[2].split()[-1] not in render_markdown(body)  # lost, indeed


@pytest.mark.parametrize(
    "body",
    [
        "A style: <style>p { color: red }</style> and after.",
        "<script>a()</script>\n\n<style>b</style>\n\nText.",
        "In code: `<style>` and\n\n```\n<script>\n```\n\nafter.",
        "Ends with <style>",
        "No HTML at all.",
    ],
)
def test_closed_elements_and_code_lose_no_writing(body):
    assert swallowed_text(body) is None


@pytest.fixture
def editor(client, db):
    user = make_user("Editors", author=True)
    client.force_login(user)
    return user


def test_a_body_with_an_unclosed_style_is_refused_on_the_body_field_naming_the_text(
    client, editor
):
    data = new_article_data(author=str(editor.author.pk), body=UNCLOSED_STYLE)
    response = client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 200
    message = " ".join(response.context["adminform"].form.errors["body"])
    assert "<style> is never closed" in message
    assert "“p { color: red } The die is cast, he said.”" in message
    assert "Close it with </style>" in message
    assert "&lt;style&gt; is never closed" in response.content.decode()
    assert not Article.objects.exists()


def test_a_closed_style_is_saved_without_it(client, editor):
    body = "Text. <style>p { color: red }</style> More text."
    data = new_article_data(author=str(editor.author.pk), body=body)
    assert client.post(reverse("admin:articles_article_add"), data).status_code == 302
    html = Article.objects.get().body_html
    assert "More text." in html
    assert "color" not in html


@pytest.mark.parametrize(
    "body",
    [
        '<img src="x" alt="A map">',
        "![A map](x)",
        "![A map](images/map.png)",
        '<img src="" alt="A map">',
        '<img alt="A map">',
        '<img src="https://" alt="A map">',
        '<img src="data:image/png;base64,AAAA" alt="A map">',
        '<img src="javascript:alert(1)" alt="A map">',
    ],
)
def test_a_picture_leading_nowhere_is_left_out(body):
    html = render_markdown(f"Before {body} after.")
    assert "<img" not in html
    assert "Before" in html
    assert "after." in html


@pytest.mark.parametrize(
    "src",
    [
        "https://upload.wikimedia.org/map.png",
        "http://example.org/map.png",
        "//example.org/map.png",
        "/media/articles/2026/map.jpg",
    ],
)
def test_a_picture_with_an_address_is_kept(src):
    html = render_markdown(f'Before <img src="{src}" alt="A map > a plan"> after.')
    assert f'src="{src}"' in html
    assert 'alt="A map &gt; a plan"' in html
