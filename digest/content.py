"""What the daily e-mail says on a day: the day's anniversaries, chosen as Today in
History chooses them (articles.anniversaries), for every article or for the tags a
subscriber follows; on a day with none, the coming ones or nothing (DIGEST_EMPTY_DAY)."""

import datetime
import html
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.html import strip_tags

from articles import date_labels
from articles.anniversaries import Anniversary, today_in_history
from articles.models import Article, TaggedArticle
from briefs.models import TaggedBrief
from briefs.queries import briefs_on_day
from pictures.renditions import sources
from sharing.addresses import absolute_url
from sharing.years_ago import years_ago_phrase


@dataclass(frozen=True)
class Entry:
    """One anniversary as the e-mail shows it, with absolute addresses."""

    anniversary: Anniversary
    url: str
    years_ago: str
    picture_url: str = ""
    picture_width: int = 0
    picture_height: int = 0

    @property
    def article(self):
        return self.anniversary.article


@dataclass
class Digest:
    day: datetime.date
    entries: list[Entry] = field(default_factory=list)
    # True when the day had nothing (for these tags) and the entries are the coming ones.
    coming: bool = False
    has_more: bool = False
    # The day's briefs, after the articles (see briefs_on).
    briefs: list = field(default_factory=list)
    # The names of the tags followed; empty for everything.
    tag_names: list[str] = field(default_factory=list)

    @property
    def day_of_year(self):
        return (self.day.month, self.day.day)

    @property
    def is_empty(self):
        return not self.entries and not self.briefs


# Pictures are shown at most this wide (CSS pixels) in the e-mail's 600-pixel column.
PICTURE_WIDTH = 560


def entry(anniversary, on):
    article = anniversary.article
    found = {
        "anniversary": anniversary,
        "url": absolute_url(article.get_absolute_url()),
        "years_ago": years_ago_phrase(article, on),
    }
    if article.picture:
        # The JPEG fallback: mail clients that show WebP are still too few.
        picture = sources(article.picture, article.picture_renditions)
        if picture["width"] and picture["height"]:
            width = min(PICTURE_WIDTH, picture["width"])
            found.update(
                picture_url=absolute_url(picture["src"]),
                picture_width=width,
                picture_height=round(picture["height"] * width / picture["width"]),
            )
    return Entry(**found)


def articles_with_tags(tag_ids):
    """Published articles with any of ``tag_ids``, or every one when there are none."""
    published = Article.objects.published().for_listing()
    if not tag_ids:
        return published
    tagged = TaggedArticle.objects.filter(tag_id__in=tag_ids).values("content_object_id")
    return published.filter(pk__in=tagged)


# Briefs an e-mail shows at most, the oldest events first; the day page has them all.
BRIEFS_IN_DIGEST = 10


@dataclass(frozen=True)
class BriefEntry:
    """One brief as the e-mail shows it (digest/email/briefs.html and .txt)."""

    label: str  # its date, as readers see it
    text_html: str  # sanitised when saved
    text: str  # the same, as plain text
    url: str  # its anchor on the day page


def briefs_on(day, tag_ids):
    """The published briefs of ``day`` (with any of ``tag_ids``, when given), shown
    after the articles; only events before ``day``'s year, as anniversaries are."""
    found = briefs_on_day(day.month, day.day, on=day).filter(event_year__lt=day.year)
    if tag_ids:
        tagged = TaggedBrief.objects.filter(tag_id__in=tag_ids).values("content_object_id")
        found = found.filter(pk__in=tagged)
    return [
        BriefEntry(
            label=date_labels.event_date(brief),
            text_html=brief.text_html,
            text=html.unescape(strip_tags(brief.text_html)),
            url=absolute_url(brief.get_absolute_url()),
        )
        for brief in found[:BRIEFS_IN_DIGEST]
    ]


def digest_for(day, tags=()):
    """The e-mail of ``day`` for a subscriber following ``tags`` (every article when
    there are none)."""
    tag_ids = sorted(tag.pk for tag in tags)
    names = sorted(tag.name for tag in tags)
    widget = today_in_history(day, settings.DIGEST_ARTICLES, articles_with_tags(tag_ids))
    briefs = briefs_on(day, tag_ids)
    if widget.anniversaries:
        return Digest(
            day=day,
            entries=[entry(anniversary, day) for anniversary in widget.anniversaries],
            has_more=widget.has_more,
            briefs=briefs,
            tag_names=names,
        )
    if settings.DIGEST_EMPTY_DAY == "coming" and widget.upcoming and not briefs:
        return Digest(
            day=day,
            entries=[entry(anniversary, anniversary.on) for anniversary in widget.upcoming],
            coming=True,
            tag_names=names,
        )
    return Digest(day=day, briefs=briefs, tag_names=names)
