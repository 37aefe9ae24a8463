"""Search: what a reader types, turned into ranked published articles.

One module per part, in the order a query goes through them:

- :mod:`.query` reads what was typed: cleaned, cut to length, the event date it names;
- :mod:`.results` holds :func:`search`, which hands the query to
- :mod:`.postgres` (full-text search over the stored vector, which :mod:`.vectors`
  keeps current) or :mod:`.sqlite` (substring matches, the development database),
  both built on :mod:`.matching`;
- :mod:`.filters` narrows the results by tag, author and century, and offers them;
- :mod:`.snippets` shows a highlighted passage of each result;
- :mod:`.text` is article text without HTML or control characters.

The names below are those the rest of the project uses (``search_config`` is the
one the comments of migration 0003 name).
"""

from .filters import Filters, filter_choices
from .postgres import _CONFIG_SQL, _config_params, search_config
from .query import MAX_QUERY_LENGTH, EventDate, parse_query
from .results import search
from .snippets import MARK_START, MARK_STOP, add_snippets, highlight, marked_up
from .sqlite import Term, websearch_groups
from .text import body_text
from .vectors import update_search_vector

__all__ = [
    "MARK_START",
    "MARK_STOP",
    "MAX_QUERY_LENGTH",
    "_CONFIG_SQL",
    "EventDate",
    "Filters",
    "Term",
    "_config_params",
    "add_snippets",
    "body_text",
    "filter_choices",
    "highlight",
    "marked_up",
    "parse_query",
    "search",
    "search_config",
    "update_search_vector",
    "websearch_groups",
]
