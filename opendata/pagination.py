"""Pages of a list, numbered, with absolute links to the next and previous pages.

No count is taken (a scan of every matching row): a page reads one row more than it
shows, to know whether another follows. The links keep the list's filters, in the
order they are declared, so each page has one address (and one page-cache entry).
"""

from dataclasses import dataclass

from django.conf import settings

from sharing.addresses import absolute_url, with_query

from .http import ApiError
from .params import Param

PAGE = Param("page", "Page number, from 1.", kind="integer", minimum=1, maximum=10**6, default=1)
PAGE_SIZE = Param(
    "page_size",
    f"Items a page, at most {settings.OPENDATA_MAX_PAGE_SIZE}.",
    kind="integer",
    minimum=1,
    maximum=settings.OPENDATA_MAX_PAGE_SIZE,
    default=settings.OPENDATA_PAGE_SIZE,
)
PAGE_PARAMS = (PAGE, PAGE_SIZE)


@dataclass
class Page:
    items: list
    links: dict


def page_of(request, queryset, query, filters):
    """The page ``query`` asks for of ``queryset``; a page past the last is a 404 (the
    first page of an empty list is an empty page)."""
    number, size = query["page"], query["page_size"]
    start = (number - 1) * size
    rows = list(queryset[start : start + size + 1])
    if not rows and number > 1:
        raise ApiError(404, f"There is no page {number}: the list ends before it.")

    def link(to):
        kept = {
            param.name: query[param.name] for param in filters if query[param.name] is not None
        }
        if size != PAGE_SIZE.default:
            kept["page_size"] = size
        if to > 1:
            kept["page"] = to
        return with_query(absolute_url(request.path), **kept)

    return Page(
        items=rows[:size],
        links={
            "page": number,
            "page_size": size,
            "next": link(number + 1) if len(rows) > size else None,
            "previous": link(number - 1) if number > 1 else None,
        },
    )
