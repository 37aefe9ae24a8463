import datetime

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models, router, transaction
from django.db.models import F, Min, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from pictures.fields import picture_fields

from .. import dates, roles
from ..events import HistoricalEvent, event_date_constraints
from ..markdown import render_markdown

# Year-, month- and day-order of event dates; a missing month or day sorts first.
CHRONOLOGICAL = (
    F("event_year").asc(),
    F("event_month").asc(nulls_first=True),
    F("event_day").asc(nulls_first=True),
)


class Author(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author",
        help_text=_("The login this author writes with. Deleting the login keeps the author."),
    )
    display_name = models.CharField(_("display name"), max_length=100)
    slug = models.SlugField(unique=True, max_length=100, help_text=_("Used in the author's URL."))
    bio = models.TextField(
        _("short bio"),
        max_length=600,
        blank=True,
        help_text=_("Two or three sentences, shown under every article this author writes."),
    )
    # The photo's renditions are square crops, made when it is uploaded.
    photo, photo_width, photo_height, photo_renditions = picture_fields(
        "photo", upload_to="authors/"
    )
    links = models.TextField(
        blank=True,
        help_text=_("Web addresses (a personal site, a profile), one per line."),
    )

    class Meta:
        ordering = ["display_name"]

    def __str__(self):
        return self.display_name

    def get_absolute_url(self):
        return reverse("articles:author", args=[self.slug])

    def clean(self):
        validate = URLValidator(schemes=["http", "https"])
        for line in self.link_list:
            try:
                validate(line)
            except ValidationError:
                raise ValidationError(
                    {
                        "links": _("“%(link)s” is not a web address starting with https://.")
                        % {"link": line}
                    }
                ) from None

    @property
    def link_list(self):
        return [line.strip() for line in self.links.splitlines() if line.strip()]


class TaggedArticle(TaggedItemBase):
    """Tags through a real foreign key, so tag pages are plain, indexed joins."""

    content_object = models.ForeignKey("Article", on_delete=models.CASCADE)


def published_q(path="", now=None):
    """The one rule of what readers may see: published, with a publish time that has
    come. ``path`` reaches articles from another model ("articles__"); Article.is_public
    is its mirror in Python."""
    return Q(
        **{
            f"{path}status": Article.Status.PUBLISHED,
            f"{path}publish_at__lte": now or timezone.now(),
        }
    )


def scheduled_q(now=None):
    """Published, with a publish time still to come: readers see it then."""
    return Q(status=Article.Status.PUBLISHED, publish_at__gt=now or timezone.now())


class PublicationQuerySet(models.QuerySet):
    """What readers see of dated entries with a status and a publish time (articles,
    briefs): the one rule, published_q()."""

    def published(self, now=None):
        """What readers may see: published, with a publish time that has come."""
        return self.filter(published_q(now=now))

    def scheduled(self, now=None):
        """What readers will see once its publish time comes."""
        return self.filter(scheduled_q(now))

    def next_publication_time(self, now=None):
        """When the next scheduled entry appears, or None."""
        return self.scheduled(now).aggregate(next=Min("publish_at"))["next"]

    def with_anniversary(self):
        """Entries whose event has a known day of the year."""
        return self.filter(event_day__isnull=False, event_approximate=False)


class ArticleQuerySet(PublicationQuerySet):
    def on_day(self, month, day):
        """Events of one day of the year, in every year, oldest first."""
        return (
            self.with_anniversary()
            .filter(event_month=month, event_day=day)
            .order_by(*CHRONOLOGICAL)
        )

    def on_this_day(self, on: datetime.date):
        """Anniversaries kept on the date ``on`` (February 29 included on the 28th of
        common years), oldest first."""
        days = Q()
        for month, day in dates.anniversary_days(on):
            days |= Q(event_month=month, event_day=day)
        return self.with_anniversary().filter(days).order_by(*CHRONOLOGICAL)

    def after_day(self, month, day):
        """Anniversaries later in the year than month/day, in calendar order."""
        return (
            self.with_anniversary()
            .filter(Q(event_month__gt=month) | Q(event_month=month, event_day__gt=day))
            .order_by("event_month", "event_day", "event_year")
        )

    def in_year(self, year):
        """Events of an astronomical year, in date order (month-only and undated first)."""
        return self.filter(event_year=year).order_by(*CHRONOLOGICAL)

    def waiting_for_review(self):
        """Drafts their authors have submitted for review, the longest waiting first."""
        return self.filter(status=Article.Status.DRAFT, submitted_at__isnull=False).order_by(
            "submitted_at", "pk"
        )

    def for_listing(self):
        """With their authors, without their texts: what lists of articles show."""
        return self.select_related("author").defer("body", "body_html", "search_vector")

    def editable_by(self, user):
        """Articles ``user`` may open in the admin and preview: every article for an
        editor, their own for other staff, none for anyone else."""
        if not roles.is_staff(user):
            return self.none()
        if roles.is_editor(user):
            return self
        return self.filter(author__user=user)


class EditConflict(Exception):
    """Someone saved the article after this copy of it was read: saving it would
    overwrite their work."""


