"""What a WordPress post says about the article it becomes: status and publish time,
tags, dek, slug, event date and the addresses it had. Functions of the post alone."""

from __future__ import annotations

import datetime
from urllib.parse import unquote, urlsplit

from django.utils import timezone
from django.utils.text import Truncator, slugify

from articles import dates
from articles.models import Article
from articles.tagging import has_slug

from . import event_dates
from .bodies import plain_text

STATUSES = {
    "publish": Article.Status.PUBLISHED,
    "future": Article.Status.PUBLISHED,  # with a publish time to come: scheduled
    "draft": Article.Status.DRAFT,
    "pending": Article.Status.DRAFT,
}
SKIPPED_STATUSES = {"private", "trash"}
# WordPress's default category, which says nothing about a post.
UNCATEGORIZED = "uncategorized"


def parse_time(text: str, *, utc: bool) -> datetime.datetime | None:
    """A WordPress time ("2020-08-20 09:00:00"; zeros for none), made aware: in UTC for
    a _gmt field, else in the site's time zone."""
    try:
        naive = datetime.datetime.strptime(text, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    return naive.replace(tzinfo=datetime.UTC) if utc else timezone.make_aware(naive)


def publication(item) -> tuple[str, datetime.datetime | None]:
    """The article's status and publish time; a draft has none."""
    status = STATUSES[item.status]
    if status == Article.Status.DRAFT:
        return status, None
    when = parse_time(item.post_date_gmt, utc=True) or parse_time(item.post_date, utc=False)
    return status, when or timezone.now()


def tag_names(item) -> list[str]:
    """Categories and tags, one list of names as the tags field takes them."""
    names = {}
    for domain, nicename, name in item.terms:
        name = " ".join(plain_text(name).split())[:100]
        if domain not in ("category", "post_tag") or not has_slug(name):
            continue
        if domain == "category" and nicename == UNCATEGORIZED:
            continue
        names.setdefault(name.casefold(), name)
    return sorted(names.values(), key=str.casefold)


def title(item) -> str:
    return Truncator(plain_text(item.title)).chars(200) or f"WordPress post {item.post_id}"


def dek(item) -> str:
    return Truncator(plain_text(item.excerpt)).chars(300)


def slug(item) -> str:
    """The post's slug, kept (WordPress percent-encodes accents: they become letters)."""
    return (
        slugify(unquote(item.post_name))[:200].strip("-")
        or slugify(title(item))[:200].strip("-")
        or f"post-{item.post_id}"
    )


def event_date(item, first_paragraph, date_field) -> dates.HistoricalDate | None:
    """From the custom field, else the first date the title or first paragraph gives."""
    written = item.meta.get(date_field, "")
    return (written and event_dates.parse_field(written)) or event_dates.find_in_text(
        plain_text(item.title), first_paragraph
    )


def placeholder_date(item) -> dates.HistoricalDate:
    """The event date of a post none was found for, until an editor gives one: the
    year it was written, approximate (so it claims no anniversary)."""
    written = parse_time(item.post_date, utc=False) or timezone.now()
    return dates.HistoricalDate(written.year, approximate=True)


def old_paths(item) -> list[str]:
    """The paths the post was served at: its permalink, /YYYY/MM/DD/slug/ and /?p=ID."""
    paths = {f"/?p={item.post_id}"}
    link = urlsplit(item.link)
    if link.path and link.path != "/":
        paths.add(unquote(link.path))
    written = parse_time(item.post_date, utc=False)
    name = unquote(item.post_name)
    if written and name:
        paths.add(f"/{written:%Y/%m/%d}/{name}/")
    return sorted(path for path in paths if len(path) <= 500)
