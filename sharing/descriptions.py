"""The description of an article that search results and share previews show: its dek,
or else the opening sentences of its body, cut at a word."""

import re
from html.parser import HTMLParser

# What search engines and social networks show before they cut a description.
DESCRIPTION_LENGTH = 160
ELLIPSIS = "…"

# A sentence ends at ".", "!", "?" or "…" (and any closing quote or bracket), before a
# space and a capital, digit or opening quote...
SENTENCE_END = re.compile(
    "(?<=[.!?\u2026])[\"'\u201d\u2019)\\]]*\\s+(?=[\"'\u201c\u2018(\\[]?[A-Z0-9\u00c0-\u00de])"
)
# ...but not after an abbreviation a sentence goes on from: "Mr. Trotsky", "c. 1450".
ABBREVIATION = re.compile(
    r"(?:\b[A-Za-z]|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Col|Capt|Lt|Sgt|Adm|Rev|Gov|Sen|Rep"
    r"|Pres|Prof|Mt|Ft|No|vs|ca|etc|approx))\.$"
)


class ParagraphText(HTMLParser):
    """The text of the body's paragraphs, in order; headings, lists, tables and code
    are not prose a description should quote."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paragraphs = []
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        if tag == "p":
            self.depth += 1
            if self.depth == 1:
                self.paragraphs.append("")
        elif tag == "br" and self.depth:
            self.paragraphs[-1] += " "

    def handle_endtag(self, tag):
        if tag == "p" and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.paragraphs[-1] += data


def opening_text(body_html):
    """The body's paragraphs as one line of plain text."""
    parser = ParagraphText()
    parser.feed(body_html or "")
    parser.close()
    return " ".join(" ".join(parser.paragraphs).split())


def sentences(text):
    """``text`` split into sentences, abbreviations kept inside theirs."""
    found = []
    start = 0
    for end in SENTENCE_END.finditer(text):
        if ABBREVIATION.search(text[start : end.start()]):
            continue
        found.append(text[start : end.start()] + end.group().strip())
        start = end.end()
    found.append(text[start:])
    return [sentence for sentence in found if sentence]


def cut_at_word(text, length):
    """``text`` no longer than ``length``, cut after a whole word, with an ellipsis."""
    if len(text) <= length:
        return text
    cut = text[: length - len(ELLIPSIS) + 1]
    # Cut after the last whole word; inside a word longer than the description.
    cut = cut.rsplit(" ", 1)[0] if " " in cut else cut[:-1]
    return cut.rstrip(" ,.;:-\u2013\u2014") + ELLIPSIS


def summarise(text, length=DESCRIPTION_LENGTH):
    """The opening whole sentences of ``text`` that fit in ``length`` characters; when
    even the first does not fit, the first cut at a word, with an ellipsis."""
    kept = ""
    for sentence in sentences(text):
        candidate = f"{kept} {sentence}" if kept else sentence
        if len(candidate) > length:
            break
        kept = candidate
    return kept or cut_at_word(text, length)


def article_description(article):
    """The article's dek or, without one, the opening sentences of its body; its
    title when the body has no prose either."""
    if article.dek.strip():
        return article.dek
    return summarise(opening_text(article.body_html)) or article.title
