"""The article list's search: words, not pieces of words, and the articles whose titles
have them first.

Django's admin search finds any substring, so "Ides" finds "sides". Here each word
typed (or "quoted phrase") must begin a word of the title, the dek or the body:
"Ides" finds the Ides of March, "assassin" finds "assassination". It is one regular
expression per word, the same on PostgreSQL and SQLite, so an editor finds in
production what they found in development, drafts included; the site's full-text
search (articles.search) serves readers, who see published articles only.
"""

import re

from django.contrib.admin.views.main import SEARCH_VAR
from django.db import connections, router
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.text import smart_split, unescape_string_literal
from django.utils.translation import gettext_lazy as _

from ..models import Article

FIELDS = ["title", "dek", "body"]


def search_words(search_term):
    """The words and quoted phrases of ``search_term``, without the punctuation around
    them, as Django's admin splits it."""
    words = []
    for bit in smart_split(search_term):
        if bit[:1] in "\"'" and bit[-1:] == bit[:1] and len(bit) > 1:
            bit = unescape_string_literal(bit)
        word = re.sub(r"^\W+|\W+$", "", bit)
        if word:
            words.append(word)
    return words


def word_start(word):
    """A case-insensitive regular expression (for ``__iregex``) for ``word`` at the
    start of a word, in the dialect of the database: PostgreSQL writes the boundary
    ``\\y``, Python (which SQLite calls) ``\\b``."""
    vendor = connections[router.db_for_read(Article)].vendor
    boundary = r"\y" if vendor == "postgresql" else r"\b"
    return boundary + r"\s+".join(re.escape(part) for part in word.split())


def matching(queryset, words):
    """Articles of ``queryset`` where every one of ``words`` begins a word of the
    title, the dek or the body."""
    for word in words:
        pattern = word_start(word)
        found = Q()
        for field in FIELDS:
            found |= Q(**{f"{field}__iregex": pattern})
        queryset = queryset.filter(found)
    return queryset


def words_in_title(words):
    """How many of ``words`` the title has: the list's first order while searching."""
    count = Value(0)
    for word in words:
        count += Case(
            When(title__iregex=word_start(word), then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    return count


class WordSearchMixin:
    """For a ModelAdmin of articles: its list's search finds words, titles first."""

    # The fields named here only make the admin show the search box: the search is
    # get_search_results's.
    search_fields = FIELDS
    search_help_text = _(
        "Finds articles with every word typed, or words starting with it, in the title, "
        "dek or body; titles first. “Quotes” keep a phrase together."
    )

    def get_search_results(self, request, queryset, search_term):
        words = search_words(search_term)
        if not words:
            # Nothing but punctuation matches nothing; an empty search, everything.
            return (queryset.none() if search_term.strip() else queryset), False
        return matching(queryset, words), False

    def get_ordering(self, request):
        ordering = super().get_ordering(request)
        words = search_words(request.GET.get(SEARCH_VAR, ""))
        if words:  # a column the editor sorts by replaces this order (ChangeList)
            return [words_in_title(words).desc(), *ordering]
        return ordering
