"""RSS 2.0 and Atom feeds of the latest articles, on the whole site, per tag and per author;
the full-content feed classes every feed of the site uses.

Every URL in a feed is absolute on SITE_URL (django.contrib.syndication leaves absolute
URLs alone, so the request's Host is never used). Items carry the full article.
"""

import mimetypes
import sys

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pagecache.fragments import fragment
from sharing.addresses import absolute_url, site_host

from ..counts import published_tag
from ..date_labels import event_date
from ..models import Article, Author, TaggedArticle

FEED_LENGTH = 20


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

    def __call__(self, request, *args, **kwargs):
        """The feed, written once per change (a fragment): it is the same for everyone."""
        content, content_type, last_modified = fragment(
            "feed",
            (request.path,),
            lambda: self.written(request, *args, **kwargs),
            size=lambda written: sys.getsizeof(written[0]),
        )
        response = HttpResponse(content, content_type=content_type)
        response.headers["Last-Modified"] = last_modified
        return response

    def written(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        return response.content, response["Content-Type"], response["Last-Modified"]

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
