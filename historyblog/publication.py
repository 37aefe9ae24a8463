"""When the site's pages change next without a save: the earliest publish time among
scheduled articles and briefs (settings.PAGE_CACHE_NEXT_CHANGE)."""

import articles.models
from briefs.models import Brief


def next_publication_time():
    """The earliest time a scheduled article or brief becomes public, or None."""
    times = [
        articles.models.next_publication_time(),
        Brief.objects.next_publication_time(),
    ]
    return min((time for time in times if time is not None), default=None)
