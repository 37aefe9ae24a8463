"""RSS 2.0 and Atom feeds: the latest articles, per tag, per author, and on this day.

Every URL in a feed is absolute on SITE_URL (django.contrib.syndication leaves absolute
URLs alone, so the request's Host is never used). Items carry the full article.
"""

import datetime
import mimetypes
from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch, Q, prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from sharing.addresses import absolute_url, site_host

from . import dates
from .anniversaries import Anniversary, coming_anniversaries
from .counts import published_tag
from .date_labels import day_of_year, event_date, year_label
from .models import CHRONOLOGICAL, Article, Author, TaggedArticle

FEED_LENGTH = 20
# Enough for any day of the year; a bound all the same.
ON_THIS_DAY_LENGTH = 50
# The on-this-day feed keeps a week, for readers who poll once a day or less.
FEED_DAYS = 7


class FullContentRss(Rss201rev2Feed):
    """RSS with the whole article in <content:encoded>, the summary in <description>."""

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
            "xml:base": absolute_url("/"),
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content:encoded", item["content"])


class FullContentAtom(Atom1Feed):
    """Atom with the whole article in <content>, the summary in <summary>."""

    def root_attributes(self):
        return {**super().root_attributes(), "xml:base": absolute_url("/")}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content", item["content"], {"type": "html"})


def tag_uri(article, *specific):
    """A feed item ID that outlives changes of slug and title: a tag URI (RFC 4151)
    from the site's host and the day the article was created, such as
    "tag:example.com,2026-05-01:articles/42"."""
    return ":".join(
        [
            f"tag:{site_host()},{article.created_at.date().isoformat()}",
            "/".join(["articles", str(article.pk), *specific]),
        ]
    )


def tag_names():
    """The articles' tags, in order, through the tagging rows: taggit's own prefetch of
    "tags" builds a queryset for every article, which costs more than the feed's query."""
    return Prefetch(
        "taggedarticle_set",
        queryset=TaggedArticle.objects.select_related("tag").order_by("tag__name"),
    )


class ArticleFeed(Feed):
    """The latest published articles; the other feeds change what they select."""

    feed_type = FullContentRss
    url_name = "articles:latest_feed"
    description = gettext_lazy("The latest articles, in full.")
    subtitle = description  # Atom's name for it

    def title(self):
        return settings.SITE_NAME

    def link(self):
        return absolute_url(reverse("articles:home"))

    def feed_url(self, obj):
        return absolute_url(reverse(self.url_name, args=[obj.slug] if obj else []))

    def feed_guid(self, obj):
        # Atom's feed ID must never change; the default, the page linked to, would (the
        # on-this-day feed links to today's page).
        return self.feed_url(obj)

    def items(self):
        return self.published()[:FEED_LENGTH]

    def published(self):
        return self.published_untagged().prefetch_related(tag_names())

    def published_untagged(self):
        return Article.objects.published().select_related("author").defer("body", "search_vector")

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        """The event date and the dek: the summary a reader skims."""
        return format_html(
            "<p><strong>{}</strong></p>{}",
            event_date(article),
            format_html("<p>{}</p>", article.dek) if article.dek else "",
        )

    def item_extra_kwargs(self, article):
        return {"content": self.content(article, self.item_description(article))}

    def content(self, article, summary):
        """The whole article: ``summary``, the picture and the body."""
        picture = ""
        if article.picture:
            picture = format_html(
                '<p><img src="{}" alt="{}"></p>',
                absolute_url(article.picture.url),
                article.picture_alt,
            )
        # body_html was sanitised against an allow-list when the article was saved.
        return format_html("{}{}{}", summary, picture, mark_safe(article.body_html))

    def item_link(self, article):
        return absolute_url(article.get_absolute_url())

    def item_guid(self, article):
        return tag_uri(article)

    item_guid_is_permalink = False

    def item_pubdate(self, article):
        return article.publish_at

    def item_updateddate(self, article):
        return article.updated_at

    def item_author_name(self, article):
        return article.author.display_name

    def item_author_link(self, article):
        return absolute_url(article.author.get_absolute_url())

    def item_categories(self, article):
        return [tagging.tag.name for tagging in article.taggedarticle_set.all()]

    def item_enclosures(self, article):
        """The article's picture, as a feed reader can show it beside the item."""
        if not article.picture:
            return []
        mime_type, _encoding = mimetypes.guess_type(article.picture.name)
        if not mime_type:
            return []
        try:
            length = article.picture.size
        except OSError:  # a missing file: RSS allows 0 for "unknown"
            length = 0
        return [Enclosure(absolute_url(article.picture.url), str(length), mime_type)]


