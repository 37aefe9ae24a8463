"""Search: reading queries, finding and ranking published articles, the results page.

Everything here runs on SQLite and on PostgreSQL; what only PostgreSQL does (the index,
accents, the stored vector) is in test_search_postgres.py.
"""

import re

import pytest
from django.urls import reverse

from articles import search
from articles.search import EventDate, Term, parse_query, websearch_groups

from .factories import make_article, make_author, make_draft, make_scheduled
from .test_picture_admin import add_article

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


# ---------- Finding articles ----------


def titles(query, **filters):
    result = search.search(query, search.Filters(**filters))
    if result.articles is None:
        return []
    return [article.title for article in result.articles]


@pytest.mark.django_db
def test_a_title_hit_ranks_above_a_body_hit():
    make_article(title="A letter from Coyoacán", body="It mentions Trotsky once.")
    make_article(title="Trotsky in exile", body="He wrote every day.")
    make_article(title="Nothing to do with it", body="Nothing at all.")
    assert titles("Trotsky") == ["Trotsky in exile", "A letter from Coyoacán"]


@pytest.mark.django_db
def test_a_dek_or_tag_hit_ranks_above_a_body_hit():
    make_article(title="Body", body="A long story about a volcano.")
    make_article(title="Tagged", body="A long story.", tags=["Volcano"])
    assert titles("volcano") == ["Tagged", "Body"]


@pytest.mark.django_db
def test_quotes_find_a_phrase_or_finds_either_and_minus_leaves_out():
    make_article(title="Axe", body="He was struck with an ice axe, not an ice pick.")
    make_article(title="Pick", body="Someone picked up the ice and left.")
    make_article(title="Brutus", body="Brutus and the others.")
    assert titles('"ice pick"') == ["Axe"]
    assert set(titles("ice pick")) == {"Axe", "Pick"}
    assert set(titles("Brutus or axe")) == {"Brutus", "Axe"}
    assert titles("ice -axe") == ["Pick"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query, expected",
    [
        ("1940", ["Trotsky, 1940", "Mentions 1940"]),
        ("August 20", ["Trotsky, 1940", "Caesar, 20 August 44 BC"]),
        ("44 BC", ["Caesar, 20 August 44 BC"]),
        ("assassination 1940", ["Trotsky, 1940"]),
    ],
)
def test_a_year_or_day_finds_events_of_that_date_whose_text_does_not_say_it(query, expected):
    make_article(title="Trotsky, 1940", body="The assassination.", event_year=1940)
    make_article(
        title="Caesar, 20 August 44 BC",
        body="An assassination.",
        event_year=-43,
        event_month=8,
        event_day=20,
    )
    make_article(title="Mentions 1940", body="Published in 1940.", event_year=1950, event_month=3)
    make_article(title="Unrelated", body="Nothing.", event_year=1066, event_month=10)
    found = titles(query)
    # Events of the date first; then articles that only mention it.
    assert sorted(found[: len(expected)]) == sorted(expected)
    assert len(found) == len(expected)


@pytest.mark.django_db
def test_events_of_the_date_come_before_articles_that_only_mention_it():
    make_article(title="Mentions 1917 a lot", body="1917, 1917, 1917.", event_year=1950)
    make_article(title="About 1917", body="The revolution.", event_year=1917)
    assert titles("1917") == ["About 1917", "Mentions 1917 a lot"]


@pytest.mark.django_db
def test_drafts_and_scheduled_articles_are_never_found():
    make_article(title="Trotsky published")
    make_draft(title="Trotsky draft")
    make_scheduled(title="Trotsky scheduled")
    assert titles("Trotsky") == ["Trotsky published"]
    assert titles("1940") == ["Trotsky published"]


@pytest.mark.django_db
def test_filters_by_tag_author_and_century():
    matt = make_author(slug="matt")
    make_article(title="Revolution in Russia", tags=["Russia"], author=matt, event_year=1917)
    make_article(title="Revolution in France", tags=["France"], event_year=1789)
    make_article(title="Revolution in Rome", tags=["Rome"], event_year=-508)
    assert titles("revolution", tag="russia") == ["Revolution in Russia"]
    assert titles("revolution", author="matt") == ["Revolution in Russia"]
    assert titles("revolution", century=18) == ["Revolution in France"]
    assert titles("revolution", century=-6) == ["Revolution in Rome"]
    assert titles("revolution", tag="russia", century=18) == []
    assert titles("revolution", tag="no-such-tag") == []


