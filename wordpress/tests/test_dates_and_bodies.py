"""Event dates found in fields and texts, and bodies turned into Markdown."""

import pytest

from articles.dates import HistoricalDate
from articles.markdown import render_markdown
from wordpress import bodies, event_dates


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("1940-08-20", HistoricalDate(1940, 8, 20)),
        ("20 August 1940", HistoricalDate(1940, 8, 20)),
        ("August 20th, 1940", HistoricalDate(1940, 8, 20)),
        ("March 15, 44 BC", HistoricalDate(-43, 3, 15)),
        ("15 Mar. 44 BCE", HistoricalDate(-43, 3, 15)),
        ("-0043-03-15", HistoricalDate(-43, 3, 15)),
        ("1776-07", HistoricalDate(1776, 7)),
        ("July 1776", HistoricalDate(1776, 7)),
        ("AD 79", HistoricalDate(79)),
        ("c. 1450", HistoricalDate(1450, approximate=True)),
        ("1939-02-29", None),  # never existed
        ("30 February 1940", None),
        ("0000-00-00", None),
        ("soon", None),
        ("", None),
    ],
)
def test_a_date_field(written, expected):
    assert event_dates.parse_field(written) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trotsky assassinated on August 20, 1940, in Coyoacán", HistoricalDate(1940, 8, 20)),
        ("On 20 August 1940 an ice axe", HistoricalDate(1940, 8, 20)),
        ("The Ides: March 15, 44 BC", HistoricalDate(-43, 3, 15)),
        ("The 2nd of May 1808 rising", HistoricalDate(1808, 5, 2)),
        ("Independence was declared in 1776.", HistoricalDate(1776)),
        ("Caesar crossed the Rubicon in 49 BC", HistoricalDate(-48)),
        ("You may 2020 never know", None),  # "may" is not May
        ("Some thoughts with no date", None),
        ("Done in 30 minutes", None),
        ("Pompeii was buried in AD 79", HistoricalDate(79)),
        ("On February 30, 1940 nothing happened", None),
    ],
)
def test_a_date_in_running_text(text, expected):
    assert event_dates.find_in_text(text) == expected


def test_the_title_is_read_before_the_first_paragraph():
    found = event_dates.find_in_text("The fall of Rome, 476", "It ended in 1453.")
    assert found == HistoricalDate(1453)  # "476" alone is no date; "in 1453" is


def test_unknown_brackets_stay_text_and_shortcodes_go():
    body = bodies.convert('He wrote [sic] and [1].\n\n[gallery ids="4,5"]\n\n[note]Kept[/note]')
    assert body.shortcodes == ["gallery", "note"]
    assert render_markdown(body.markdown) == "<p>He wrote [sic] and [1].</p>\n<p>Kept</p>\n"


def test_html_written_as_text_stays_text():
    body = bodies.convert("<p>The tag &lt;script&gt; was not yet invented.</p>")
    assert "&lt;script&gt;" in render_markdown(body.markdown)


def test_links_to_the_old_site_become_paths_here():
    body = bodies.convert(
        '<p><a href="https://old.example/1940/08/20/trotsky/">Trotsky</a> and '
        '<a href="https://old.example/wp-content/uploads/a.pdf">a file</a></p>',
        site_url="https://old.example",
    )
    assert "[Trotsky](/1940/08/20/trotsky/)" in body.markdown
    assert "(https://old.example/wp-content/uploads/a.pdf)" in body.markdown


def test_pictures_leave_the_body_with_their_captions():
    body = bodies.convert(
        '[caption id="attachment_7" width="300"]<img class="wp-image-7" src="https://o.example/'
        'wp-content/uploads/1.jpg" alt="A ship" /> The Mayflower[/caption]\nText.'
    )
    assert body.pictures == [
        bodies.Picture("https://o.example/wp-content/uploads/1.jpg", "A ship", "The Mayflower", 7)
    ]
    assert body.markdown == "Text.\n"
