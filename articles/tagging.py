"""Tags as authors type them: names separated by commas, as the tags field says.

taggit's own parser splits a line without commas on spaces, so "War & Peace" became
three tags, one of them "&" with an empty slug and no page. Here a phrase without
commas is one tag; a name that itself holds a comma is written in double quotes.
settings.TAGGIT_TAGS_FROM_STRING and TAGGIT_STRING_FROM_TAGS point taggit here.
"""

import csv
import io

from django.utils.text import slugify


def parse_tags(text):
    """The tag names in ``text``: comma-separated, trimmed, each once (the first
    spelling kept, case ignored), in the order typed."""
    names = {}
    for row in csv.reader(io.StringIO(text or ""), skipinitialspace=True):
        for name in row:
            name = " ".join(name.split())
            if name:
                names.setdefault(name.casefold(), name)
    return list(names.values())


def tags_to_text(tags):
    """The tags field's text for ``tags``: their names, comma-separated, quoted when a
    name holds a comma or a quote."""
    return ", ".join(_quoted(name) for name in sorted(tag.name for tag in tags))


def _quoted(name):
    line = io.StringIO()
    csv.writer(line, lineterminator="").writerow([name])
    return line.getvalue()


def has_slug(name):
    """Whether a tag called ``name`` gets an address: a slug needs a letter or digit."""
    return bool(slugify(name, allow_unicode=True))
