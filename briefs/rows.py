"""One brief as an editor types it on a row (of a CSV file or of the admin's bulk add):
the date as written ("20 August 1940", "March 15, 44 BC", "1940-08-20"), the kind, the
text, tags, a source and an article's slug. ``read_row`` checks it by the rules every
brief follows and returns the brief unsaved, or raises ValidationError saying what is
wrong; ``write_briefs`` saves checked rows all at once."""

from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from taggit.models import Tag
from taggit.utils import parse_tags

import pagecache
from articles.models import Article
from historyblog.settle import settle as settle_tables
from wordpress.event_dates import parse_field

from .models import Brief, TaggedBrief

COLUMNS = ("date", "kind", "text", "tags", "source", "article")
REQUIRED_COLUMNS = ("date", "kind", "text")


class Checked(NamedTuple):
    brief: Brief
    tags: list


def natural_key(brief):
    """What makes two briefs the same one: their event date, kind and text (case and
    spacing aside). A row whose brief is already there is left alone, so an import
    can be run again."""
    return (
        brief.event_year,
        brief.event_month,
        brief.event_day,
        brief.kind,
        " ".join(brief.text.split()).casefold(),
    )


def read_kind(written):
    written = written.strip().casefold()
    for kind in Brief.Kind:
        if written in (kind.value, str(kind.label).casefold()):
            return kind
    raise ValidationError(
        {
            "kind": _("“%(kind)s” is no kind of brief: write event, birth or death.")
            % {"kind": written}
        }
    )


def read_row(row, articles, status):
    """The brief a row describes (``row``: a dict of COLUMNS), unsaved, with its tags;
    ``articles`` maps the slugs rows may name to their articles. Raises
    ValidationError with a message per field."""
    errors = {}
    brief = Brief(status=status, text=(row.get("text") or "").strip())
    written = (row.get("date") or "").strip()
    event = parse_field(written) if written else None
    if event is None:
        errors["date"] = (
            _(
                "“%(date)s” is not a date that exists: write it as “20 August 1940”, "
                "“March 15, 44 BC” or “1940-08-20”."
            )
            % {"date": written}
            if written
            else _("Give the date of the event.")
        )
    else:
        brief.event_year, brief.event_month, brief.event_day = event.year, event.month, event.day
    try:
        brief.kind = read_kind(row.get("kind") or "")
    except ValidationError as error:
        errors.update(error.message_dict)
    brief.source_url = (row.get("source") or "").strip()
    slug = (row.get("article") or "").strip()
    if slug:
        brief.article = articles.get(slug)
        if brief.article is None:
            errors["article"] = _("No article has the address “%(slug)s”.") % {"slug": slug}
    try:
        brief.full_clean(exclude=["article", "event_year", *errors])
    except ValidationError as error:
        errors.update(
            {field: " ".join(messages) for field, messages in error.message_dict.items()}
        )
    if errors:
        raise ValidationError(errors)
    return Checked(brief, parse_tags(row.get("tags") or ""))


def articles_named(rows):
    """The articles the rows name by slug, in one query."""
    slugs = {(row.get("article") or "").strip() for row in rows} - {""}
    return {article.slug: article for article in Article.objects.filter(slug__in=slugs)}


def existing_keys(checked):
    """The natural keys of the briefs already saved on the rows' dates (one query)."""
    years = {item.brief.event_year for item in checked}
    fields = ("event_year", "event_month", "event_day", "kind", "text")
    return {
        (year, month, day, kind, " ".join(text.split()).casefold())
        for year, month, day, kind, text in Brief.objects.filter(event_year__in=years)
        .order_by()
        .values_list(*fields)
        .iterator(chunk_size=5000)
    }


def new_briefs(checked):
    """The checked rows whose briefs are not saved yet (nor repeated in the rows)."""
    seen = existing_keys(checked)
    fresh = []
    for item in checked:
        key = natural_key(item.brief)
        if key not in seen:
            seen.add(key)
            fresh.append(item)
    return fresh


@transaction.atomic
def write_briefs(checked):
    """Saves the briefs with their tags, in a few queries whatever their number; every
    cached page is dropped once (bulk inserts send no signals)."""
    for item in checked:
        item.brief.prepare_for_save()
    briefs = Brief.objects.bulk_create([item.brief for item in checked], batch_size=1000)
    if briefs:
        pks = [brief.pk for brief in briefs]
        Brief.objects.filter(pk__range=(min(pks), max(pks))).update_search_vectors()
    names = {name for item in checked for name in item.tags}
    tags = {tag.name: tag for tag in Tag.objects.filter(name__in=names)}
    for name in sorted(names - tags.keys()):
        tags[name] = Tag.objects.create(name=name)
    TaggedBrief.objects.bulk_create(
        [
            TaggedBrief(content_object=brief, tag=tags[name])
            for brief, item in zip(briefs, checked, strict=True)
            for name in item.tags
        ],
        batch_size=1000,
    )
    pagecache.invalidate()
    return briefs


def settle():
    """Settle the briefs' tables after a large import (historyblog.settle)."""
    settle_tables(Brief, Tag)
