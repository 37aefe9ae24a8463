"""What pages ask of briefs. Every function goes through Brief.objects.published(), so
drafts and scheduled briefs stay hidden in one place."""

import datetime

from django.db.models import Count, Q, Value
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles import dates
from articles.models import CHRONOLOGICAL

from .models import Brief, TaggedBrief, briefs_published_q

# The headings of the kinds, in the order pages show them.
KIND_HEADINGS = {
    Brief.Kind.EVENT: _("Events"),
    Brief.Kind.BIRTH: _("Births"),
    Brief.Kind.DEATH: _("Deaths"),
}

# What a list of briefs reads of the article a brief links to.
_ARTICLE_FIELDS = ("article__slug", "article__title", "article__status", "article__publish_at")


def listed(briefs):
    """With the linked article's title and address (one join), oldest first."""
    return (
        briefs.select_related("article")
        .only(
            "event_year",
            "event_month",
            "event_day",
            "event_approximate",
            "event_old_style",
            "text_html",
            "kind",
            "source_url",
            "article",
            "created_at",
            *_ARTICLE_FIELDS,
        )
        .order_by(*CHRONOLOGICAL, "pk")
    )


def briefs_on_day(month, day, on=None):
    """Published briefs of a day of the year, in every year, oldest first. On February
    28 of a common year (``on``'s year, by default this year) those of February 29 are
    kept too, as Article.objects.on_this_day does."""
    if (month, day) == (2, 29):
        days = Q(event_month=2, event_day=29)
    else:
        year = (on or timezone.localdate()).year
        days = Q()
        for anniversary_month, anniversary_day in dates.anniversary_days(
            datetime.date(year, month, day)
        ):
            days |= Q(event_month=anniversary_month, event_day=anniversary_day)
    return listed(Brief.objects.published().with_anniversary().filter(days))


def briefs_by_kind(briefs):
    """[(heading, [briefs])] in the order events, births, deaths, without empty kinds."""
    groups = {kind: [] for kind in KIND_HEADINGS}
    for brief in briefs:
        groups[brief.kind].append(brief)
    return [(KIND_HEADINGS[kind], listed) for kind, listed in groups.items() if listed]


def briefs_in_years(first_year, last_year):
    """Published briefs whose (astronomical) event year is in the range, oldest first."""
    return listed(Brief.objects.published().filter(event_year__range=(first_year, last_year)))


def days_with_briefs(month):
    """The day numbers of ``month`` that have at least one published brief."""
    return set(
        Brief.objects.published()
        .with_anniversary()
        .filter(event_month=month)
        .order_by()
        .values_list("event_day", flat=True)
        .distinct()
    )


def tagged_brief_counts():
    """(tag id, name, slug, 0, published briefs) for each tag of a published brief, in
    the shape of articles.counts' article counts, to be united with them."""
    return (
        TaggedBrief.objects.filter(briefs_published_q("content_object__"))
        .exclude(tag__slug="")
        .values_list("tag_id", "tag__name", "tag__slug")
        .annotate(articles=Value(0), briefs=Count("content_object_id"))
    )


def briefs_tagged(tag_id, limit):
    """Up to ``limit`` published briefs with the tag, oldest event first."""
    tagged = TaggedBrief.objects.filter(tag_id=tag_id).values("content_object_id")
    return list(listed(Brief.objects.published().filter(pk__in=tagged))[:limit])
