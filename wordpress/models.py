"""What an import remembers: which WordPress post became which article (so a second
run updates it instead of adding another), and the old addresses that lead to it."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.models import Article


class ImportedPost(models.Model):
    """A WordPress post and the article it became, keyed on the post's GUID."""

    guid = models.CharField(_("WordPress GUID"), max_length=500, unique=True)
    post_id = models.PositiveBigIntegerField(_("WordPress post ID"))
    site = models.CharField(max_length=300, blank=True, help_text=_("wp:base_site_url"))
    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, related_name="wordpress_post"
    )
    # The values last imported (title, dek, body, date, status, tags, picture): a field
    # that still holds its imported value follows WordPress on the next run; a field an
    # editor changed here keeps the editor's value.
    imported = models.JSONField(default=dict)
    needs_event_date = models.BooleanField(
        default=False,
        help_text=_("No event date was found: the article was imported as a draft."),
    )
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("imported WordPress post")
        ordering = ["post_id"]

    def __str__(self):
        return f"WordPress post {self.post_id}"


class OldAddress(models.Model):
    """A path the WordPress site served an article at: /2020/08/20/slug/, /?p=12."""

    path = models.CharField(max_length=500, unique=True)
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="old_addresses")

    class Meta:
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")
        ordering = ["path"]

    def __str__(self):
        return self.path
