"""The share card views: an article's card, its preview and the site's card."""

from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import never_cache

from articles.models import Article

from . import cards

ONE_HOUR, ONE_YEAR = 60 * 60, 365 * 24 * 60 * 60


def card_response(request, card):
    with default_storage.open(cards.stored(card), "rb") as file:
        response = HttpResponse(file.read(), content_type="image/jpeg")
    # The page links to the card with its version (?v=): that URL's bytes never change.
    if request.GET.get("v") == card.version:
        patch_cache_control(response, public=True, max_age=ONE_YEAR, immutable=True)
    else:
        patch_cache_control(response, public=True, max_age=ONE_HOUR)
    return response


def article_card_view(request, slug):
    """/articles/<slug>/card.jpg: the article's share card. Not found for drafts."""
    article = get_object_or_404(Article.objects.published(), slug=slug)
    return card_response(request, cards.article_card(article))


@never_cache
def article_card_preview_view(request, slug):
    """/articles/<slug>/preview/card.jpg: the card the article will have, for the
    preview of a draft or scheduled article. Drawn afresh, never stored nor cached."""
    article = get_object_or_404(Article.objects.editable_by(request.user), slug=slug)
    return HttpResponse(cards.draw(cards.article_card(article)), content_type="image/jpeg")


def site_card_view(request):
    """/share/site.jpg: the card of every page that is not an article."""
    return card_response(request, cards.site_card())
