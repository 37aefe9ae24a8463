"""Search without a database: reading the query, websearch groups, snippet markup."""

import pytest

from articles import search
from articles.search import EventDate, Term, parse_query, websearch_groups

# ---------- Reading the query (no database) ----------


@pytest.mark.parametrize(
    "query, date, words",
    [
        ("1940", EventDate(year=1940), ""),
        ("44 BC", EventDate(year=-43), ""),
        ("44 bce", EventDate(year=-43), ""),
        ("44 B.C.", EventDate(year=-43), ""),
        ("AD 79", EventDate(year=79), ""),
        ("79 AD", EventDate(year=79), ""),
        ("August 20", EventDate(month=8, day=20), ""),
        ("20 August", EventDate(month=8, day=20), ""),
        ("20th of August", EventDate(month=8, day=20), ""),
        ("aug 20", EventDate(month=8, day=20), ""),
        ("Trotsky August 20, 1940", EventDate(1940, 8, 20), "Trotsky"),
        ("revolution 1917", EventDate(year=1917), "revolution"),
        ("July 1776 declaration", EventDate(1776, 7), "declaration"),
        ("February 29", EventDate(month=2, day=29), ""),
    ],
)
def test_a_year_or_a_day_in_the_query_is_read_as_an_event_date(query, date, words):
    parsed = parse_query(query)
    assert (parsed.date, parsed.words) == (date, words)
    assert parsed.text == query


@pytest.mark.parametrize(
    "query",
    [
        "ice pick",
        "20",  # a day without a month, or a number: a word
        "1940s",
        "-1940 Trotsky",  # excluded, as websearch syntax says
        '"August 20, 1940"',  # a quoted phrase is searched as written
        "February 30",
        "0 BC",
        "12345",
    ],
)
def test_what_is_not_a_date_stays_words(query):
    parsed = parse_query(query)
    assert parsed.date is None
    assert parsed.words == parsed.text


def test_the_event_date_reads_back_as_written():
    assert EventDate(1940, 8, 20).label() == "August 20, 1940"
    assert EventDate(year=-43).label() == "44 BC"
    assert EventDate(month=8, day=20).label() == "August 20"
    assert EventDate(1776, 7).label() == "July 1776"


def test_nul_bytes_and_control_characters_are_removed():
    assert parse_query("Trot\x00sky\x07 \x1b1940").text == "Trot sky 1940"


def test_a_long_query_is_cut_at_a_word_and_says_so():
    parsed = parse_query("revolution " * 500)
    assert parsed.truncated
    assert len(parsed.text) <= search.MAX_QUERY_LENGTH
    assert parsed.text.endswith("revolution")
    assert not parse_query("revolution").truncated


def test_websearch_groups_read_quotes_or_and_minus_like_postgresql():
    assert websearch_groups('ice pick or "Mexico City" -Stalin') == [
        [Term("ice"), Term("pick")],
        [Term("Mexico City", phrase=True), Term("Stalin", excluded=True)],
    ]


@pytest.mark.parametrize(
    "query", ["", "the of and", "-Trotsky", "or", "& | ! : * ( ) < > \\ '", '"'], ids=repr
)
def test_websearch_groups_of_nothing_to_look_for_are_empty(query):
    assert websearch_groups(query) == []


def test_an_unbalanced_quote_is_ignored():
    assert websearch_groups('"ice pick') == [[Term("ice"), Term("pick")]]


def test_snippet_markup_escapes_everything_but_its_own_marks():
    start, stop = search.MARK_START, search.MARK_STOP
    snippet = search.marked_up(f"<b>x</b> & {start}<script>{stop} {stop} {start}open")
    assert snippet == ("&lt;b&gt;x&lt;/b&gt; &amp; <mark>&lt;script&gt;</mark>  <mark>open</mark>")


def test_the_sqlite_highlighter_marks_every_term_in_a_passage():
    text = "One two three. " * 20 + "Trotsky fled to Mexico. " + "Four five. " * 20
    passage = search.highlight(text, ["trotsky", "mexico"], words=20)
    marked = passage.replace(search.MARK_START, "[").replace(search.MARK_STOP, "]")
    assert "[Trotsky] fled to [Mexico]" in marked
    assert marked.startswith("… ") and marked.endswith(" …")
    assert len(marked.split()) <= 24
