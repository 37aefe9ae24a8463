"""Synthetic English for benchmark articles, shaped like real writing for search.

Words are drawn from real English frequencies (the ``wordfreq`` package's list for
"en", a development dependency imported only when a corpus is made), so they follow
Zipf's law: a few words are in nearly every article, most in a handful. Each article
also names a small cast (two people and a place) from large generated pools, so that a
name matches a few articles among 100,000; cites its event date ("on 14 July 1789"),
sometimes a famous one; and uses some of the stock phrases of history writing.

Only plain words, digits, commas and full stops are written, so :meth:`Corpus.body`
can give the HTML the app's Markdown renderer makes without running it (the seed
command checks a sample against it), and the text search reads is the HTML without
its tags.

:data:`BENCH_SEARCHES` are the queries the benchmark measures on this corpus.
"""

from __future__ import annotations

import itertools
import random
import re
from functools import cache

from articles.dates import MONTH_NAMES

# What the benchmark searches for, by kind (see docs/performance.md), with the
# articles each matches among 100,000 seeded with --seed 1.
BENCH_SEARCHES = [
    ("search-rare", "Ostravel"),  # a surname: 9 articles
    ("search-common", "church village"),  # two common words: 253 (each in thousands)
    ("search-phrase", '"end of the war"'),  # a stock phrase: 2,075
    ("search-date", "14 July 1789"),  # a famous date as typed: 235
    ("search-broad", "time"),  # 63,485: ranks the 1,001 newest
]

VOCABULARY = 25_000
TABLE = 2_000_000
_WORD = re.compile(r"[a-z]{2,}|a")

SURNAMES = 30_000
PLACES = 8_000
_SYLLABLES = (
    "al", "bar", "bel", "bran", "cor", "dal", "del", "dor", "dra", "el", "fen", "gar",
    "hal", "hel", "ist", "kan", "kel", "kes", "lan", "lor", "mar", "mel", "mir", "mor",
    "nal", "nor", "ost", "pel", "ran", "rav", "ril", "sal", "sel", "sten", "tal", "tor",
    "tra", "val", "var", "vel", "ven", "vik", "wen", "yar", "zan",
)  # fmt: skip
_PLACE_ENDINGS = ("burg", "ford", "holm", "mouth", "stad", "wick", "ia", "ona", "ara")
GIVEN_NAMES = (
    "Ada", "Agnes", "Albert", "Alice", "Anna", "Anton", "Beatrice", "Carl", "Clara",
    "Constance", "Daniel", "Edith", "Eleanor", "Elias", "Emil", "Frieda", "George",
    "Greta", "Hannah", "Helena", "Henry", "Hugo", "Ida", "Isaac", "Johanna", "John",
    "Josef", "Julia", "Karl", "Leonora", "Lucia", "Ludwig", "Margaret", "Maria", "Martha",
    "Matthias", "Nora", "Olga", "Oskar", "Paul", "Pieter", "Rosa", "Samuel", "Sofia",
    "Thomas", "Ursula", "Victor", "Walter",
)  # fmt: skip

# Dates history writing cites again and again; about one article in twenty names one.
FAMOUS_DATES = [
    (1789, 7, 14), (1776, 7, 4), (1918, 11, 11), (1944, 6, 6), (-43, 3, 15),
    (1815, 6, 18), (1492, 10, 12), (1066, 10, 14), (1914, 6, 28), (1969, 7, 20),
    (1989, 11, 9), (1453, 5, 29), (1215, 6, 15), (1805, 10, 21), (1945, 5, 8),
    (1848, 2, 24), (1871, 3, 18), (1917, 11, 7), (1588, 8, 8), (1666, 9, 2),
]  # fmt: skip

STOCK_PHRASES = [
    "the end of the war", "at the same time", "in the following year", "the old city",
    "the royal court", "for the first time", "the rest of his life", "the people of the town",
    "the siege of the city", "a new constitution", "the price of bread", "the new king",
]  # fmt: skip


