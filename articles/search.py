"""Search: what a reader types, turned into ranked published articles.

Two parts. The first reads the query, in plain Python: it cleans what was typed and
pulls out an event date ("1940", "44 BC", "August 20"), so that an article about 1940
is found even when its text never writes the year. The second searches, starting from
``Article.objects.published()``:

- on PostgreSQL, with full-text search over ``Article.search_vector`` (title weighted
  A, dek and tag names B, body text C), kept current by :func:`update_search_vector`
  and indexed with GIN (migration 0003). The query is read by
  ``websearch_to_tsquery``, which accepts anything a person can type ("quotes", ``or``,
  ``-word``) and never raises a syntax error;
- on SQLite (the embedded development database), with case-insensitive substring
  matches on the same fields, the same ``"quotes"``/``or``/``-word`` syntax read by
  :func:`websearch_groups`, and snippets highlighted here in Python.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
)
from django.db import connections
from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    TextField,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

from . import dates
from .models import Article, TaggedArticle

# Longer queries are cut here: no one types more, and the cost of a query grows with it.
MAX_QUERY_LENGTH = 200

# Tags and authors offered as filters on a results page, most frequent first.
FACET_LIMIT = 20
# On PostgreSQL, a query matching more articles than this ranks only the newest of them
# (and the events of a date it names): ranking reads every match's vector, and a query
# matching most of a large archive would otherwise take seconds.
MATCH_LIMIT = 1000

# Highlight markers inside snippets until they are escaped: control characters, which
# no article text can contain once :func:`_strip_control` has run over it.
MARK_START = "\x02"
MARK_STOP = "\x03"

# Control characters (NUL included: PostgreSQL refuses it in text) and the markers.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

# Only SQLite reads this list; PostgreSQL uses the stop words of SEARCH_CONFIG.
STOP_WORDS = {
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "had", "has",
    "have", "he", "her", "his", "in", "is", "it", "its", "of", "on", "or", "she", "that",
    "the", "their", "they", "this", "to", "was", "were", "which", "who", "with",
}  # fmt: skip


# ---------- Reading the query ----------


@dataclass(frozen=True)
class EventDate:
    """The parts of an event date named in a query; the year is astronomical."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    def label(self, month_names=dates.MONTH_NAMES, bc="BC", ad="AD"):
        """ "August 20", "44 BC", "July 1776", "August 20, 1940"."""
        parts = []
        if self.month is not None:
            month = month_names[self.month - 1]
            parts.append(f"{month} {self.day}" if self.day is not None else month)
        if self.year is not None:
            year = dates.format_year(self.year, bc, ad)
            parts.append(year if self.day is None else f", {year}")
        return " ".join(parts).replace(" ,", ",")


@dataclass(frozen=True)
class ParsedQuery:
    """A query ready to search: ``text`` as searched (and shown back to the reader),
    ``words`` the same without the event date found in it."""

    text: str
    words: str = ""
    date: EventDate | None = None
    truncated: bool = False


