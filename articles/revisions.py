"""Revisions of articles, kept by django-reversion.

Every save in the admin keeps a revision of the article: its own fields (the picture's
file name, size and renditions record among them) and its tag rows, so a restore brings
back the text, the event date, the tags and the picture together. Two things are not
versioned, on purpose:

- the picture *file*: replacing a picture deletes the old files (see ``PictureAdmin``),
  so a revision may name a file that is gone; ``ArticleAdmin`` then keeps the current
  picture when restoring;
- tags themselves: every article shares them, and restoring one article must never
  rename or delete a tag that others use. A revision whose tag has since been deleted
  cannot be restored (the admin says so); its text can still be read in a comparison.
"""

import difflib
import re
from dataclasses import dataclass

import reversion
from django.utils import formats, timezone
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from reversion.errors import RevertError
from reversion.models import Version
from taggit.models import Tag

from .date_labels import event_date, old_style_date
from .models import Article, Author, TaggedArticle

reversion.register(TaggedArticle)
# The search vector is derived from the text, and recomputed when a restore is saved.
reversion.register(Article, follow=["taggedarticle_set"], exclude=["search_vector"])


def display_name(user):
    """How the admin names a user: their author name, else their full name, else their
    username; "someone" when the user is unknown or was deleted."""
    if user is None:
        return _("Someone")
    try:
        return user.author.display_name
    except Author.DoesNotExist:
        return user.get_full_name() or user.get_username()


def versions_of(article):
    """The article's versions, newest first, with their revisions and users."""
    return (
        Version.objects.get_for_object(article)
        .select_related("revision__user")
        .order_by("-revision__date_created", "-pk")
    )


def conflict_message(article):
    """Why a form opened at an earlier version of ``article`` is refused: who saved it
    since, and when."""
    latest = versions_of(article).first()
    if latest is not None and latest.field_dict.get("version") == article.version:
        name, when = display_name(latest.revision.user), latest.revision.date_created
    else:  # saved without a revision (a script, a shell): the save time is all we know
        name, when = _("Someone"), article.updated_at
    when = timezone.localtime(when)
    return _(
        "%(name)s saved this article at %(time)s on %(date)s, after you opened it. Your "
        "changes are below and have not been saved: copy what you need, reload the "
        "article, and merge."
    ) % {
        "name": name,
        "time": formats.date_format(when, "H:i"),
        "date": formats.date_format(when, "j F"),
    }


def tag_versions(revision):
    return Version.objects.get_for_model(TaggedArticle).filter(revision=revision)


def missing_tags(revision):
    """Whether the revision files its article under a tag that no longer exists."""
    tag_ids = {version.field_dict["tag_id"] for version in tag_versions(revision)}
    return len(tag_ids) != Tag.objects.filter(pk__in=tag_ids).count()


def author_id(version):
    """The author of an article's version, or None when the version cannot be read."""
    try:
        return version.field_dict["author_id"]
    except (RevertError, KeyError):
        return None


# Restoring


# What describes an article's picture (its file, size, renditions, alt text, caption and
# credit): a restore keeps them together.
PICTURE_FIELDS = [field.name for field in Article._meta.fields if field.name.startswith("picture")]


def restore_refusal(version, *, recovering):
    """Why an article's ``version`` cannot be restored (or recovered), or None."""
    if missing_tags(version.revision):
        return _(
            "This version is filed under a tag that has since been deleted, so it cannot "
            "be restored as it was. Compare it with another version, in the history, to "
            "copy what you need."
        )
    slug = version.field_dict["slug"]
    if recovering and Article.objects.filter(slug=slug).exists():
        return _(
            "Another article now has the address /articles/%(slug)s/: change its slug "
            "first, then recover this one."
        ) % {"slug": slug}
    return None