class Article(HistoricalEvent):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    title = models.CharField(max_length=200)
    slug = models.SlugField(
        unique=True,
        max_length=200,
        help_text=_(
            "The end of the article's address, /articles/…/: words joined by hyphens, "
            "filled in from the title. Changed after publication, it breaks the links "
            "readers have shared."
        ),
    )
    dek = models.CharField(
        _("dek"),
        max_length=300,
        blank=True,
        help_text=_("One sentence under the headline; also the summary in lists and cards."),
    )
    body = models.TextField(blank=True, help_text=_("Markdown."))
    body_html = models.TextField(editable=False, blank=True)
    author = models.ForeignKey(Author, on_delete=models.PROTECT, related_name="articles")
    tags = TaggableManager(through=TaggedArticle, blank=True)
    picture, picture_width, picture_height, picture_renditions = picture_fields(
        "picture", upload_to="articles/%Y/"
    )
    picture_alt = models.CharField(
        _("picture alt text"),
        max_length=300,
        blank=True,
        help_text=_(
            "What the picture shows, for readers who cannot see it. Required with a "
            "picture, unless it is decorative."
        ),
    )
    picture_decorative = models.BooleanField(
        _("decorative picture"),
        default=False,
        help_text=_(
            "Tick when the picture adds nothing the text does not already say: screen "
            "readers then skip it, and no alt text is needed."
        ),
    )
    picture_caption = models.CharField(max_length=300, blank=True)
    picture_credit = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    publish_at = models.DateTimeField(
        _("publish time"),
        null=True,
        blank=True,
        help_text=_(
            "When a published article appears. A future time schedules it; "
            "left empty, it is set when the article is first published."
        ),
    )
    # Set when the author submits the draft for review (a draft stays a draft, so every
    # rule of what readers see is untouched); cleared once it is published or sent back.
    submitted_at = models.DateTimeField(
        _("submitted for review"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Counts the saves. A save is refused when someone saved since the article was read
    # (see save()), so two people editing at once never overwrite each other.
    version = models.PositiveIntegerField(default=1, db_default=1, editable=False)
    # Title, dek, tag names and body text for PostgreSQL full-text search, written by
    # articles.search.update_search_vector wherever an article or its tags are saved.
    # Its GIN index is made by migration 0003 on PostgreSQL only (SQLite has no GIN and
    # searches without this column).
    search_vector = SearchVectorField(null=True, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-publish_at", "-id"]
        permissions = [
            ("publish_article", _("Can publish and unpublish articles, and change anyone's")),
        ]
        indexes = [
            models.Index(
                fields=["event_month", "event_day", "event_year"], name="article_anniversary"
            ),
            models.Index(fields=["event_year", "event_month", "event_day"], name="article_era"),
            models.Index(fields=["status", "publish_at"], name="article_publication"),
        ]
        constraints = event_date_constraints("article")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        """Saves the article as its next version; raises EditConflict, and saves
        nothing, if it was saved by anyone (or anything) since this copy was read."""
        self.body_html = render_markdown(self.body)
        if self.status == self.Status.PUBLISHED:
            self.submitted_at = None  # reviewed: no longer waiting
            if self.publish_at is None:
                self.publish_at = timezone.now()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {
                *kwargs["update_fields"],
                "body_html",
                "publish_at",
                "submitted_at",
                "version",
            }
        if self._state.adding or kwargs.get("force_insert"):
            super().save(*args, **kwargs)
            return
        using = kwargs.get("using") or router.db_for_write(type(self), instance=self)
        with transaction.atomic(using=using):
            self.claim_next_version(using)
            super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:article", args=[self.slug])

    def claim_next_version(self, using):
        """Moves the row from this copy's version to the next in one UPDATE, which
        matches nothing if another save came first; the row stays locked until the
        transaction ends, so no save can come between this and the save itself."""
        claimed = (
            type(self)
            ._base_manager.using(using)
            .filter(pk=self.pk, version=self.version)
            .update(version=F("version") + 1)
        )
        if not claimed:
            raise EditConflict(self.pk)
        self.version += 1

    def clean(self):
        errors = self.event_date_errors()
        if self.picture and not self.picture_decorative and not self.picture_alt.strip():
            errors["picture_alt"] = _(
                "Describe the picture for readers who cannot see it, or tick “decorative "
                "picture” if it adds nothing the text does not already say."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def picture_alt_text(self):
        """The alt attribute: empty for a decorative picture, so screen readers skip it."""
        return "" if self.picture_decorative else self.picture_alt

    @property
    def is_public(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= timezone.now()
        )

    @property
    def state(self):
        """Draft, scheduled or published, as editors speak of it."""
        if self.status == self.Status.DRAFT:
            return _("Waiting for review") if self.submitted_at else _("Draft")
        return _("Published") if self.is_public else _("Scheduled")


def next_publication_time():
    """When the next scheduled article becomes public, or None: the page cache
    (settings.PAGE_CACHE_NEXT_CHANGE) starts a new generation then."""
    return Article.objects.next_publication_time()
