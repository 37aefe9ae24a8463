"""Old WordPress addresses answer 301 to the article they became.

``/?p=12`` is the home page's path with a query the home page ignores, so it is looked
up before the view; any other old path only when nothing else answered it (a 404), as
django.contrib.redirects does. The page cache stores only 200s, and an import (or any
change to an old address) drops cached pages (settings.PAGE_CACHE_MODELS), so a home
page cached for ``/?p=12`` before the import never hides the redirect.
"""

from django.http import HttpResponsePermanentRedirect

from articles.models import published_q

from .models import OldAddress


def post_id_path(request):
    """The path "/?p=12" for a request to the home page with a post ID, else None."""
    post_id = request.GET.get("p", "")
    if request.path == "/" and post_id.isdigit() and len(post_id) < 20:
        return f"/?p={int(post_id)}"
    return None


def article_at(paths):
    """The public article one of ``paths`` used to lead to, or None."""
    old = (
        OldAddress.objects.filter(path__in=paths)
        .filter(published_q("article__"))
        .select_related("article")
        .first()
    )
    return old.article if old else None


class OldAddressMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD"):
            path = post_id_path(request)
            article = article_at([path]) if path else None
            if article is not None:
                return HttpResponsePermanentRedirect(article.get_absolute_url())
        response = self.get_response(request)
        if response.status_code == 404 and request.method in ("GET", "HEAD"):
            path = request.path
            variants = {path, path + "/" if not path.endswith("/") else path.rstrip("/") or "/"}
            article = article_at(list(variants))
            if article is not None:
                return HttpResponsePermanentRedirect(article.get_absolute_url())
        return response
