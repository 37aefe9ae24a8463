"""Briefs in the on-this-day feed (articles.feeds.on_this_day): the briefs of the
feed's days, each an item of its day linking to its anchor on the day page."""

import datetime
import html
from dataclasses import dataclass

from django.db.models import Q
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from articles import dates
from articles.date_labels import event_date, year_label
from sharing.addresses import absolute_url, site_host

from .models import Brief
from .queries import listed

# Briefs a day brings to the feed at most (the oldest events first): the feed is a
# daily reminder, the day page has them all.
BRIEFS_PER_DAY = 10


@dataclass(frozen=True)
class BriefItem:
    brief: Brief
    day: datetime.date

    def title(self):
        text = html.unescape(strip_tags(self.brief.text_html))
        return _("%(year)s: %(text)s") % {"year": year_label(self.brief.event_year), "text": text}

    def description(self):
        brief = self.brief
        article = brief.public_article
        return format_html(
            "<p><strong>{}</strong> — {}</p>{}",
            event_date(brief),
            mark_safe(brief.text_html),  # sanitised when saved (briefs.text)
            format_html(
                '<p><a href="{}">{}</a></p>',
                absolute_url(article.get_absolute_url()),
                article.title,
            )
            if article
            else "",
        )

    def link(self):
        return absolute_url(self.brief.get_absolute_url())

    def guid(self):
        created = self.brief.created_at.date().isoformat()
        return f"tag:{site_host()},{created}:briefs/{self.brief.pk}/{self.day.isoformat()}"


def brief_items(days):
    """The briefs kept on each of ``days`` (oldest events first, BRIEFS_PER_DAY a day at
    most), as BriefItems, in one query."""
    kept_on = {day: set(dates.anniversary_days(day)) for day in days}
    on_any_day = Q()
    for month, day in set().union(*kept_on.values()):
        on_any_day |= Q(event_month=month, event_day=day)
    briefs = list(
        listed(Brief.objects.published().with_anniversary().filter(on_any_day))[
            : len(days) * BRIEFS_PER_DAY * 5
        ]
    )
    items = []
    for day in days:
        todays = [
            brief
            for brief in briefs
            if (brief.event_month, brief.event_day) in kept_on[day] and brief.event_year < day.year
        ]
        items += [BriefItem(brief, day) for brief in todays[:BRIEFS_PER_DAY]]
    return items
