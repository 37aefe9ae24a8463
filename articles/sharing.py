"""Absolute URLs, share links and the structured data social networks and search
engines read.

Every absolute URL starts from ``settings.SITE_URL``, never from the request's Host
header: a client chooses that header, and a feed, a sitemap or a shared link must name
the site the same way whoever asked first.
"""

from dataclasses import dataclass
from urllib.parse import quote, urlencode, urljoin, urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from . import dates


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


@dataclass(frozen=True)
class ShareLink:
    network: str  # a stable key, used as a CSS hook
    label: str  # the visible text
    name: str  # the accessible name, which contains the visible text
    url: str


def share_links(url, title):
    """Links that share ``url`` with ``title`` on each network, and by e-mail.

    Plain links to each network's documented share address: no script, no pixel.
    """
    message = f"{title} {url}"  # networks that take a single text field
    return [
        ShareLink(
            "facebook",
            "Facebook",
            _("Share on Facebook"),
            with_query("https://www.facebook.com/sharer/sharer.php", u=url),
        ),
        ShareLink(
            "x", "X", _("Share on X"), with_query("https://x.com/intent/post", text=title, url=url)
        ),
        ShareLink(
            "bluesky",
            "Bluesky",
            _("Share on Bluesky"),
            with_query("https://bsky.app/intent/compose", text=message),
        ),
        ShareLink(
            "reddit",
            "Reddit",
            _("Share on Reddit"),
            with_query("https://www.reddit.com/submit", url=url, title=title),
        ),
        ShareLink(
            "linkedin",
            "LinkedIn",
            _("Share on LinkedIn"),
            with_query("https://www.linkedin.com/sharing/share-offsite/", url=url),
        ),
        ShareLink(
            "whatsapp",
            "WhatsApp",
            _("Share on WhatsApp"),
            with_query("https://wa.me/", text=message),
        ),
        ShareLink(
            "email",
            _("E-mail"),
            _("Share by e-mail"),
            with_query("mailto:", subject=title, body=url),
        ),
    ]


def article_structured_data(article, tags, image_url):
    """The schema.org ``BlogPosting`` of an article, about the ``Event`` it tells of.

    A plain dict: the template filter ``json_ld`` serialises and escapes it.
    """
    url = absolute_url(article.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": article.title,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "datePublished": article.publish_at.isoformat(),
        "dateModified": article.updated_at.isoformat(),
        "author": {
            "@type": "Person",
            "name": article.author.display_name,
            "url": absolute_url(article.author.get_absolute_url()),
        },
        "publisher": {
            "@type": "Organization",
            "name": settings.SITE_NAME,
            "url": absolute_url(reverse("articles:home")),
        },
        "image": image_url,
        "keywords": [tag.name for tag in tags],
        "inLanguage": settings.LANGUAGE_CODE,
        "about": {
            "@type": "Event",
            "name": article.title,
            "startDate": dates.iso_format(article.event_date),
        },
    }
    if article.dek:
        data["description"] = article.dek
    return data
