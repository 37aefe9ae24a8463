from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from .. import date_labels, dates


class EditorsPick(models.Model):
    """The article an editor pinned to lead Today in History on a day of the year,
    every year, until it is unpinned."""

    event_month = models.PositiveSmallIntegerField(_("month"), choices=MONTHS.items())
    event_day = models.PositiveSmallIntegerField(_("day"))
    article = models.ForeignKey(
        "articles.Article",
        on_delete=models.CASCADE,
        related_name="picks",
        help_text=_("A published (or scheduled) article whose event happened on this day."),
    )
    pinned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    pinned_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("editor's pick")
        verbose_name_plural = _("editor's picks")
        ordering = ["event_month", "event_day"]
        constraints = [
            models.UniqueConstraint(
                fields=["event_month", "event_day"],
                name="one_pick_a_day",
                violation_error_message=_(
                    "Another article already leads on this day: unpin it first."
                ),
            )
        ]

    def __str__(self):
        return f"{self.day_label}: {self.article}"

    @property
    def day_label(self):
        return date_labels.day_of_year((self.event_month, self.event_day))

    def clean(self):
        if not dates.is_valid_day_of_year(self.event_month or 0, self.event_day or 0):
            raise ValidationError({"event_day": _("This month has no such day.")})
        taken = (
            EditorsPick.objects.filter(event_month=self.event_month, event_day=self.event_day)
            .exclude(pk=self.pk)
            .select_related("article")
            .first()
        )
        if taken is not None:
            raise ValidationError(
                _("“%(title)s” already leads on %(day)s: unpin it first.")
                % {"title": taken.article, "day": self.day_label}
            )
        if self.article_id is None:
            return
        article = self.article
        if article.status != article.Status.PUBLISHED:
            raise ValidationError(
                {
                    "article": _("“%(title)s” is a draft: publish (or schedule) it, then pin it.")
                    % {"title": article}
                }
            )
        day = (article.event_month, article.event_day)
        if article.event_day is None or article.event_approximate:
            raise ValidationError(
                {
                    "article": _("“%(title)s” has no exact day, so no anniversary to lead.")
                    % {"title": article}
                }
            )
        if (self.event_month, self.event_day) != day:
            raise ValidationError(
                {
                    "article": _(
                        "“%(title)s” happened on %(its_day)s: it can lead on that day "
                        "only, not on %(day)s."
                    )
                    % {
                        "title": article,
                        "its_day": date_labels.day_of_year(day),
                        "day": self.day_label,
                    }
                }
            )