class ArticleAtomFeed(ArticleFeed):
    feed_type = FullContentAtom
    url_name = "articles:latest_atom"


class TagFeed(ArticleFeed):
    url_name = "articles:tag_feed"

    def get_object(self, request, slug):
        tag = published_tag(slug)
        if tag is None:
            raise Http404(_("No tag “%(slug)s”.") % {"slug": slug})
        return tag

    def title(self, tag):
        return _("%(tag)s — %(site)s") % {"tag": tag.name, "site": settings.SITE_NAME}

    def description(self, tag):
        return _("The latest articles tagged “%(tag)s”.") % {"tag": tag.name}

    subtitle = description

    def link(self, tag):
        return absolute_url(reverse("articles:tag", args=[tag.slug]))

    def items(self, tag):
        return self.published().filter(tags__pk=tag.pk)[:FEED_LENGTH]


class TagAtomFeed(TagFeed):
    feed_type = FullContentAtom
    url_name = "articles:tag_atom"


class AuthorFeed(ArticleFeed):
    url_name = "articles:author_feed"

    def get_object(self, request, slug):
        return get_object_or_404(Author, slug=slug)

    def title(self, author):
        return _("%(author)s — %(site)s") % {
            "author": author.display_name,
            "site": settings.SITE_NAME,
        }

    def description(self, author):
        return _("The latest articles by %(author)s.") % {"author": author.display_name}

    subtitle = description

    def link(self, author):
        return absolute_url(author.get_absolute_url())

    def items(self, author):
        return self.published().filter(author=author)[:FEED_LENGTH]


class AuthorAtomFeed(AuthorFeed):
    feed_type = FullContentAtom
    url_name = "articles:author_atom"


@dataclass(frozen=True)
class OnThisDayItem:
    """An item of the on-this-day feed: an anniversary kept on ``day`` or, on a day
    that had none, announced that day as coming up."""

    anniversary: Anniversary
    day: datetime.date
    coming: bool = False

    @property
    def article(self):
        return self.anniversary.article