@cache
def vocabulary() -> list[str]:
    """The VOCABULARY most frequent plain English words, each repeated in proportion
    to its frequency (at least once) in a list of about TABLE entries: a uniform draw
    from it is a draw by frequency, several times faster than ``cum_weights``."""
    from wordfreq import top_n_list, word_frequency

    words = [w for w in top_n_list("en", VOCABULARY + 3000) if _WORD.fullmatch(w)]
    words = words[:VOCABULARY]
    frequencies = [word_frequency(w, "en") for w in words]
    scale = TABLE / sum(frequencies)
    table = []
    for word, frequency in zip(words, frequencies, strict=True):
        table.extend(itertools.repeat(word, max(1, round(frequency * scale))))
    return table


@cache
def _pools() -> tuple[list[str], list[str]]:
    """Surnames and place names made of syllables: the same on every run, whatever
    the seed, so that BENCH_SEARCHES can name one."""
    rng = random.Random(1789)
    names = set()
    while len(names) < SURNAMES:
        names.add("".join(rng.sample(_SYLLABLES, rng.choice((2, 3)))).title())
    surnames = sorted(names)
    places = set()
    while len(places) < PLACES:
        places.add(("".join(rng.sample(_SYLLABLES, 2)) + rng.choice(_PLACE_ENDINGS)).title())
    return surnames, sorted(places)


def date_phrase(year: int, month: int | None = None, day: int | None = None) -> str:
    """A date as an article writes it: "14 July 1789", "March 44 BC", "1204"."""
    written = f"{-year + 1} BC" if year < 1 else str(year)
    if month is not None:
        written = f"{MONTH_NAMES[month - 1]} {written}"
        if day is not None:
            written = f"{day} {written}"
    return written


class Corpus:
    """Titles, deks and bodies drawn with ``rng`` (a ``random.Random``)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.table = vocabulary()
        self.surnames, self.places = _pools()
        self.cast: list[str] = []

    def new_article(self) -> None:
        """Choose the cast of the next article: two people and a place."""
        self.cast = [self.person(), self.person(), self.rng.choice(self.places)]

    def person(self) -> str:
        return f"{self.rng.choice(GIVEN_NAMES)} {self.rng.choice(self.surnames)}"

    def sentence(self, low: int = 8, high: int = 22) -> str:
        rng = self.rng
        words = rng.choices(self.table, k=rng.randint(low, high))
        if rng.random() < 0.4:
            words.insert(rng.randrange(len(words)), rng.choice(self.cast))
        if rng.random() < 0.01:
            words.insert(rng.randrange(len(words)), rng.choice(STOCK_PHRASES))
        if len(words) > 10 and rng.random() < 0.5:
            words[rng.randrange(2, len(words) - 2)] += ","
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def _continued(self) -> str:
        """A sentence that follows a phrase: no capital."""
        text = self.sentence()
        return text[0].lower() + text[1:]

    def title(self) -> str:
        return f"{self.sentence(3, 8)[:-1]} in {self.cast[2]}"[:200]

    def dek(self) -> str:
        rest = self.sentence(10, 24)
        return f"{self.cast[0]} and {rest[0].lower()}{rest[1:]}"[:300]

    def body(self, event: tuple[int, int | None, int | None]) -> tuple[str, str]:
        """Markdown and its HTML: paragraphs, perhaps a heading and a quotation; the
        event date cited in the first paragraph, and sometimes a famous one."""
        rng = self.rng
        paragraphs = [
            [self.sentence() for _ in range(rng.randint(3, 7))] for _ in range(rng.randint(3, 6))
        ]
        paragraphs[0].insert(1, f"On {date_phrase(*event)}, {self._continued()}")
        if rng.random() < 0.05:
            cited = date_phrase(*rng.choice(FAMOUS_DATES))
            paragraphs[-1].append(f"As on {cited}, {self._continued()}")
        blocks = [("p", " ".join(p)) for p in paragraphs]
        if rng.random() < 0.5:
            blocks.insert(2, ("h2", self.sentence(2, 5)[:-1]))
        if rng.random() < 0.3:
            blocks.append(("blockquote", self.sentence()))
        markdown = {"p": "{}", "h2": "## {}", "blockquote": "> {}"}
        html = {
            "p": "<p>{}</p>\n",
            "h2": "<h2>{}</h2>\n",
            "blockquote": "<blockquote>\n<p>{}</p>\n</blockquote>\n",
        }
        return (
            "\n\n".join(markdown[kind].format(text) for kind, text in blocks),
            "".join(html[kind].format(text) for kind, text in blocks),
        )