@pytest.mark.django_db
def test_a_tag_name_saved_in_the_admin_is_searchable(client, django_user_model):
    user = django_user_model.objects.create(username="editor", is_staff=True, is_superuser=True)
    client.force_login(user)
    response = add_article(
        client,
        make_author(),
        None,
        body="He was killed in Coyoacán.",
        tags="Mountaineering",
        status="published",
    )
    assert response.status_code == 302
    assert titles("mountaineering") == ["The first television"]


# ---------- The results page ----------


def get_search(client, status=200, **params):
    response = client.get(reverse("articles:search"), params)
    assert response.status_code == status
    return response


def text_of(response):
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.mark.django_db
def test_every_page_has_a_labelled_search_box_in_the_header(client):
    html = client.get("/").content.decode()
    form = re.search(r'<form class="site-search" role="search".*?</form>', html, re.S).group(0)
    assert 'action="/search/"' in form
    assert '<label class="visually-hidden" for="site-search-query">' in form
    assert 'id="site-search-query" type="search" name="q"' in form


@pytest.mark.django_db
def test_results_show_count_title_event_date_snippet_and_echo_the_query(client):
    make_article(
        title="Trotsky Assassinated",
        slug="trotsky",
        body="Leon Trotsky was struck in his study in Coyoacán.",
    )
    response = get_search(client, q="Trotsky")
    page = text_of(response)
    assert 'value="Trotsky"' in page
    assert "1 article for “Trotsky”" in page
    assert '<a href="/articles/trotsky/">Trotsky Assassinated</a>' in page
    assert "August 20, 1940" in page
    assert "Leon <mark>Trotsky</mark> was struck" in page
    assert '<meta name="robots" content="noindex">' in page


@pytest.mark.django_db
def test_snippets_and_the_echoed_query_are_escaped(client):
    make_article(
        title="A <b>bold</b> title about Trotsky",
        body="Trotsky wrote `<script>alert(1)</script>` & more.",
    )
    page = get_search(client, q='Trotsky "><script>alert(2)</script>').content.decode()
    assert "<script>alert(" not in page
    assert 'value="Trotsky &quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"' in page
    page = get_search(client, q="Trotsky").content.decode()
    assert "<script>alert(" not in page
    assert "A &lt;b&gt;bold&lt;/b&gt; title" in page
    assert "<mark>Trotsky</mark> wrote &lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in page


@pytest.mark.django_db
def test_the_date_found_in_the_query_is_named(client):
    make_article(title="Trotsky, 1940", event_year=1940)
    make_article(title="Caesar", event_year=-43, event_month=3, event_day=15)
    assert "(events of August 20 first)" in text_of(get_search(client, q="August 20"))
    assert "(events of 44 BC first)" in text_of(get_search(client, q="44 BC"))


@pytest.mark.django_db
def test_the_filters_offer_the_tags_authors_and_centuries_of_the_results(client):
    make_article(title="Revolution in Russia", tags=["Russia"], event_year=1917)
    make_article(title="Revolution in Rome", tags=["Rome"], event_year=-508)
    make_article(title="Unrelated", tags=["Unrelated"], event_year=1066)
    page = text_of(get_search(client, q="revolution", century="-6"))
    assert '<option value="russia">Russia (1)</option>' in page
    assert "Unrelated" not in page
    assert '<option value="-6" selected>6th century BC (1)</option>' in page
    assert '<option value="20">20th century (1)</option>' in page
    assert "1 article for “revolution”" in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"tag": "no-such-tag"},
        {"author": "nobody"},
        {"century": "-6", "tag": "russia"},
    ],
)
def test_filters_that_match_nothing_say_so_and_offer_to_drop_them(client, params):
    make_article(title="Revolution in Russia", tags=["Russia"], event_year=1917)
    page = text_of(get_search(client, q="revolution", **params))
    assert "No articles found for “revolution”." in page
    assert '<a href="/search/?q=revolution">Search again without the filters</a>' in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"century": "x"},
        {"century": "0"},
        {"century": "99999999999999999999"},
        {"century": "-1000"},
        {"tag": "<script>"},
        {"author": "' OR 1=1 --"},
        {"author": "x" * 5000},
    ],
)
def test_malformed_filters_are_ignored(client, params):
    make_article(title="Revolution in Russia", event_year=1917)
    assert "1 article for “revolution”" in text_of(get_search(client, q="revolution", **params))


