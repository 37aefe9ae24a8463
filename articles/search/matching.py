"""What searching shares on either database: a tag condition, the articles of the
event date a query names, which articles match, and the order of the results."""

from __future__ import annotations

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, Value

from ..models import TaggedArticle
from .query import EventDate


def tagged(**tag_lookup) -> Exists:
    """Articles with a tag matching ``tag_lookup``, e.g. ``tagged(tag__slug="russia")``."""
    return Exists(TaggedArticle.objects.filter(content_object=OuterRef("pk"), **tag_lookup))


def date_condition(date: EventDate) -> Q:
    """Articles about the event date a query names, to the precision it names."""
    condition = Q()
    for part in ("year", "month", "day"):
        if getattr(date, part) is not None:
            condition &= Q(**{f"event_{part}": getattr(date, part)})
    return condition


def match_condition(date: EventDate | None, whole_query: Q, other_words: Q | None) -> tuple[Q, Q]:
    """Which articles match: those matching the whole query, or those about the date
    it names that match its other words (or, when it has none, all of them). And the
    condition of that date alone, ``Q()`` when the query names none."""
    if date is None:
        return whole_query, Q()
    on_date = date_condition(date)
    return whole_query | (on_date & other_words if other_words is not None else on_date), on_date


def ordered(matches, on_date: Q, rank):
    """The events of the query's date first, then by ``rank``, then the newest."""
    date_match = ExpressionWrapper(on_date, output_field=BooleanField())
    if on_date == Q():
        date_match = Value(False)
    return matches.annotate(date_match=date_match, rank=rank).order_by(
        "-date_match", "-rank", "-publish_at", "-id"
    )
