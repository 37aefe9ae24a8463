"""How long ago an article's event was, as a share says it on a given day: "86 years
ago today" on the anniversary, "86 years ago" on any other day."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from articles.date_labels import event_date, years_ago


def years_ago_phrase(article, on):
    """ "86 years ago today", "86 years ago", "about 576 years ago"; empty for an event
    less than a year before ``on``."""
    years = years_ago(article, on)
    if years < 1:
        return ""
    if article.is_anniversary_on(on):
        text = ngettext("%(years)d year ago today", "%(years)d years ago today", years)
    elif article.event_approximate:
        text = ngettext("about %(years)d year ago", "about %(years)d years ago", years)
    else:
        text = ngettext("%(years)d year ago", "%(years)d years ago", years)
    return text % {"years": years}


def share_text(article, on):
    """What a share says beside the link, on the day ``on``: "Trotsky Assassinated
    (August 20, 1940), 86 years ago today"."""
    phrase = years_ago_phrase(article, on)
    values = {"title": article.title, "date": event_date(article), "years_ago": phrase}
    if phrase:
        return _("%(title)s (%(date)s), %(years_ago)s") % values
    return _("%(title)s (%(date)s)") % values
