"""The embeddable Today in History: a small page for other sites' <iframe>s, and the
page that gives the snippet to copy.

The widget may be framed by any site (its own Content-Security-Policy says
frame-ancestors *, and it sends no X-Frame-Options); every other page of the site
keeps frame-ancestors 'none' and X-Frame-Options: DENY. It runs no script and sets no
cookie, and its links open the article in a new tab, outside the frame.
"""

from dataclasses import dataclass

from csp.constants import SELF
from csp.decorators import csp_replace, csp_update
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.clickjacking import xframe_options_exempt

from articles.anniversaries import today_in_history
from sharing.addresses import absolute_url, with_query

THEMES = ("light", "dark")


@dataclass(frozen=True)
class Size:
    name: str
    width: int  # of the iframe, in CSS pixels
    height: int
    limit: int  # anniversaries shown
    deks: bool  # with each article's summary


SIZES = {
    size.name: size
    for size in (
        Size("small", 300, 360, 3, deks=False),
        Size("medium", 400, 480, 5, deks=False),
        Size("large", 600, 760, 6, deks=True),
    )
}
DEFAULT_THEME, DEFAULT_SIZE = "light", "medium"


def choice_problem(request):
    """What is wrong with the widget's query parameters, as a sentence, or None."""
    theme = request.GET.get("theme", DEFAULT_THEME)
    size = request.GET.get("size", DEFAULT_SIZE)
    if theme not in THEMES:
        return f"The theme “{theme[:40]}” does not exist: use theme=light or theme=dark."
    if size not in SIZES:
        return f"The size “{size[:40]}” does not exist: use size=small, medium or large."
    return None


@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"]})
def widget(request):
    """/embed/today/?theme=light|dark&size=small|medium|large"""
    problem = choice_problem(request)
    if problem is not None:
        context = {"problem": problem, "theme": DEFAULT_THEME, "size": SIZES[DEFAULT_SIZE]}
        return render(request, "opendata/widget.html", context, status=400)
    size = SIZES[request.GET.get("size", DEFAULT_SIZE)]
    today = timezone.localdate()
    context = {
        # Read when the page's fragment is rendered, once per change.
        "widget": SimpleLazyObject(lambda: today_in_history(today, size.limit)),
        "theme": request.GET.get("theme", DEFAULT_THEME),
        "size": size,
    }
    return render(request, "opendata/widget.html", context)


def snippet(theme, size):
    """The <iframe> element another site pastes, for one theme and size."""
    src = with_query(absolute_url(reverse("opendata:widget")), theme=theme, size=size.name)
    return (
        f'<iframe src="{src}" width="{size.width}" height="{size.height}" '
        f'title="Today in History" loading="lazy" style="border:0"></iframe>'
    )


@csp_update({"frame-src": [SELF]})  # the live example frames the widget
def embed_page(request):
    """/embed/: the snippets to copy, and a live example."""
    snippets = [
        {"theme": theme, "size": size, "code": snippet(theme, size)}
        for size in SIZES.values()
        for theme in THEMES
    ]
    return render(
        request,
        "opendata/embed.html",
        {
            "snippets": snippets,
            "example": with_query(reverse("opendata:widget"), theme="light", size="medium"),
            "example_size": SIZES["medium"],
        },
    )
