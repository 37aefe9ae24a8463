import logging

import reversion
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from reversion.admin import VersionAdmin
from reversion.models import Version
from taggit.forms import TagWidget
from taggit.models import Tag

from . import dates, pictures, revisions, tagging
from .date_labels import event_date
from .models import EDITOR_PERMISSION, Article, Author, EditConflict
from .search import update_search_vector

logger = logging.getLogger(__name__)


class PictureField(forms.ImageField):
    """Django's image field, after the checks of ``pictures.validate_image``: their
    messages say what is wrong, and a decompression bomb is refused before Pillow
    decodes it. (A validator on the model field would run only after this form field's
    own check, and would read the stored picture again on every ``full_clean``.)"""

    def __init__(self, **kwargs):
        kwargs["help_text"] = kwargs.get("help_text") or pictures.upload_help_text()
        super().__init__(**kwargs)

    def to_python(self, data):
        if data not in self.empty_values:
            pictures.validate_image(data)
        return super().to_python(data)


class PictureAdmin(admin.ModelAdmin):
    """Admin for a model with one picture field and its ``<field>_renditions`` record.

    An upload is published by ``pictures.publish`` (cleaned, then its renditions made)
    before the row is saved; the files of a replaced picture or a deleted row are
    deleted once the change commits. Django leaves old files behind on its own.
    """

    picture_field = "picture"
    square_renditions = False
    formfield_overrides = {models.ImageField: {"form_class": PictureField}}

    def save_model(self, request, obj, form, change):
        field_file = getattr(obj, self.picture_field)
        if self.picture_field in form.changed_data:
            replaced = pictures.stored_names(
                form.initial.get(self.picture_field), self.renditions(obj)
            )
            record = (
                pictures.publish(field_file, square=self.square_renditions) if field_file else {}
            )
            self.set_renditions(obj, record)
            pictures.delete_after_commit(field_file.storage, replaced)
        elif field_file and not pictures.is_current(field_file, self.renditions(obj)):
            # A picture stored before renditions existed gets them on its next save.
            try:
                self.set_renditions(
                    obj, pictures.make_renditions(field_file, square=self.square_renditions)
                )
            except (OSError, ValueError):
                # Not a picture Pillow can read: the save goes on; pages show the file.
                logger.warning("No renditions for unreadable picture %s", field_file.name)
        super().save_model(request, obj, form, change)

    def delete_model(self, request, obj):
        files = self.stored_names(obj)
        super().delete_model(request, obj)
        pictures.delete_after_commit(getattr(obj, self.picture_field).storage, files)

    def delete_queryset(self, request, queryset):
        objs = list(queryset)
        super().delete_queryset(request, queryset)
        for obj in objs:
            pictures.delete_after_commit(
                getattr(obj, self.picture_field).storage, self.stored_names(obj)
            )

    def renditions(self, obj):
        return getattr(obj, f"{self.picture_field}_renditions")

    def set_renditions(self, obj, record):
        setattr(obj, f"{self.picture_field}_renditions", record)

    def stored_names(self, obj):
        return pictures.stored_names(getattr(obj, self.picture_field), self.renditions(obj))

    def preview(self, obj, *, width, height=None):
        """The smallest rendition, ``width`` CSS pixels wide and as tall as its proportions
        make it (or cropped to ``height``); a dash without a picture."""
        field_file = getattr(obj, self.picture_field)
        if not field_file:
            return "—"
        url, rendition_width, rendition_height = pictures.smallest(
            field_file, self.renditions(obj)
        )
        if height is None:
            height = (
                round(width * rendition_height / rendition_width) if rendition_width else width
            )
        return format_html(
            '<img src="{}" width="{}" height="{}" alt="" loading="lazy" '
            'style="object-fit: cover; border-radius: 2px">',
            url,
            width,
            height,
        )


