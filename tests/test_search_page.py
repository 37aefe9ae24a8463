"""The search results page: results, escaping, filters, pages, bad input, query budget."""

import re

import pytest
from django.urls import reverse

from .factories import make_article

# On SQLite and on PostgreSQL; what only PostgreSQL does (the index, accents, the stored
# vector) is in test_search_postgres.py.


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