def clean_query(raw: str) -> tuple[str, bool]:
    """The query without control characters (NUL included) or runs of spaces, cut to
    :data:`MAX_QUERY_LENGTH`; and whether it was cut."""
    text = " ".join(_CONTROL.sub(" ", raw).split())
    if len(text) <= MAX_QUERY_LENGTH:
        return text, False
    cut = text[:MAX_QUERY_LENGTH]
    # Cut at a space rather than through a word, when there is one near the end.
    space = cut.rfind(" ")
    return (cut[:space] if space > MAX_QUERY_LENGTH // 2 else cut).rstrip(), True


_MONTHS = {name.lower(): number for number, name in enumerate(dates.MONTH_NAMES, start=1)}
_MONTHS.update({name[:3]: number for name, number in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MONTH = r"(?P<month>{})\.?".format("|".join(sorted(_MONTHS, key=len, reverse=True)))
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"


def _year_regex(prefix=""):
    """A year as written: "44 BC", "44 BCE", "AD 79", "79 AD", "1940". A bare number
    must have three or four digits, so "20" or "1" stay words."""
    return (
        rf"(?P<{prefix}bc>\d{{1,4}})\s?(?:bce?|b\.c\.(?:e\.)?)"
        rf"|(?:ad|a\.d\.|ce)\s?(?P<{prefix}ad>\d{{1,4}})"
        rf"|(?P<{prefix}ad_after>\d{{1,4}})\s?(?:ad|a\.d\.|ce)"
        rf"|(?P<{prefix}bare>\d{{3,4}})"
    )


# Not inside a word, not negated ("-1940" excludes, as in websearch syntax).
_START, _END = r"(?<![\w\-.])", r"(?![\w])"
_DAY_PATTERNS = [
    re.compile(_START + _MONTH + r"\s+" + _DAY + _END, re.IGNORECASE),
    re.compile(_START + _DAY + r"\s+(?:of\s+)?" + _MONTH + _END, re.IGNORECASE),
]
_MONTH_YEAR = re.compile(
    _START + _MONTH + r"\s+(?:" + _year_regex("y_") + ")" + _END, re.IGNORECASE
)
_YEAR_PATTERN = re.compile(_START + "(?:" + _year_regex() + ")" + _END, re.IGNORECASE)


def _year_from_match(groups: dict, prefix: str = "") -> int | None:
    """The astronomical year of a :data:`_YEAR` match, or None when there is none."""
    bc = groups.get(prefix + "bc")
    written = bc or groups.get(prefix + "ad") or groups.get(prefix + "ad_after")
    written = written or groups.get(prefix + "bare")
    if written is None or int(written) == 0:
        return None
    year = dates.to_astronomical(int(written), dates.Era.BC if bc else dates.Era.AD)
    return year if dates.MIN_YEAR <= year <= dates.MAX_YEAR else None


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in re.finditer(r'"[^"]*"', text)]


def _first_unquoted(pattern: re.Pattern, text: str, accept):
    """The first match of ``pattern`` outside quotes that ``accept`` turns into a value."""
    quoted = _quoted_spans(text)
    for match in pattern.finditer(text):
        if any(start < match.end() and match.start() < end for start, end in quoted):
            continue
        value = accept(match)
        if value is not None:
            return match, value
    return None, None


def find_event_date(text: str) -> tuple[EventDate | None, str]:
    """The event date a query names, and the query without it.

    Finds a day of the year ("August 20", "20th of August", "Aug 20"), a year ("1940",
    "44 BC", "AD 79", "79 CE") and a month with a year ("July 1776"), outside quoted
    phrases and not negated. Impossible days (February 30) and year 0 stay words.
    """
    month = day = year = None

    def day_of_year(match):
        month, day = _MONTHS[match["month"].lower()], int(match["day"])
        return (month, day) if dates.is_valid_day_of_year(month, day) else None

    for pattern in _DAY_PATTERNS:
        match, value = _first_unquoted(pattern, text, day_of_year)
        if match:
            (month, day), text = value, _remove(text, match)
            break
    if month is None:
        match, value = _first_unquoted(
            _MONTH_YEAR,
            text,
            lambda m: (_MONTHS[m["month"].lower()], _year_from_match(m.groupdict(), "y_")),
        )
        if match and value[1] is not None:
            (month, year), text = value, _remove(text, match)
    if year is None:
        match, value = _first_unquoted(
            _YEAR_PATTERN, text, lambda m: _year_from_match(m.groupdict())
        )
        if match:
            year, text = value, _remove(text, match)
    if month is None and year is None:
        return None, text
    return EventDate(year, month, day), " ".join(text.replace(" ,", " ").split()).strip(" ,")


def _remove(text: str, match: re.Match) -> str:
    return f"{text[: match.start()]} {text[match.end() :]}"


def parse_query(raw: str) -> ParsedQuery:
    """Clean a query as typed and find the event date in it."""
    text, truncated = clean_query(raw)
    date, words = find_event_date(text)
    return ParsedQuery(text=text, words=words, date=date, truncated=truncated)


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


# ---------- Keeping the PostgreSQL vector current ----------


def body_text(body_html: str) -> str:
    """The words of an article body, without HTML: what a reader reads."""
    return _strip_control(html.unescape(strip_tags(body_html)))


def _strip_control(text: str) -> str:
    return _CONTROL.sub(" ", text)


# The text search configuration: SEARCH_CONFIG, or "<SEARCH_CONFIG>_unaccent" when
# migration 0003 could make it, so accents are ignored. The database chooses, as part
# of each statement, at no extra query.
_CONFIG_SQL = (
    "COALESCE((SELECT oid::regconfig FROM pg_ts_config WHERE cfgname = %s"
    " AND pg_ts_config_is_visible(oid)), %s::regconfig)"
)


def _config_params():
    return [f"{settings.SEARCH_CONFIG}_unaccent", settings.SEARCH_CONFIG]


def search_config() -> RawSQL:
    """The text search configuration, as an expression for Django's search classes."""
    return RawSQL(_CONFIG_SQL, _config_params(), output_field=TextField())


def _document(article: Article) -> SearchVector:
    config = search_config()
    tags = " ".join(sorted(tag.name for tag in article.tags.all()))
    return (
        SearchVector(Value(article.title), weight="A", config=config)
        + SearchVector(Value(f"{article.dek} {tags}"), weight="B", config=config)
        + SearchVector(Value(body_text(article.body_html)), weight="C", config=config)
    )


def update_search_vector(articles) -> None:
    """Recompute the search vector of an article, or of every article of a queryset.

    Call it after an article *and its tags* are saved: the admin, the demo content and
    the test factories do. On databases other than PostgreSQL there is no vector to
    keep, and this does nothing.
    """
    if isinstance(articles, Article):
        articles = Article.objects.using(articles._state.db or "default").filter(pk=articles.pk)
    if connections[articles.db].vendor != "postgresql":
        return
    rows = articles.only("pk", "title", "dek", "body_html").prefetch_related("tags")
    for article in rows.iterator(chunk_size=500):
        Article.objects.using(articles.db).filter(pk=article.pk).update(
            search_vector=_document(article)
        )


# ---------- Searching ----------


@dataclass
class Filters:
    """The filters of a results page, as valid values or None (not filtering)."""

    tag: str | None = None
    author: str | None = None
    century: int | None = None

    @classmethod
    def from_params(cls, params) -> Filters:
        """Filters from GET parameters. A malformed value is ignored; a well-formed
        slug that names nothing finds nothing."""
        return cls(
            tag=_slug(params.get("tag")),
            author=_slug(params.get("author")),
            century=_century(params.get("century")),
        )

    def __bool__(self):
        return any(value is not None for value in self.as_params().values())

    def as_params(self) -> dict:
        """The filters in use, as GET parameters."""
        params = {"tag": self.tag, "author": self.author, "century": self.century}
        return {key: value for key, value in params.items() if value is not None}

    def apply(self, articles):
        if self.tag is not None:
            articles = articles.filter(
                Exists(
                    TaggedArticle.objects.filter(content_object=OuterRef("pk"), tag__slug=self.tag)
                )
            )
        if self.author is not None:
            articles = articles.filter(author__slug=self.author)
        if self.century is not None:
            articles = articles.filter(event_year__range=dates.century_span(self.century))
        return articles


def _slug(value):
    if value and re.fullmatch(r"[-\w]{1,100}", value):
        return value
    return None


def _century(value):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    if number == 0 or not dates.century(dates.MIN_YEAR) <= number <= dates.century(dates.MAX_YEAR):
        return None
    return number


@dataclass
class SearchResult:
    """What :func:`search` found.

    ``articles`` are the ranked, filtered matches, or ``None`` when there was nothing
    to search for, with ``reason`` saying why: "empty", "no_words" (only punctuation)
    or "stop_words" (nothing left once common and excluded words are gone).
    ``matches`` are the same before filters, for the filter choices; ``groups`` the
    terms SQLite looked for, which its snippets highlight.
    """

    query: ParsedQuery
    filters: Filters = field(default_factory=Filters)
    articles: object = None
    matches: object = None
    reason: str | None = None
    groups: list = field(default_factory=list)
    # MATCH_LIMIT where it applies: more matches than this mean only the newest ranked.
    match_limit: int | None = None


def _is_postgresql(queryset) -> bool:
    return connections[queryset.db].vendor == "postgresql"


def search(raw_query: str, filters: Filters | None = None) -> SearchResult:
    """Published articles matching a query as typed, best first, with a ``snippet``
    source annotated (see :func:`add_snippets`). Never raises for what a reader types."""
    query = parse_query(raw_query)
    filters = filters or Filters()
    result = SearchResult(query=query, filters=filters)
    if not query.text:
        result.reason = "empty"
        return result
    if not re.search(r"\w", query.text):
        result.reason = "no_words"
        return result
    published = Article.objects.published()
    if _is_postgresql(published):
        matches = _postgresql_matches(published, query)
    else:
        matches, result.groups = _sqlite_matches(published, query)
    if matches is None:
        result.reason = "stop_words"
        return result
    filtered = filters.apply(matches)
    if _is_postgresql(published):
        result.match_limit = MATCH_LIMIT
        matches, filtered = _newest(matches, query), _newest(filtered, query)
    result.matches = matches
    result.articles = filtered.select_related("author").defer("body", "search_vector")
    return result


def _newest(matches, query: ParsedQuery):
    """``matches`` cut to the MATCH_LIMIT + 1 newest (so that more than MATCH_LIMIT can
    be told), and the events of the query's date, which rank first: a bound on the work
    of ranking and counting, however common the words."""
    keep = Q(pk__in=matches.order_by("-publish_at", "-id").values("pk")[: MATCH_LIMIT + 1])
    if query.date is not None:
        keep |= _date_condition(query.date)
    return matches.filter(keep)


def _date_condition(date: EventDate) -> Q:
    condition = Q()
    for part in ("year", "month", "day"):
        if getattr(date, part) is not None:
            condition &= Q(**{f"event_{part}": getattr(date, part)})
    return condition


def _ordered(matches, date_condition, rank):
    date_match = ExpressionWrapper(date_condition, output_field=BooleanField())
    if date_condition == Q():
        date_match = Value(False)
    return matches.annotate(date_match=date_match, rank=rank).order_by(
        "-date_match", "-rank", "-publish_at", "-id"
    )


def _postgresql_matches(published, query: ParsedQuery):
    # The configuration by name, not as search_config()'s subquery: with the query a
    # constant, the planner can estimate from the column's statistics how many
    # articles match, and read the newest first when nearly all do.
    config, full_terms, word_terms = _searchable(published.db, query)

    def websearch(text):
        return SearchQuery(text, search_type="websearch", config=config)

    full, words = websearch(query.text), websearch(query.words)
    if not full_terms and query.date is None:
        return None
    condition = Q(search_vector=full) if full_terms else Q(pk__in=[])
    date_condition = Q()
    if query.date is not None:
        date_condition = _date_condition(query.date)
        condition |= date_condition & Q(search_vector=words) if word_terms else date_condition
    rank_query = words if query.date is not None and word_terms else full
    matches = published.filter(condition)
    matches = _ordered(matches, date_condition, SearchRank(F("search_vector"), rank_query))
    return matches.annotate(
        headline=SearchHeadline(
            Func(
                F("body_html"),
                Value(r"<[^>]*>|[\x00-\x08\x0b-\x1f\x7f]"),
                Value(""),
                Value("g"),
                function="regexp_replace",
                output_field=TextField(),
            ),
            full if full_terms else words,
            config=config,
            start_sel=MARK_START,
            stop_sel=MARK_STOP,
            max_words=40,
            min_words=20,
            max_fragments=2,
            fragment_delimiter=" … ",
        )
    )


def _searchable(db, query: ParsedQuery) -> tuple[str, bool, bool]:
    """The name of the text search configuration, and whether the query, and its words
    without the date, have something to look for: a word that is not a stop word and
    not excluded. (``querytree`` keeps the part of a tsquery an index can use: "T" for
    none, "" for only stop words.) One short statement that reads no table."""
    with connections[db].cursor() as cursor:
        cursor.execute(
            "SELECT config::text,"
            " querytree(websearch_to_tsquery(config, %s)) NOT IN ('', 'T'),"
            " querytree(websearch_to_tsquery(config, %s)) NOT IN ('', 'T')"
            f" FROM (SELECT {_CONFIG_SQL} AS config) AS chosen",
            [query.text, query.words, *_config_params()],
        )
        return cursor.fetchone()


def _tag_matches(text: str) -> Exists:
    return Exists(
        TaggedArticle.objects.filter(content_object=OuterRef("pk"), tag__name__icontains=text)
    )


def _field_matches(text: str) -> Q:
    """A term found in the title, dek, body or a tag name, ignoring (ASCII) case."""
    return (
        Q(title__icontains=text)
        | Q(dek__icontains=text)
        | Q(body__icontains=text)
        | _tag_matches(text)
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


def _sqlite_matches(published, query: ParsedQuery):
    full_groups = websearch_groups(query.text)
    word_groups = websearch_groups(query.words)
    if not full_groups and query.date is None:
        return None, []
    condition = _groups_condition(full_groups)
    date_condition = Q()
    if query.date is not None:
        date_condition = _date_condition(query.date)
        condition |= (
            date_condition & _groups_condition(word_groups) if word_groups else date_condition
        )
    rank_groups = word_groups if query.date is not None and word_groups else full_groups
    # A title that has a word counts most, then dek and tags, then the body.
    rank = Value(0)
    for term in {
        term.text: term for group in rank_groups for term in group if not term.excluded
    }.values():
        rank += Case(
            When(title__icontains=term.text, then=Value(4)),
            When(Q(dek__icontains=term.text) | _tag_matches(term.text), then=Value(2)),
            When(body__icontains=term.text, then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    matches = _ordered(published.filter(condition), date_condition, rank)
    return matches, full_groups


# ---------- Snippets and filter choices ----------


def marked_up(text: str) -> SafeString:
    """Escape a snippet and turn its markers into ``<mark>`` elements, always closed
    and never nested, whatever the markers around them."""
    parts, open_ = [], False
    for piece in re.split(f"([{MARK_START}{MARK_STOP}])", text):
        if piece == MARK_START and not open_:
            parts.append("<mark>")
            open_ = True
        elif piece == MARK_STOP and open_:
            parts.append("</mark>")
            open_ = False
        elif piece not in (MARK_START, MARK_STOP):
            parts.append(escape(piece))
    if open_:
        parts.append("</mark>")
    return mark_safe("".join(parts))


def highlight(text: str, terms, words: int = 40) -> str:
    """A passage of ``text`` around the first term found, with every term marked by
    :data:`MARK_START`/:data:`MARK_STOP`: SQLite's stand-in for ``ts_headline``."""
    text = " ".join(_strip_control(text).split())
    needles = sorted({term.lower() for term in terms if term}, key=len, reverse=True)
    if needles:
        pattern = re.compile("|".join(re.escape(needle) for needle in needles), re.IGNORECASE)
        first = pattern.search(text)
    else:
        pattern = first = None
    tokens = text.split(" ")
    start = 0
    if first is not None:
        start = max(text[: first.start()].count(" ") - words // 4, 0)
    passage = " ".join(tokens[start : start + words])
    if start > 0:
        passage = "… " + passage
    if start + words < len(tokens):
        passage += " …"
    if pattern is None:
        return passage
    return pattern.sub(lambda match: f"{MARK_START}{match.group(0)}{MARK_STOP}", passage)


def add_snippets(articles, result: SearchResult):
    """Give each article on a results page a ``snippet``: a passage of its body with
    the words searched for highlighted, escaped and safe to show."""
    terms = [term.text for group in result.groups for term in group if not term.excluded]
    for article in articles:
        headline = getattr(article, "headline", None)
        if headline is None:
            headline = highlight(body_text(article.body_html), terms)
        else:
            # ts_headline ran over the stored HTML with its tags removed: its entities
            # are decoded here, so everything is escaped exactly once, below.
            headline = html.unescape(headline)
        article.snippet = marked_up(" ".join(headline.split()))
    return articles


def _facet(rows, value, name):
    """The FACET_LIMIT most frequent (value, name) pairs of ``rows``, with counts."""
    grouped = (
        rows.values(value, name).annotate(count=Count("id")).order_by("-count", name)[:FACET_LIMIT]
    )
    return [{"value": row[value], "name": row[name], "count": row["count"]} for row in grouped]


def filter_choices(matches, filters: Filters) -> dict:
    """The tags, authors and centuries of the matching articles, with counts, for
    the filters of a results page (three grouped queries). A filter in use stays a
    choice even when nothing matches it, so the reader sees it and can undo it."""
    ids = matches.order_by().values("pk")
    tags = _facet(TaggedArticle.objects.filter(content_object__in=ids), "tag__slug", "tag__name")
    authors = _facet(Article.objects.filter(pk__in=ids), "author__slug", "author__display_name")
    years = (
        Article.objects.filter(pk__in=ids)
        .values_list("event_year")
        .annotate(count=Count("id"))
        .order_by("event_year")
    )
    counts = {}
    for year, count in years:
        counts[dates.century(year)] = counts.get(dates.century(year), 0) + count
    centuries = [{"value": number, "count": count} for number, count in counts.items()]
    for choices, value in (
        (tags, filters.tag),
        (authors, filters.author),
        (centuries, filters.century),
    ):
        if value is not None and all(choice["value"] != value for choice in choices):
            choices.append({"value": value, "name": value, "count": 0})
    centuries.sort(key=lambda choice: choice["value"])
    return {"tags": tags, "authors": authors, "centuries": centuries}