class ArticleForm(forms.ModelForm):
    """The event date as authors write it: a year with its era, then month and day.

    The model stores an astronomical year (44 BC is -43); only this form and the
    dates module translate between the two.
    """

    year = forms.IntegerField(
        label=_("Year"),
        min_value=1,
        error_messages={
            "min_value": _("There is no year 0: 1 BC is followed directly by AD 1."),
        },
        help_text=_("As written, without era: 1940, or 44 for 44 BC."),
    )
    era = forms.ChoiceField(
        label=_("Era"), choices=[(era.value, era.value) for era in dates.Era], initial="AD"
    )
    month = forms.TypedChoiceField(
        label=_("Month"),
        choices=[("", _("— (year only)")), *MONTHS.items()],
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": _("Choose a month from the list.")},
    )
    day = forms.IntegerField(
        label=_("Day"),
        required=False,
        help_text=_("Leave empty when only the month or the year is known."),
    )
    # The article's version as this form was opened. A save by anyone else since then,
    # or a form posted without it, refuses this one (see clean), so nobody overwrites
    # another's work; Article.save() checks it again as it saves.
    opened_version = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Article
        fields = [
            "title",
            "slug",
            "dek",
            "event_approximate",
            "event_old_style",
            "body",
            "tags",
            "picture",
            "picture_alt",
            "picture_decorative",
            "picture_caption",
            "picture_credit",
            "author",
            "status",
            "publish_at",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            written, era = dates.from_astronomical(self.instance.event_year)
            self.initial.update(
                year=written,
                era=era.value,
                month=self.instance.event_month,
                day=self.instance.event_day,
                opened_version=self.instance.version,
            )

    def clean(self):
        cleaned = super().clean()
        self.refuse_conflicting_save(cleaned.get("opened_version"))
        year, era = cleaned.get("year"), cleaned.get("era")
        if year is None or era is None:
            return cleaned  # the field errors already say what is missing
        try:
            event = dates.HistoricalDate.from_parts(
                year, dates.Era(era), cleaned.get("month"), cleaned.get("day")
            )
        except dates.InvalidDate as error:
            self.add_error(error.field, error.message)
            return cleaned
        self.instance.event_year = event.year
        self.instance.event_month = event.month
        self.instance.event_day = event.day
        return cleaned

    def clean_tags(self):
        names = self.cleaned_data["tags"]
        nameless = [name for name in names if not tagging.has_slug(name)]
        if nameless:
            raise ValidationError(
                _(
                    "“%(name)s” cannot be a tag: a tag needs at least one letter or digit. "
                    "Separate tags with commas; “War & Peace” is one tag."
                ),
                params={"name": nameless[0]},
            )
        longest = Tag._meta.get_field("name").max_length
        too_long = [name for name in names if len(name) > longest]
        if too_long:
            raise ValidationError(
                _("A tag is at most %(longest)d characters: “%(name)s…” is longer."),
                params={"longest": longest, "name": too_long[0][:40]},
            )
        return names

    def refuse_conflicting_save(self, version):
        # A new article has no one to conflict with. A form posted without its version
        # (a stale page, a hand-made request) cannot show it saw the last save: refused.
        if self.instance.pk is not None and version != str(self.instance.version):
            # The admin shows this above the form, which keeps everything typed in it.
            raise ValidationError(revisions.conflict_message(self.instance))


class TagSuggestionsWidget(TagWidget):
    """taggit's comma-separated input, offering the existing tags as suggestions."""

    template_name = "articles/widgets/tag_input.html"

    class Media:
        js = ["js/admin-tags.js"]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["suggestions"] = Tag.objects.order_by("name").values_list("name", flat=True)
        context["widget"]["attrs"]["list"] = f"{context['widget']['attrs']['id']}-suggestions"
        return context


class CenturyFilter(admin.SimpleListFilter):
    title = _("century")
    parameter_name = "century"

    def lookups(self, request, model_admin):
        years = model_admin.get_queryset(request).values_list("event_year", flat=True)
        centuries = sorted({dates.century(year) for year in years.distinct()})
        return [(str(number), dates.format_century(number)) for number in centuries]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        try:
            first, last = dates.century_span(int(self.value()))
        except ValueError:
            return queryset.none()
        return queryset.filter(event_year__range=(first, last))


# What describes an article's picture: a restore keeps them together.
PICTURE_FIELDS = [
    "picture",
    "picture_width",
    "picture_height",
    "picture_renditions",
    "picture_alt",
    "picture_decorative",
    "picture_caption",
    "picture_credit",
]


class StateFilter(admin.SimpleListFilter):
    """Draft, scheduled or published, as the status column says: a scheduled article
    is stored as published, with a publish time still to come."""

    title = _("status")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("draft", _("Draft")),
            ("scheduled", _("Scheduled")),
            ("published", _("Published")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "draft":
            return queryset.filter(status=Article.Status.DRAFT)
        if self.value() == "scheduled":
            return queryset.scheduled()
        if self.value() == "published":
            return queryset.published()
        return queryset


def is_editor(user):
    """Editors change and publish every article, and manage authors and tags; other
    staff (authors) change their own articles and profile."""
    return user.has_perm(EDITOR_PERMISSION)


def can_publish(user):
    """Editors publish; authors too, their own articles, when the setting
    ARTICLES_AUTHORS_CAN_PUBLISH is on (off by default, so an editor reviews)."""
    return is_editor(user) or (
        settings.ARTICLES_AUTHORS_CAN_PUBLISH and user.has_perm("articles.change_article")
    )


@admin.register(Article)
class ArticleAdmin(VersionAdmin, PictureAdmin):
    """Articles, with reversion's history, restore and recover views, a comparison of
    two versions, and the roles: authors see and change only their own articles."""

    form = ArticleForm
    object_history_template = "admin/articles/article/object_history.html"
    history_latest_first = True
    list_display = [
        "thumbnail",
        "title",
        "event_date_display",
        "author",
        "state_display",
        "publish_at",
        "on_site",
    ]
    # The thumbnail is no link: its alt text is empty, and the title next to it says it.
    list_display_links = ["title"]
    list_filter = [StateFilter, CenturyFilter, "author", "tags"]
    list_select_related = ["author"]
    search_fields = ["title", "dek", "body"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["author"]
    date_hierarchy = "publish_at"
    # Drafts first (they are being worked on), then the newest publish time.
    ordering = [models.F("publish_at").desc(nulls_first=True), "-id"]
    readonly_fields = ["picture_preview"]
    actions = ["publish_now", "unpublish"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "dek", "opened_version"]}),
        (
            _("Event date"),
            {
                "fields": [
                    ("year", "era"),
                    ("month", "day"),
                    "event_approximate",
                    "event_old_style",
                ]
            },
        ),
        (None, {"fields": ["body", "tags"]}),
        (
            _("Picture"),
            {
                "fields": [
                    "picture",
                    "picture_preview",
                    "picture_alt",
                    "picture_decorative",
                    "picture_caption",
                    "picture_credit",
                ]
            },
        ),
        (_("Publication"), {"fields": ["author", "status", "publish_at"]}),
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "tags":
            kwargs["widget"] = TagSuggestionsWidget
            kwargs["help_text"] = _(
                "Separated by commas: “War & Peace” is one tag, “France, 1940” two. "
                "Existing tags are suggested as you type."
            )
        elif db_field.name == "body":
            kwargs["help_text"] = _(
                "Markdown: *italic*, **bold**, [a link](https://example.org), ## a subheading, "
                "> a quotation, - a list item, and footnotes for sources: text[^1] then "
                "[^1]: the source. HTML is allowed but scripts and styles are removed."
            )
        elif db_field.name == "status":
            kwargs["help_text"] = _(
                "Draft: only staff see it, in its preview. Published: readers see it from "
                "its publish time; a time in the future schedules it."
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "author" and not is_editor(request.user):
            # An author writes as themselves; a crafted choice of another is invalid.
            kwargs["queryset"] = Author.objects.filter(user=request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_fieldsets(self, request, obj=None):
        *fieldsets, (title, publication) = super().get_fieldsets(request, obj)
        description = _(
            "“Preview”, at the top of the page, shows the article as readers will see it, "
            "as it was last saved: save, then preview."
        )
        if not can_publish(request.user):
            description = f"{description} {_('An editor publishes it, after reviewing it.')}"
        return [*fieldsets, (title, {**publication, "description": description})]

    def get_autocomplete_fields(self, request):
        return self.autocomplete_fields if is_editor(request.user) else []

    def get_readonly_fields(self, request, obj=None):
        fields = [*super().get_readonly_fields(request, obj)]
        if not can_publish(request.user):
            fields += ["status", "publish_at"]
        return fields

    # Roles: authors see, change and preview only their own articles (models'
    # ``editable_by``), delete only their drafts, and publish only with the setting on.

    def get_queryset(self, request):
        return super().get_queryset(request).editable_by(request.user)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except EditConflict:
            # Someone saved between this form's check and its save, which was rolled
            # back: checked again, the form says who, and keeps what was typed.
            return super().changeform_view(request, object_id, form_url, extra_context)

    def get_object(self, request, object_id, from_field=None):
        if hasattr(request, "article_before_restore"):
            return self.restored_article(request, object_id)
        article = super().get_object(request, object_id, from_field)
        if article is None and from_field is None and not is_editor(request.user):
            try:
                exists = self.model._default_manager.filter(pk=object_id).exists()
            except (ValidationError, ValueError):
                exists = False
            if exists:  # another author's article: refused, not "perhaps it was deleted"
                raise PermissionDenied
        return article

    def may_edit(self, user, article):
        owner = article.author.user_id
        return is_editor(user) or (owner is not None and owner == user.pk)

    def has_add_permission(self, request):
        # An author's articles are theirs: a login without an author profile adds none.
        return super().has_add_permission(request) and (
            is_editor(request.user) or Author.objects.filter(user=request.user).exists()
        )

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or self.may_edit(request.user, obj)
        )

    def has_delete_permission(self, request, obj=None):
        # Taking an article off the site is publishing's business: authors delete drafts.
        return super().has_delete_permission(request, obj) and (
            obj is None
            or (
                self.may_edit(request.user, obj)
                and (obj.status == Article.Status.DRAFT or can_publish(request.user))
            )
        )

    def has_publish_permission(self, request):
        return can_publish(request.user)

    def view_on_site(self, article):
        # Only a public article has a page; the others have "Preview" instead.
        return article.get_absolute_url() if article.is_public else None

    # Publishing from the list. Each article keeps a revision of its own, so restoring
    # one never reverts the others changed with it.

    @admin.action(description=_("Publish now"), permissions=["publish"])
    def publish_now(self, request, queryset):
        """Drafts and scheduled articles appear now: their publish time becomes now.
        Articles already public keep theirs."""
        now = timezone.now()
        changed = 0
        for article in queryset:
            if article.is_public:
                continue
            article.status = Article.Status.PUBLISHED
            article.publish_at = now
            self.save_with_revision(request, article, _("Published with “Publish now”."))
            changed += 1
        self.message_user(
            request,
            ngettext("%d article published.", "%d articles published.", changed) % changed,
            messages.SUCCESS,
        )

    @admin.action(description=_("Unpublish (back to draft)"), permissions=["publish"])
    def unpublish(self, request, queryset):
        """Published and scheduled articles become drafts. Their publish time stays:
        published again from the form, an article keeps its date; “Publish now” gives a
        new one."""
        changed = 0
        for article in queryset.filter(status=Article.Status.PUBLISHED):
            article.status = Article.Status.DRAFT
            self.save_with_revision(request, article, _("Unpublished (back to draft)."))
            changed += 1
        self.message_user(
            request,
            ngettext("%d article is a draft again.", "%d articles are drafts again.", changed)
            % changed,
            messages.SUCCESS,
        )

    def save_with_revision(self, request, article, message):
        with reversion.create_revision():
            article.save()
            self.log_change(request, article, message)  # also the revision's comment
            reversion.set_user(request.user)

    def changelist_view(self, request, extra_context=None):
        # VersionAdmin wraps the whole list page in one revision, for list_editable,
        # which this admin does not use; the actions keep one revision per article.
        context = {"has_change_permission": self.has_change_permission(request)}
        context.update(extra_context or {})
        return super(VersionAdmin, self).changelist_view(request, context)

    # Deleting keeps a last revision first, so the article can be recovered as it was,
    # even one written before revisions were kept.

    def delete_model(self, request, obj):
        self.keep_revision(request, obj, _("Deleted."))
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for article in queryset:
            self.keep_revision(request, article, _("Deleted."))
        super().delete_queryset(request, queryset)

    def keep_revision(self, request, article, comment):
        with reversion.create_revision():
            reversion.add_to_revision(article)
            reversion.set_user(request.user)
            reversion.set_comment(comment)

    # History, comparison, restore and recovery.

    def get_urls(self):
        compare = path(
            "<path:object_id>/history/compare/",
            self.admin_site.admin_view(self.compare_view),
            name="articles_article_compare",
        )
        return [compare, *super().get_urls()]

    def article_or_refuse(self, request, object_id, permission):
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404
        if not permission(request, article):
            raise PermissionDenied
        return article

    def history_view(self, request, object_id, extra_context=None):
        article = self.article_or_refuse(request, object_id, self.has_view_or_change_permission)
        context = {
            "versions": [
                {
                    "version": version,
                    "by": revisions.display_name(version.revision.user),
                    "restore_url": reverse(
                        "admin:articles_article_revision", args=[article.pk, version.pk]
                    ),
                }
                for version in revisions.versions_of(article)
            ],
            "compare_url": reverse("admin:articles_article_compare", args=[article.pk]),
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, context)

    def compare_view(self, request, object_id):
        """Two versions side by side, only the fields that differ, words marked."""
        article = self.article_or_refuse(request, object_id, self.has_view_or_change_permission)
        try:
            chosen = sorted({int(request.GET["from"]), int(request.GET["to"])})
        except (KeyError, ValueError):
            raise Http404 from None
        versions = revisions.versions_of(article)
        older = get_object_or_404(versions, pk=chosen[0])
        newer = get_object_or_404(versions, pk=chosen[-1])
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": article,
            "title": _("Compare versions"),
            "subtitle": str(article),
            "sides": [
                {"version": version, "by": revisions.display_name(version.revision.user)}
                for version in (older, newer)
            ],
            "changes": revisions.compare(older, newer),
            "history_url": reverse("admin:articles_article_history", args=[article.pk]),
        }
        return TemplateResponse(request, "admin/articles/article/compare.html", context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        article = self.article_or_refuse(request, object_id, self.has_change_permission)
        version = get_object_or_404(Version.objects.get_for_object(article), pk=version_id)
        if revisions.missing_tags(version.revision):
            messages.error(request, self.missing_tag_message)
            return redirect("admin:articles_article_history", article.pk)
        # Read by get_object once reversion has written the old version back.
        request.article_before_restore = article
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        version = get_object_or_404(self.deleted_versions(request), pk=version_id)
        if revisions.missing_tags(version.revision):
            messages.error(request, self.missing_tag_message)
            return redirect("admin:articles_article_recoverlist")
        slug = version.field_dict["slug"]
        if self.model._default_manager.filter(slug=slug).exists():
            messages.error(
                request,
                _(
                    "Another article now has the address /articles/%(slug)s/: change its "
                    "slug first, then recover this one."
                )
                % {"slug": slug},
            )
            return redirect("admin:articles_article_recoverlist")
        request.article_before_restore = None  # nothing before: it was deleted
        return super().recover_view(request, version_id, extra_context)

    def recoverlist_view(self, request, extra_context=None):
        context = {"deleted": self.deleted_versions(request), **(extra_context or {})}
        return super().recoverlist_view(request, context)

    missing_tag_message = _(
        "This version is filed under a tag that has since been deleted, so it cannot be "
        "restored as it was. Compare it with another version, in the history, to copy "
        "what you need."
    )

    def deleted_versions(self, request):
        """The last versions of deleted articles this user may recover: an author,
        their own."""
        deleted = Version.objects.get_deleted(self.model).select_related("revision")
        deleted = deleted.order_by("-revision__date_created")
        if is_editor(request.user):
            return deleted
        own = Author.objects.filter(user=request.user).values_list("pk", flat=True).first()
        return deleted.filter(
            pk__in=[version.pk for version in deleted if revisions.author_id(version) == own]
        )

    def restored_article(self, request, object_id):
        """The article as reversion has just written it back, in the transaction of
        the restore (or recover) view, which checked that this user may.

        A restore brings back what was written: the text, the date, the tags, the
        picture. Who the article is credited to, and whether and when it is published,
        stay as they are now (an editor may change them in the form before saving); an
        author recovers a deleted article as a draft.
        """
        article = self.model._default_manager.get(pk=object_id)
        current = request.article_before_restore
        if current is not None:
            article.author = current.author
            article.status, article.publish_at = current.status, current.publish_at
            # Writing the old version back wrote its version number too: the restore is
            # the next version after the current one, which the form was opened at.
            article.version = current.version
            Article.objects.filter(pk=article.pk).update(version=current.version)
        elif not can_publish(request.user):
            article.status = Article.Status.DRAFT
        picture = article.picture
        if picture and not picture.storage.exists(picture.name):
            # Replacing a picture, or deleting the article, deletes its files.
            keep = current or Article()
            for field in PICTURE_FIELDS:
                setattr(article, field, getattr(keep, field))
            if current is not None:
                message = _(
                    "The picture of this version has since been replaced, and its file is "
                    "gone: the article keeps its current picture."
                )
            else:
                message = _(
                    "The picture files of this article were deleted with it: it comes back "
                    "without a picture."
                )
            messages.warning(request, message)
        return article

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The search vector includes the tag names, saved only now.
        update_search_vector(form.instance)

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        author = getattr(request.user, "author", None)
        if author is not None:
            initial.setdefault("author", author.pk)
        return initial

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


@admin.register(Author)
class AuthorAdmin(PictureAdmin):
    """Editors manage every author; an author edits their own profile only (the
    "My profile" link in the admin's header), and not the login or address it has."""

    picture_field = "photo"
    square_renditions = True
    list_display = ["display_name", "slug", "user"]
    search_fields = ["display_name", "slug", "user__username"]
    prepopulated_fields = {"slug": ["display_name"]}
    autocomplete_fields = ["user"]
    fields = ["user", "display_name", "slug", "bio", "photo", "photo_preview", "links"]
    readonly_fields = ["photo_preview"]

    def get_queryset(self, request):
        authors = super().get_queryset(request)
        return authors if is_editor(request.user) else authors.filter(user=request.user)

    def get_readonly_fields(self, request, obj=None):
        fields = [*super().get_readonly_fields(request, obj)]
        if not is_editor(request.user):
            fields += ["user", "slug"]
        return fields

    def get_prepopulated_fields(self, request, obj=None):
        return super().get_prepopulated_fields(request, obj) if is_editor(request.user) else {}

    @admin.display(description=_("preview"))
    def photo_preview(self, author):
        return self.preview(author, width=160)
