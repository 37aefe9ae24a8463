"""RSS 2.0 and Atom feeds: the latest articles, per tag, per author, and on this day.

Every URL in a feed is absolute on SITE_URL (django.contrib.syndication leaves absolute
URLs alone, so the request's Host is never used). Items carry the full article.
"""

import datetime
import mimetypes

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sharing.addresses import absolute_url, site_host

from . import dates
from .anniversaries import Anniversary
from .counts import published_tag
from .date_labels import event_date, year_label
from .models import Article, Author, TaggedArticle

FEED_LENGTH = 20
# Enough for any day of the year; a bound all the same.
ON_THIS_DAY_LENGTH = 50


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
        return (
            Article.objects.published()
            .select_related("author")
            .defer("body", "search_vector")
            # Through the tagging rows: taggit's own prefetch of "tags" builds a queryset
            # for every article, which costs more than the feed's query.
            .prefetch_related(
                Prefetch(
                    "taggedarticle_set",
                    queryset=TaggedArticle.objects.select_related("tag").order_by("tag__name"),
                )
            )
        )

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


class OnThisDayFeed(ArticleFeed):
    """Today's anniversaries, today being the date in the site's time zone. Each item
    is one year's anniversary: a new item every year, dated today."""

    url_name = "articles:on_this_day_feed"
    description = gettext_lazy("What happened on this day in history, every day.")
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
        articles = self.published().on_this_day(today)[:ON_THIS_DAY_LENGTH]
        return [Anniversary(article, today) for article in articles]

    def item_title(self, anniversary):
        year = year_label(anniversary.article.event_year)
        return _("%(year)s: %(title)s") % {"year": year, "title": anniversary.article.title}

    def item_description(self, anniversary):
        article = anniversary.article
        return format_html(
            "<p><strong>{}</strong> — {}</p>{}",
            event_date(article),
            _("%(ordinal)s anniversary") % {"ordinal": dates.ordinal(anniversary.number)},
            format_html("<p>{}</p>", article.dek) if article.dek else "",
        )

    def item_extra_kwargs(self, anniversary):
        return {"content": self.content(anniversary.article, self.item_description(anniversary))}

    def item_guid(self, anniversary):
        return tag_uri(anniversary.article, "on-this-day", anniversary.on.isoformat())

    def item_pubdate(self, anniversary):
        return timezone.make_aware(datetime.datetime.combine(anniversary.on, datetime.time()))

    item_updateddate = item_pubdate

    def item_link(self, anniversary):
        return super().item_link(anniversary.article)

    def item_author_name(self, anniversary):
        return super().item_author_name(anniversary.article)

    def item_author_link(self, anniversary):
        return super().item_author_link(anniversary.article)

    def item_categories(self, anniversary):
        return super().item_categories(anniversary.article)

    def item_enclosures(self, anniversary):
        return super().item_enclosures(anniversary.article)


class OnThisDayAtomFeed(OnThisDayFeed):
    feed_type = FullContentAtom
    url_name = "articles:on_this_day_atom"