def kept_on_restore(article, before, *, may_publish):
    """What a restore keeps of the article as it is now, ``before`` (None when a deleted
    article is recovered), once ``article`` is its old version written back: the fields
    to write, and a warning for the editor or None.

    A restore brings back what was written: the text, the date, the tags, the picture.
    Who the article is credited to, and whether and when it is published, stay as they
    are now (an editor may change them in the form before saving); an author who may
    not publish recovers a deleted article as a draft.
    """
    kept, warning = {}, None
    if before is not None:
        kept.update(author=before.author, status=before.status, publish_at=before.publish_at)
        # Writing the old version back wrote its version number too: the restore is the
        # next version after the current one, which the form was opened at.
        kept["version"] = before.version
    elif not may_publish:
        kept["status"] = Article.Status.DRAFT
    picture = article.picture
    if picture and not picture.storage.exists(picture.name):
        # Replacing a picture, or deleting the article, deletes its files.
        keep = before or Article()
        kept.update({field: getattr(keep, field) for field in PICTURE_FIELDS})
        if before is not None:
            warning = _(
                "The picture of this version has since been replaced, and its file is "
                "gone: the article keeps its current picture."
            )
        else:
            warning = _(
                "The picture files of this article were deleted with it: it comes back "
                "without a picture."
            )
    return kept, warning


# Comparing two versions


@dataclass(frozen=True)
class Change:
    """One field that differs: its label, and both texts as HTML, with the removed
    words marked in ``before`` and the added ones in ``after``."""

    label: str
    before: SafeString
    after: SafeString


def readable(version):
    """What an editor reads of one version of an article, field by field."""
    fields = version.field_dict
    article = Article(**fields)
    tag_ids = [
        tagged.field_dict["tag_id"]
        for tagged in tag_versions(version.revision)
        if str(tagged.field_dict["content_object_id"]) == version.object_id
    ]
    names = Tag.objects.in_bulk(tag_ids)
    tags = sorted(names[pk].name if pk in names else _("(a deleted tag)") for pk in tag_ids)
    author = Author.objects.filter(pk=article.author_id).first()
    date = event_date(article)
    if old_style := old_style_date(article):
        date = f"{date} ({old_style})"
    if article.status == Article.Status.DRAFT:
        publication = _("Draft")
    elif article.publish_at:
        publication = _("Published from %(time)s") % {
            "time": formats.date_format(timezone.localtime(article.publish_at), "j F Y, H:i")
        }
    else:
        publication = _("Published")
    return {
        _("Title"): article.title,
        _("Slug"): article.slug,
        _("Dek"): article.dek,
        _("Event date"): date,
        _("Body"): article.body,
        _("Tags"): "\n".join(tags),  # one a line, so a diff marks whole names
        _("Picture"): article.picture.name if article.picture else "",
        _("Alt text"): _("(decorative)") if article.picture_decorative else article.picture_alt,
        _("Caption"): article.picture_caption,
        _("Credit"): article.picture_credit,
        _("Author"): author.display_name if author else _("(a deleted author)"),
        _("Publication"): publication,
    }


def compare(older, newer):
    """The fields that differ between two versions, in form order."""
    before, after = readable(older), readable(newer)
    return [
        Change(label, *word_diff(before[label], after[label]))
        for label in before
        if before[label] != after[label]
    ]


def word_diff(old, new):
    """``old`` with the words that ``new`` removed in <del>, and ``new`` with the words
    it added in <ins>, both as HTML. Spaces and line breaks are kept."""
    old_words, new_words = re.split(r"(\s+)", old), re.split(r"(\s+)", new)
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    before, after = [], []
    for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        removed = "".join(old_words[old_start:old_end])
        added = "".join(new_words[new_start:new_end])
        if operation == "equal":
            before.append(escape(removed))
            after.append(escape(added))
            continue
        if removed:
            before.append(format_html("<del>{}</del>", removed))
        if added:
            after.append(format_html("<ins>{}</ins>", added))
    return mark_safe("".join(before)), mark_safe("".join(after))
