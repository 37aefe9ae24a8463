"""The share card views: an article's card, its preview and the site's card."""

import datetime

from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import never_cache

from articles.models import Article

from . import cards

ONE_HOUR, ONE_YEAR = 60 * 60, 365 * 24 * 60 * 60


def card_response(request, card, keep=()):
    with default_storage.open(cards.stored(card, keep), "rb") as file:
        response = HttpResponse(file.read(), content_type="image/jpeg")
    # The page links to the card with its version (?v=): that URL's bytes never change.
    if request.GET.get("v") == card.version:
        patch_cache_control(response, public=True, max_age=ONE_YEAR, immutable=True)
    else:
        patch_cache_control(response, public=True, max_age=ONE_HOUR)
    return response


def article_card_view(request, slug):
    """/articles/<slug>/card.jpg: the article's share card as shared today. Not found
    for drafts.

    A page embeds the card of its day (?v= names it) and is kept until midnight, so a
    network may fetch that card just after: the version of yesterday's card is still
    served as itself, and both are kept in storage.
    """
    article = get_object_or_404(Article.objects.published(), slug=slug)
    today = timezone.localdate()
    recent = [cards.article_card(article, today - datetime.timedelta(days=n)) for n in (0, 1)]
    asked = request.GET.get("v")
    card = next((card for card in recent if card.version == asked), recent[0])
    return card_response(request, card, keep=recent)


@never_cache
def article_card_preview_view(request, slug):
    """/articles/<slug>/preview/card.jpg: the card the article will have, for the
    preview of a draft or scheduled article: a scheduled article's as shared on the day
    it appears, any other's as shared today. Drawn afresh, never stored nor cached."""
    article = get_object_or_404(Article.objects.editable_by(request.user), slug=slug)
    on = timezone.localdate()
    if article.publish_at and article.status == Article.Status.PUBLISHED:
        on = max(on, timezone.localdate(article.publish_at))
    return HttpResponse(cards.draw(cards.article_card(article, on)), content_type="image/jpeg")


def site_card_view(request):
    """/share/site.jpg: the card of every page that is not an article."""
    return card_response(request, cards.site_card())
