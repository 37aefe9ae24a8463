"""Share links: one plain link per social network, and one for e-mail."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from .addresses import with_query


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
