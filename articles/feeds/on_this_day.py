"""The on-this-day feed: the anniversaries of the last days, or, on a day without any,
the coming ones, announced as Today in History announces them."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q, prefetch_related_objects
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from briefs.feed import BriefItem, brief_items
from sharing.addresses import absolute_url

from .. import dates
from ..anniversaries import Anniversary, coming_anniversaries
from ..date_labels import day_of_year, event_date, year_label
from ..models import CHRONOLOGICAL
from .latest import ArticleFeed, FullContentAtom, tag_names, tag_uri

# Enough for any day of the year; a bound all the same.
ON_THIS_DAY_LENGTH = 50
# The on-this-day feed keeps a week, for readers who poll once a day or less.
FEED_DAYS = 7


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
        items += brief_items(days)  # after the day's articles
        items.sort(key=lambda item: item.day, reverse=True)  # stable: events stay in order
        return items

    def item_title(self, item):
        if isinstance(item, BriefItem):
            return item.title()
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
        if isinstance(item, BriefItem):
            return item.description()
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
        if isinstance(item, BriefItem):
            return {"content": item.description()}
        return {"content": self.content(item.article, self.item_description(item))}

    def item_guid(self, item):
        if isinstance(item, BriefItem):
            return item.guid()
        kind = "coming-up" if item.coming else "on-this-day"
        return tag_uri(item.article, kind, item.anniversary.on.isoformat())

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.day, datetime.time()))

    item_updateddate = item_pubdate

    def item_link(self, item):
        if isinstance(item, BriefItem):
            return item.link()
        return super().item_link(item.article)

    # A brief has no author, tags in the feed, nor picture.
    def item_author_name(self, item):
        return None if isinstance(item, BriefItem) else super().item_author_name(item.article)

    def item_author_link(self, item):
        return None if isinstance(item, BriefItem) else super().item_author_link(item.article)

    def item_categories(self, item):
        return () if isinstance(item, BriefItem) else super().item_categories(item.article)

    def item_enclosures(self, item):
        return [] if isinstance(item, BriefItem) else super().item_enclosures(item.article)


class OnThisDayAtomFeed(OnThisDayFeed):
    feed_type = FullContentAtom
    url_name = "articles:on_this_day_atom"