class OnThisDayFeed(ArticleFeed):
    """The anniversaries of the last FEED_DAYS days, today being the date in the site's
    time zone, so that a reader who polls once a day misses none. A day without any
    has the coming ones instead, as Today in History does. Each item is one
    anniversary, dated its day: a new item every year."""

    url_name = "articles:on_this_day_feed"
    description = gettext_lazy(
        "What happened on this day in history, every day; on a day without "
        "anniversaries, the ones coming up."
    )
    subtitle = description

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        # The items change at midnight: a cache may keep the feed until then, no longer.
        now = timezone.localtime()
        tomorrow = datetime.datetime.combine(
            now.date() + datetime.timedelta(days=1), datetime.time()
        )
        until_midnight = timezone.make_aware(tomorrow) - timezone.now()
        patch_cache_control(
            response, public=True, max_age=max(int(until_midnight.total_seconds()), 0)
        )
        return response

    def get_object(self, request):
        return timezone.localdate()

    def title(self, today):
        return _("On this day — %(site)s") % {"site": settings.SITE_NAME}

    def link(self, today):
        return absolute_url(reverse("articles:day", kwargs={"day": (today.month, today.day)}))

    def feed_url(self, today):
        return absolute_url(reverse(self.url_name))

    def items(self, today):
        """The last FEED_DAYS days' items, the newest day first, each day's oldest
        event first. A coming anniversary is announced once, on the first day that
        had none, and left out once its own day has come."""
        days = [today - datetime.timedelta(days=back) for back in range(FEED_DAYS - 1, -1, -1)]
        kept_on = {day: set(dates.anniversary_days(day)) for day in days}
        on_any_day = Q()
        for month, day in set().union(*kept_on.values()):
            on_any_day |= Q(event_month=month, event_day=day)
        articles = list(
            self.published()
            .with_anniversary()
            .filter(on_any_day)
            .order_by(*CHRONOLOGICAL)[: FEED_DAYS * ON_THIS_DAY_LENGTH]
        )
        items, announced = [], set()
        for day in days:
            todays = [
                article
                for article in articles
                if (article.event_month, article.event_day) in kept_on[day]
                and article.event_year < day.year  # an event still to come has none
            ][:ON_THIS_DAY_LENGTH]
            if todays:
                items += [OnThisDayItem(Anniversary(article, day), day) for article in todays]
                continue
            coming, _within_week = coming_anniversaries(
                self.published_untagged(), day, settings.TODAY_IN_HISTORY_LIMIT
            )
            for anniversary in coming:
                key = (anniversary.article.pk, anniversary.on)
                if anniversary.on > today and key not in announced:
                    announced.add(key)
                    items.append(OnThisDayItem(anniversary, day, coming=True))
        # The coming ones' tags, in one query for them all.
        prefetch_related_objects([item.article for item in items if item.coming], tag_names())
        items.sort(key=lambda item: item.day, reverse=True)  # stable: events stay in order
        return items

    def item_title(self, item):
        title = _("%(year)s: %(title)s") % {
            "year": year_label(item.article.event_year),
            "title": item.article.title,
        }
        if item.coming:
            return _("Coming up on %(day)s — %(title)s") % {
                "day": day_of_year(item.anniversary.day_of_year),
                "title": title,
            }
        return title

    def item_description(self, item):
        anniversary, article = item.anniversary, item.article
        coming = ""
        if item.coming:
            days = (anniversary.on - item.day).days
            coming = format_html(
                "<p><em>{}</em></p>",
                ngettext(
                    "No anniversaries on %(day)s. Coming up tomorrow, %(on)s:",
                    "No anniversaries on %(day)s. Coming up in %(count)d days, on %(on)s:",
                    days,
                )
                % {
                    "day": day_of_year((item.day.month, item.day.day)),
                    "on": day_of_year(anniversary.day_of_year),
                    "count": days,
                },
            )
        return format_html(
            "{}<p><strong>{}</strong> — {}</p>{}",
            coming,
            event_date(article),
            _("%(ordinal)s anniversary") % {"ordinal": dates.ordinal(anniversary.number)},
            format_html("<p>{}</p>", article.dek) if article.dek else "",
        )

    def item_extra_kwargs(self, item):
        return {"content": self.content(item.article, self.item_description(item))}

    def item_guid(self, item):
        kind = "coming-up" if item.coming else "on-this-day"
        return tag_uri(item.article, kind, item.anniversary.on.isoformat())

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.day, datetime.time()))

    item_updateddate = item_pubdate

    def item_link(self, item):
        return super().item_link(item.article)

    def item_author_name(self, item):
        return super().item_author_name(item.article)

    def item_author_link(self, item):
        return super().item_author_link(item.article)

    def item_categories(self, item):
        return super().item_categories(item.article)

    def item_enclosures(self, item):
        return super().item_enclosures(item.article)


class OnThisDayAtomFeed(OnThisDayFeed):
    feed_type = FullContentAtom
    url_name = "articles:on_this_day_atom"
