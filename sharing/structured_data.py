"""Structured data: an article's schema.org JSON-LD, and its safe ``<script>`` tag."""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from articles import dates

from .addresses import absolute_url
from .descriptions import article_description

# What json_script escapes: inside <script>, "</script>" or "<!--" in a title must
# stay text, so <, > and & are written as JSON \u escapes, which parsers read back.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def article_structured_data(article, tags, image_url):
    """The schema.org ``BlogPosting`` of an article, about the ``Event`` it tells of.

    A plain dict: ``json_ld_script`` serialises and escapes it.
    """
    url = absolute_url(article.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": article.title,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "datePublished": article.publish_at.isoformat(),
        "dateModified": article.updated_at.isoformat(),
        "author": {
            "@type": "Person",
            "name": article.author.display_name,
            "url": absolute_url(article.author.get_absolute_url()),
        },
        "publisher": {
            "@type": "Organization",
            "name": settings.SITE_NAME,
            "url": absolute_url(reverse("articles:home")),
        },
        "image": image_url,
        "keywords": [tag.name for tag in tags],
        "inLanguage": settings.LANGUAGE_CODE,
        "about": {
            "@type": "Event",
            "name": article.title,
            "startDate": dates.iso_format(article.event_date),
        },
    }
    data["description"] = article_description(article)
    return data


def json_ld_script(data):
    """``data`` as JSON-LD in a <script>, safe inside HTML the way ``json_script`` is."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(JSON_SCRIPT_ESCAPES)),
    )