@pytest.mark.django_db
def test_pagination_keeps_the_query_and_filters(client, settings):
    for number in range(settings.ARTICLES_PER_PAGE + 2):
        make_article(title=f"Revolution {number}", tags=["Russia"])
    page = get_search(client, q="revolution", tag="russia", century="20").content.decode()
    assert 'href="?q=revolution&amp;tag=russia&amp;century=20&amp;page=2" rel="next"' in page
    second = get_search(client, q="revolution", tag="russia", century="20", page="2")
    assert len(second.context["article_list"]) == 2
    assert 'href="?q=revolution&amp;tag=russia&amp;century=20&amp;page=1" rel="prev"' in (
        second.content.decode()
    )


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["99", "0", "x"])
def test_a_bad_page_number_is_a_404(client, page):
    make_article(title="Revolution")
    get_search(client, status=404, q="revolution", page=page)


BAD_QUERIES = {
    "empty": ("", "Type what you are looking for"),
    "spaces": ("   ", "Type what you are looking for"),
    "only stop words": ("the of and", "There is nothing to look for in"),
    "5,000 characters": ("Trotsky " * 625, "only its first 200 characters were used"),
    "5,000 characters in one word": ("x" * 5000, "only its first 200 characters were used"),
    "unbalanced quotes": ('"Trotsky', "1 article for “&quot;Trotsky”"),
    "metacharacters": ("' \" & | ! : * ( ) < > \\", "has no words or numbers to search for"),
    "tsquery syntax": ("Trotsky & !Stalin | (Lenin <-> x):*", "No articles found"),
    "sql": ("'; DROP TABLE articles_article; --", "No articles found"),
    "only a negation": ("-Trotsky", "There is nothing to look for in"),
    "only or": ("or or", "There is nothing to look for in"),
    "year 0": ("0 BC", "No articles found"),
    "impossible day": ("February 30", "No articles found"),
    "huge year": ("99999999999999999999 BC", "No articles found"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("query, message", BAD_QUERIES.values(), ids=BAD_QUERIES)
def test_bad_input_gets_a_clear_page(client, query, message):
    make_article(title="Trotsky Assassinated")
    response = get_search(client, q=query)
    assert message in text_of(response)
    if response.context["result"].articles is None:
        assert "Search tips" in text_of(response)
        assert "search-results" not in text_of(response)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"q": "\x00\x00"},
        {"q": "Trot\x00sky"},
        {"tag": "a\x00b"},
        {"page": "\x00"},
    ],
)
def test_a_nul_anywhere_in_the_query_string_is_a_400_with_a_plain_message(client, params):
    """No form of the site sends one (historyblog.security); the search would drop it."""
    make_article(title="Trotsky Assassinated")
    response = get_search(client, status=400, **{"q": "Trotsky", **params})
    assert response.content == b"Bad request: the query string contains a control character.\n"


@pytest.mark.django_db
def test_an_empty_query_shows_tips_and_no_results(client):
    make_article(title="Trotsky Assassinated")
    page = text_of(get_search(client))
    assert "Search tips" in page
    assert "Trotsky Assassinated" not in page
    assert "Narrow the results" not in page


# ---------- Query budget ----------


@pytest.fixture(params=[1, 50], ids=lambda count: f"{count}_articles")
def site(request, db):
    """``count`` articles about 20 August 1940 mentioning a revolution, with tags."""
    for number in range(request.param):
        make_article(
            body=f"The revolution, part {number}.",
            tags=["shared", f"tag {number}"],
            event_year=1900 + number,
        )
    return request.param


def test_search_page_queries_same_with_1_and_50_articles(
    client, site, django_assert_max_num_queries
):
    # (PostgreSQL: which words the query keeps), page count, page of articles with
    # authors, and the tags, authors and centuries to filter by
    with django_assert_max_num_queries(6):
        response = get_search(client, q="revolution")
    assert response.context["paginator"].count == site
    with django_assert_max_num_queries(6):
        response = get_search(client, q="revolution 1920", tag="shared", century="20")
    assert response.context["paginator"].count == (1 if site > 20 else 0)


def test_search_page_without_a_query_makes_no_queries(client, db, django_assert_num_queries):
    with django_assert_num_queries(0):
        get_search(client, q="")
