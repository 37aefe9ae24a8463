from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReviewNote(models.Model):
    """An editor's comment on a draft sent back to its author: the author sees the
    latest on the article's page in the admin, and every one stays in this list."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="review_notes"
    )
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    comment = models.TextField(_("comment"), max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.comment
