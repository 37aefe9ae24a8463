"""Absolute URLs: ``absolute_url``, ``canonical_url``, ``with_query`` and ``site_host``.

Every absolute URL starts from ``settings.SITE_URL``, never from the request's Host
header: a client chooses that header, and a feed, a sitemap or a shared link must name
the site the same way whoever asked first.
"""

from urllib.parse import quote, urlencode, urljoin, urlsplit

from django.conf import settings
from django.urls import reverse


def absolute_url(path):
    """``path`` (from ``reverse()``, or a storage URL) as an absolute URL on SITE_URL.

    A URL that is absolute already, such as a picture on S3, is returned unchanged.
    """
    return urljoin(settings.SITE_URL + "/", str(path))


def with_query(url, /, **params):
    """``url`` with its query string replaced by ``params``, percent-encoded (spaces
    as %20, which every share target and mail client reads)."""
    return urlsplit(url)._replace(query=urlencode(params, quote_via=quote)).geturl()


def site_host():
    """The host name of SITE_URL: "example.com"."""
    return urlsplit(settings.SITE_URL).hostname


def canonical_url(request, page_number=1):
    """The absolute canonical URL of the page ``request`` asked for.

    The matched route is reversed again, so whatever spelling the URL converters
    accepted, the canonical URL is the one ``reverse()`` writes; a page of a list other
    than the first keeps its number.
    """
    match = getattr(request, "resolver_match", None)
    if match is None:
        return ""
    url = absolute_url(reverse(match.view_name, args=match.args, kwargs=match.kwargs))
    return with_query(url, page=page_number) if page_number > 1 else url
