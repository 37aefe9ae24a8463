"""Search on SQLite (the embedded development database), where there is no full-text
search: the ``"quotes"``/``or``/``-word`` syntax of PostgreSQL's
``websearch_to_tsquery`` read in Python, case-insensitive substring matches on the
title, dek, body and tag names, and a rank by the field a word is found in."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Case, IntegerField, Q, Value, When

from .matching import match_condition, ordered, tagged
from .query import ParsedQuery

# Only SQLite reads this list; PostgreSQL uses the stop words of SEARCH_CONFIG.
STOP_WORDS = {
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "had", "has",
    "have", "he", "her", "his", "in", "is", "it", "its", "of", "on", "or", "she", "that",
    "the", "their", "they", "this", "to", "was", "were", "which", "who", "with",
}  # fmt: skip


@dataclass(frozen=True)
class Term:
    """A word or a quoted phrase of a query; ``excluded`` when written ``-word``."""

    text: str
    excluded: bool = False
    phrase: bool = False


def websearch_groups(text: str) -> list[list[Term]]:
    """A query in websearch syntax as alternatives (split on ``or``), each a list of
    terms that must all match (or, excluded, must not).

    The SQLite reading of what PostgreSQL's ``websearch_to_tsquery`` does: an
    unbalanced quote is ignored, punctuation separates words, and common English words
    are dropped (outside quotes). Groups without a term to look for are left out.
    """
    if text.count('"') % 2:
        last = text.rfind('"')
        text = text[:last] + " " + text[last + 1 :]
    groups, terms = [], []
    for token in re.finditer(r'(-?)"([^"]*)"|\S+', text):
        quoted = token.group(0).lstrip("-").startswith('"')
        if quoted:
            excluded, body = token.group(1) == "-", token.group(2)
        else:
            body = token.group(0)
            excluded = body.startswith("-") and len(body) > 1
        words = re.findall(r"\w+(?:['\u2019.-]\w+)*", body)
        if not quoted and [word.lower() for word in words] == ["or"] and not excluded:
            groups.append(terms)
            terms = []
            continue
        if quoted and words:
            terms.append(Term(" ".join(words), excluded, phrase=True))
            continue
        for word in words:
            if excluded or word.lower() not in STOP_WORDS:
                terms.append(Term(word, excluded))
    groups.append(terms)
    return [group for group in groups if any(not term.excluded for term in group)]


def searched_words(groups) -> list[str]:
    """The words and phrases of ``groups`` looked for (not excluded), in order."""
    return [term.text for group in groups for term in group if not term.excluded]


def _field_matches(text: str) -> Q:
    """A term found in the title, dek, body or a tag name, ignoring (ASCII) case."""
    return (
        Q(title__icontains=text)
        | Q(dek__icontains=text)
        | Q(body__icontains=text)
        | tagged(tag__name__icontains=text)
    )


def _groups_condition(groups) -> Q:
    condition = Q(pk__in=[])
    for group in groups:
        all_terms = Q()
        for term in group:
            found = _field_matches(term.text)
            all_terms &= ~found if term.excluded else found
        condition |= all_terms
    return condition


def _rank(groups):
    """A title that has a word counts most, then dek and tags, then the body."""
    rank = Value(0)
    for text in dict.fromkeys(searched_words(groups)):
        rank += Case(
            When(title__icontains=text, then=Value(4)),
            When(Q(dek__icontains=text) | tagged(tag__name__icontains=text), then=Value(2)),
            When(body__icontains=text, then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    return rank


def matches(published, query: ParsedQuery):
    """The ``published`` articles matching ``query``, ranked, and the groups of terms
    looked for; None (and no groups) when there is nothing to look for."""
    full_groups = websearch_groups(query.text)
    word_groups = websearch_groups(query.words)
    if not full_groups and query.date is None:
        return None, []
    condition, on_date = match_condition(
        query.date,
        _groups_condition(full_groups),
        _groups_condition(word_groups) if word_groups else None,
    )
    rank_groups = word_groups if query.date is not None and word_groups else full_groups
    return ordered(published.filter(condition), on_date, _rank(rank_groups)), full_groups
