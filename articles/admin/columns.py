"""The columns of the article list, and the picture preview of its form."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ..date_labels import event_date


class ArticleColumnsMixin:
    """For the article admin, with PictureAdmin's ``preview``."""

    def view_on_site(self, article):
        # Only a public article has a page; the others have "Preview" instead.
        return article.get_absolute_url() if article.is_public else None

    @admin.display(description=_("event date"), ordering="event_year")
    def event_date_display(self, article):
        return event_date(article)

    @admin.display(description=_("status"), ordering="status")
    def state_display(self, article):
        return article.state

    @admin.display(description=_("on the site"))
    def on_site(self, article):
        if article.is_public:
            return format_html('<a href="{}">{}</a>', article.get_absolute_url(), _("View"))
        url = reverse("articles:preview", args=[article.slug])
        return format_html('<a href="{}">{}</a>', url, _("Preview"))

    @admin.display(description=_("picture"))
    def thumbnail(self, article):
        return self.preview(article, width=64, height=48)

    @admin.display(description=_("preview"))
    def picture_preview(self, article):
        return self.preview(article, width=240)
