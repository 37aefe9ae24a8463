"""Articles, tags, authors and anniversaries as the API's JSON objects (their shapes
are described in opendata/shapes.py). Every address in them is absolute."""

from django.urls import reverse

from articles import date_labels, dates
from sharing.addresses import absolute_url, with_query


def event_date(article):
    """The event's date as the site models it: the astronomical year (1 BC is 0, 44 BC
    is -43) with the year as written and its era, the known parts, the precision, the
    circa flag, the Old Style (Julian) date when the author shows it, and the label
    readers see."""
    event = article.event_date
    old_style = article.old_style_date
    return {
        "year": event.year,
        "year_as_written": event.displayed_year,
        "era": event.era.value,
        "month": event.month,
        "day": event.day,
        "precision": event.precision.value,
        "approximate": event.approximate,
        "old_style": article.event_old_style,
        "old_style_date": None
        if old_style is None
        else dict(zip(("year", "month", "day"), old_style, strict=True)),
        "iso": dates.iso_format(event),
        "label": date_labels.event_date(article),
    }


def tag_reference(tag):
    return {
        "slug": tag.slug,
        "name": tag.name,
        "url": absolute_url(reverse("articles:tag", args=[tag.slug])),
    }


def author_reference(author):
    return {
        "slug": author.slug,
        "name": author.display_name,
        "url": absolute_url(author.get_absolute_url()),
    }


def article_summary(article):
    """An article as lists show it: everything but the body. Its tags must have been
    prefetched (a tag without an address, made by a script, is left out)."""
    return {
        "slug": article.slug,
        "title": article.title,
        "dek": article.dek,
        "date": event_date(article),
        "author": author_reference(article.author),
        "tags": [tag_reference(tag) for tag in article.tags.all() if tag.slug],
        "published_at": article.publish_at.isoformat(),
        "updated_at": article.updated_at.isoformat(),
        "url": absolute_url(article.get_absolute_url()),
        "api_url": absolute_url(reverse("opendata:article", args=[article.slug])),
    }


def article_detail(article):
    """An article with its body, as the sanitised HTML its page shows, and its picture."""
    return {
        **article_summary(article),
        "body_html": article.body_html,
        "picture": picture(article),
    }


def picture(article):
    if not article.picture:
        return None
    return {
        "url": absolute_url(article.picture.url),
        "width": article.picture_width,
        "height": article.picture_height,
        "alt": article.picture_alt_text,
        "caption": article.picture_caption,
        "credit": article.picture_credit,
    }


def anniversary(kept):
    """An articles.anniversaries.Anniversary: the article, the date it is remembered
    on and which anniversary that is."""
    return {
        "on": kept.on.isoformat(),
        "number": kept.number,
        "is_round": kept.is_round,
        "leap_day_kept_early": kept.is_leap_day_kept_early,
        "article": article_summary(kept.article),
    }


def tag(counted):
    """An articles.counts.TagCount."""
    return {
        **tag_reference(counted),
        "article_count": counted.article_count,
        "brief_count": counted.brief_count,
        "articles": with_query(absolute_url(reverse("opendata:articles")), tag=counted.slug),
        "calendar": absolute_url(reverse("opendata:tag_calendar", args=[counted.slug])),
    }


def author(counted):
    """An author from articles.counts.author_counts()."""
    return {
        **author_reference(counted),
        "bio": counted.bio,
        "article_count": counted.article_count,
        "articles": with_query(absolute_url(reverse("opendata:articles")), author=counted.slug),
    }


def brief(found):
    article = found.public_article
    return {
        "id": found.pk,
        "kind": found.kind,
        "date": event_date(found),
        "text_html": found.text_html,
        "url": absolute_url(found.get_absolute_url()),
        "source_url": found.source_url or None,
        "article": None
        if article is None
        else {
            "slug": article.slug,
            "title": article.title,
            "url": absolute_url(article.get_absolute_url()),
        },
    }
