"""An article's description (meta description, Open Graph, Twitter, JSON-LD): its dek,
or else the opening sentences of its body, cut at a word; never "Title: date"."""

import json

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sharing.descriptions import DESCRIPTION_LENGTH, ELLIPSIS, opening_text, summarise

from .factories import make_article
from .samples import HOSTILE

BODY = (
    "Ramón Mercader struck Leon Trotsky with an ice axe in his study in Coyoacán. "
    "Trotsky died the next day in hospital. Mercader served twenty years in a Mexican "
    "prison and was made a Hero of the Soviet Union on his release."
)


def descriptions(client, article):
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    document = lxml.html.fromstring(response.content.decode())
    [json_ld] = document.xpath("//script[@type='application/ld+json']/text()")
    return {
        "meta": document.xpath("//head/meta[@name='description']/@content")[0],
        "og": document.xpath("//head/meta[@property='og:description']/@content")[0],
        "twitter": document.xpath("//head/meta[@name='twitter:description']/@content")[0],
        "json_ld": json.loads(json_ld)["description"],
    }


@pytest.mark.django_db
def test_an_article_without_a_dek_is_described_by_its_opening_sentences(client):
    article = make_article(title="Trotsky Assassinated", dek="", body=BODY)
    found = descriptions(client, article)
    expected = (
        "Ramón Mercader struck Leon Trotsky with an ice axe in his study in Coyoacán. "
        "Trotsky died the next day in hospital."
    )
    assert found == {"meta": expected, "og": expected, "twitter": expected, "json_ld": expected}
    assert "August 20, 1940" not in found["meta"]


@pytest.mark.django_db
def test_a_dek_still_describes_its_article(client):
    article = make_article(dek="A killer with an ice axe in Coyoacán.", body=BODY)
    assert set(descriptions(client, article).values()) == {"A killer with an ice axe in Coyoacán."}


@pytest.mark.django_db
def test_a_long_opening_sentence_is_cut_at_a_word(client):
    body = "The siege went on " + "and on " * 40 + "until the city fell."
    article = make_article(dek="", body=body)
    description = descriptions(client, article)["meta"]
    assert description.endswith(ELLIPSIS)
    assert len(description) <= DESCRIPTION_LENGTH
    assert description.removesuffix(ELLIPSIS).endswith(" on")


@pytest.mark.django_db
def test_headings_lists_and_markup_stay_out_of_the_description(client):
    body = "## A heading\n\n- a list item\n\nThe *first* paragraph &amp; more.\n\nThe second."
    article = make_article(dek="", body=body)
    assert descriptions(client, article)["meta"] == "The first paragraph & more. The second."


@pytest.mark.django_db
def test_an_article_with_neither_dek_nor_prose_is_described_by_its_title(client):
    article = make_article(title="Trotsky Assassinated", dek="", body="")
    assert descriptions(client, article)["og"] == "Trotsky Assassinated"


@pytest.mark.django_db
@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_bodies_are_described_as_text(client, hostile):
    article = make_article(dek="", body=hostile)
    descriptions(client, article)  # renders, and the JSON-LD stays one block


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Short.", "Short."),
        ("Mr. Smith went to Washington. He stayed.", "Mr. Smith went to Washington. He stayed."),
        ("Built c. 1450 in Mainz. " + "X" * 200, "Built c. 1450 in Mainz."),
        ("Built in Mainz. " + "x" * 200, "Built in Mainz…"),
        ("“Et tu?” he said. " + "Then " * 40, "“Et tu?” he said."),
    ],
)
def test_summarise_keeps_whole_sentences(text, expected):
    assert summarise(text) == expected


def test_opening_text_joins_paragraphs_with_a_space():
    assert opening_text("<p>One.</p><p>Two<br>lines.</p><ul><li>No.</li></ul>") == (
        "One. Two lines."
    )


@given(st.text(max_size=600))
def test_a_summary_is_never_longer_than_a_description(text):
    text = " ".join(text.split())
    summary = summarise(text)
    assert len(summary) <= DESCRIPTION_LENGTH
    if text:
        assert summary
