"""Anniversary ideas: events worth an article, noted before anyone writes it."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.events import HistoricalEvent
from articles.models import Article, Author


class IdeaQuerySet(models.QuerySet):
    def waiting(self):
        """Ideas without a published (or scheduled) article yet: a draft may be started."""
        return self.exclude(article__status=Article.Status.PUBLISHED)


class Idea(HistoricalEvent):
    """An event to write about: its date (with an article's rules), a working title,
    notes, a source, who will write it, and the article it became."""

    title = models.CharField(max_length=200, help_text=_("A working title for the article."))
    notes = models.TextField(
        blank=True, help_text=_("Why it matters, angles, pictures to look for: for the writer.")
    )
    source_url = models.URLField(
        _("source"), max_length=500, blank=True, help_text=_("A web address to start from.")
    )
    assignee = models.ForeignKey(
        Author,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ideas",
        verbose_name=_("to be written by"),
        help_text=_("Optional. The draft is credited to this author."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
        verbose_name=_("noted by"),
    )
    article = models.OneToOneField(
        Article,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="idea",
        help_text=_("The article this idea became."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = IdeaQuerySet.as_manager()

    class Meta:
        verbose_name = _("anniversary idea")
        verbose_name_plural = _("anniversary ideas")
        ordering = ["event_month", "event_day", "event_year", "pk"]
        indexes = [
            models.Index(
                fields=["event_month", "event_day", "event_year"], name="idea_anniversary"
            )
        ]

    def __str__(self):
        return self.title

    def clean(self):
        errors = self.event_date_errors()
        if errors:
            raise ValidationError(errors)
