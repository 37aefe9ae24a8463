"""Briefs: one or two sentences about a dated event, birth or death, shown beside the
articles on day and year pages. A brief has no page of its own: its address is its
anchor on the day page (or, without a day, on the year page)."""

from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from articles.events import HistoricalEvent, event_date_constraints
from articles.models import Article, PublicationQuerySet, published_q
from articles.search import search_config
from articles.search.postgres import is_postgresql

from .text import render_brief_text


def briefs_published_q(path="", now=None):
    """What readers may see of briefs: the articles' rule (published, with a publish
    time that has come), which briefs share with their status values. ``path`` reaches
    briefs from another model ("content_object__")."""
    return published_q(path, now=now)


class BriefQuerySet(PublicationQuerySet):
    def update_search_vectors(self):
        """Stores the briefs' search vectors, in one UPDATE (PostgreSQL only: SQLite
        searches the text itself, see briefs.search)."""
        if is_postgresql(self):
            self.update(search_vector=SearchVector("text", config=search_config()))


class TaggedBrief(TaggedItemBase):
    """Tags through a real foreign key, as articles have them."""

    content_object = models.ForeignKey("Brief", on_delete=models.CASCADE)


class Brief(HistoricalEvent):
    Status = Article.Status

    class Kind(models.TextChoices):
        EVENT = "event", _("Event")
        BIRTH = "birth", _("Birth")
        DEATH = "death", _("Death")

    text = models.CharField(
        max_length=400,
        help_text=_(
            "One or two sentences. Markdown for *emphasis* and [links](https://…) only; "
            "HTML is shown as typed, never as markup."
        ),
    )
    text_html = models.TextField(editable=False, blank=True)
    kind = models.CharField(max_length=5, choices=Kind, default=Kind.EVENT)
    tags = TaggableManager(through=TaggedBrief, blank=True)
    source_url = models.URLField(
        _("source"),
        max_length=500,
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("Where a reader can check the fact: an address starting with https://."),
    )
    article = models.ForeignKey(
        Article,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="briefs",
        help_text=_("An article that tells more, linked from the brief once it is public."),
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    publish_at = models.DateTimeField(
        _("publish time"),
        null=True,
        blank=True,
        help_text=_(
            "When a published brief appears. A future time schedules it; left empty, "
            "it is set when the brief is first published."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The text for PostgreSQL full-text search, written on every save (and by the
    # bulk imports); its GIN index is made by migration 0003 on PostgreSQL only.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = BriefQuerySet.as_manager()

    class Meta:
        ordering = ["event_year", "event_month", "event_day", "pk"]
        permissions = [("publish_brief", _("Can publish and unpublish briefs"))]
        indexes = [
            models.Index(
                fields=["event_month", "event_day", "status", "publish_at"], name="brief_day"
            ),
            models.Index(fields=["event_year", "event_month", "event_day"], name="brief_era"),
            models.Index(fields=["status", "publish_at"], name="brief_publication"),
        ]
        constraints = event_date_constraints("brief")

    def __str__(self):
        return " ".join(self.text.split())[:80]

    def prepare_for_save(self):
        """What save() writes besides the typed fields (bulk inserts call it too)."""
        self.text_html = render_brief_text(self.text)
        if self.status == self.Status.PUBLISHED and self.publish_at is None:
            self.publish_at = timezone.now()

    def save(self, *args, **kwargs):
        self.prepare_for_save()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "text_html", "publish_at"}
        super().save(*args, **kwargs)
        type(self).objects.using(self._state.db).filter(pk=self.pk).update_search_vectors()

    def clean(self):
        errors = self.event_date_errors()
        if errors:
            raise ValidationError(errors)

    def get_absolute_url(self):
        """Its anchor on the day page, or on the year page for a brief without a day."""
        if self.day_of_year is None:
            page = reverse("articles:year", args=[self.event_year])
        else:
            page = reverse("articles:day", kwargs={"day": self.day_of_year})
        return f"{page}#brief-{self.pk}"

    @property
    def is_public(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= timezone.now()
        )

    @property
    def public_article(self):
        """The linked article if readers may see it, else None."""
        article = self.article
        return article if article is not None and article.is_public else None
