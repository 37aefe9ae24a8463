"""Importing a WordPress export: each post in a transaction of its own, matched to the
article it became on an earlier run by its GUID (models.ImportedPost).

A field WordPress changed since the last run is updated, unless an editor changed it
here too: then the editor's value stays, and the report says so. Pictures are
published as the admin publishes an upload (pictures.renditions.publish).
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

import reversion
from django.db import transaction

from articles import revisions  # noqa: F401  (registers Article with django-reversion)
from articles.markdown import swallowed_text
from articles.models import Article, TaggedArticle
from articles.search import update_search_vector
from pictures.renditions import delete_after_commit, delete_files, publish, stored_names

from . import bodies, posts
from .choosing import choose_picture, same_file
from .models import ImportedPost
from .pictures import PictureMissing, read_picture
from .report import Report
from .rows import Rows, save_old_addresses, unique_slug

logger = logging.getLogger(__name__)

# The fields that follow WordPress from run to run, unless edited here.
FIELDS = ("title", "dek", "body", "event", "status", "publish_at", "tags")


class Importer:
    def __init__(self, *, media_dir: Path | None, date_field: str, dry_run: bool, tell=None):
        self.media_dir = media_dir
        self.date_field = date_field
        self.report = Report(dry_run=dry_run)
        self.dry_run = dry_run
        self.site = None
        self.attachments = {}  # post ID -> wxr.Item
        self.attachments_by_address = {}
        self.rows = Rows(self.report)
        self.tell = tell or (lambda line: None)  # a line for each post, when asked

    def learn(self, record):
        """First pass: the site, its authors and its attachments."""
        kind = type(record).__name__
        if kind == "Site":
            self.site = record
        elif kind == "Author":
            self.rows.wordpress_authors[record.login] = record
        elif record.post_type == "attachment":
            record.content = ""
            self.attachments[record.post_id] = record
            self.attachments_by_address[same_file(record.attachment_url)] = record

    def take(self, item):
        """Second pass: import a post, or count what is not one."""
        self.report.comments += item.comments
        if item.post_type != "post":
            self.report.skipped[_kind(item.post_type)] += 1
        elif item.status in posts.SKIPPED_STATUSES:
            self.report.skipped[f"{item.status} post"] += 1
            self.report.skipped_posts.append(f"{_name(item)} ({item.status})")
        elif item.status not in posts.STATUSES:
            self.report.skipped[f"{item.status or 'unknown'}-status post"] += 1
        else:
            self.import_post(item)

    def import_post(self, item):
        saved_files = []
        try:
            with transaction.atomic():
                self.write_post(item, saved_files)
        except Exception as error:  # one post's failure must not stop the others
            logger.exception("WordPress post %s failed", item.post_id)
            self.report.failed.append(f"{_name(item)}: {error}")
            if saved_files:
                delete_files(saved_files[0], saved_files[1:])

    def write_post(self, item, saved_files):
        guid = item.guid or f"{self.site.base_site_url}/?p={item.post_id}"
        record = ImportedPost.objects.select_related("article").filter(guid=guid).first()
        body = bodies.convert(item.content, site_url=self.site.base_site_url)
        values, needs_date = self.values(item, body)
        if record is None:
            author = self.rows.author(item.creator)
            article = Article(slug=unique_slug(posts.slug(item)), author=author)
            record = ImportedPost(guid=guid, article=article, imported={})
            changed = list(FIELDS)
        else:
            article = record.article
            changed = self.changed_fields(item, article, values, record.imported)
        for name in changed:
            set_field(article, name, values[name])
        picture_changed = self.picture(item, body, article, record.imported, saved_files)
        if needs_date and current(article, "event") == values["event"]:
            self.report.needs_date.append(_name(item))
        if not changed and not picture_changed and record.pk:
            self.report.unchanged += 1
            self.tell(f"unchanged: {_name(item)}")
            return
        created = record.pk is None
        # An update keeps a revision, as a save in the admin does, so what the import
        # replaced can be compared and restored; a new article starts its history at
        # its first save in the admin (or with manage.py createinitialrevisions).
        with contextlib.nullcontext() if created else reversion.create_revision():
            if not created:
                reversion.set_comment("Updated from WordPress")
            article.save()
            if "tags" in changed:
                tags = [self.rows.tag(name) for name in values["tags"]]
                if created:
                    # One INSERT, where taggit's add() looks each tag up first; the
                    # article's save has told the page cache of the change already.
                    TaggedArticle.objects.bulk_create(
                        [TaggedArticle(tag=tag, content_object=article) for tag in tags]
                    )
                else:
                    article.tags.set(tags)
        update_search_vector(article)
        record.article = article
        record.post_id = item.post_id
        record.site = self.site.base_site_url[:300]
        record.needs_event_date = needs_date and current(article, "event") == values["event"]
        record.imported = {**record.imported, **values}
        record.save()
        save_old_addresses(item, article)
        self.report.created += created
        self.report.updated += not created
        would = "would be " if self.dry_run else ""
        fields = ", ".join(changed) or "picture"
        done = f"{would}created" if created else f"{would}updated ({fields})"
        self.tell(f"{done}: {_name(item)} → {article.get_absolute_url()} ({article.state})")
        if swallowed_text(article.body):
            self.report.bodies_to_check.append(_name(item))

    def values(self, item, body):
        found = posts.event_date(item, body.first_paragraph, self.date_field)
        date = found or posts.placeholder_date(item)
        status, publish_at = posts.publication(item)
        if found is None or item.password:
            status, publish_at = Article.Status.DRAFT, None
        if item.password:
            self.report.protected.append(_name(item))
        for name in body.shortcodes:
            self.report.shortcodes[name] += 1
        values = {
            "title": posts.title(item),
            "dek": posts.dek(item),
            "body": body.markdown,
            "event": [date.year, date.month, date.day, date.approximate],
            "status": status,
            "publish_at": publish_at.isoformat() if publish_at else None,
            "tags": posts.tag_names(item),
        }
        return values, found is None

    def changed_fields(self, item, article, values, imported):
        """The fields to update: changed in WordPress, and not edited here since."""
        changed = []
        for name in FIELDS:
            if values[name] == imported.get(name):
                continue
            if current(article, name) == imported.get(name):
                changed.append(name)
            elif current(article, name) != values[name]:
                self.report.kept_edits.append(f"{_name(item)}: {name}")
        return changed

    def picture(self, item, body, article, imported, saved_files):
        """Import the post's picture when it is new or changed in WordPress (and was
        not replaced here); returns whether the article's picture changed."""
        chosen, left_out, missing = choose_picture(
            item, body, self.attachments, self.attachments_by_address
        )
        for problem in missing:
            self.report.pictures_missing.append(f"{_name(item)}: {problem}")
        for address in left_out:
            self.report.pictures_left_out.append(f"{_name(item)}: {address}")
        source = chosen.address if chosen else ""
        previous = imported.get("picture", "")
        if source == previous or not source:
            return False  # unchanged in WordPress, or taken away there: ours stays
        if article.picture and article.picture.name != imported.get("picture_file"):
            # Chosen here (or replaced) since: the editor's picture stays.
            self.report.kept_edits.append(f"{_name(item)}: picture")
            return False
        try:
            upload = read_picture(self.media_dir, source)
        except PictureMissing as problem:
            self.report.pictures_missing.append(f"{_name(item)}: {problem}")
            return False
        imported["picture"] = source
        if not chosen.alt:
            self.report.no_alt.append(_name(item))
        if self.dry_run:
            return True
        replaced = stored_names(article.picture, article.picture_renditions)
        article.picture = upload
        article.picture_renditions = publish(article.picture)
        storage = article.picture.storage
        saved_files[:] = [storage, *stored_names(article.picture, article.picture_renditions)]
        delete_after_commit(storage, replaced)
        imported["picture_file"] = article.picture.name
        article.picture_alt = chosen.alt[:300]
        article.picture_caption = chosen.caption[:300]
        article.picture_decorative = False
        return True


def current(article, name):
    """The article's value of an imported field, as ImportedPost.imported holds it."""
    if name == "event":
        return [
            article.event_year,
            article.event_month,
            article.event_day,
            article.event_approximate,
        ]
    if name == "publish_at":
        return article.publish_at.isoformat() if article.publish_at else None
    if name == "tags":
        if article.pk is None:
            return []
        return sorted((tag.name for tag in article.tags.all()), key=str.casefold)
    return getattr(article, name)


def set_field(article, name, value):
    if name == "event":
        (
            article.event_year,
            article.event_month,
            article.event_day,
            article.event_approximate,
        ) = value
    elif name == "publish_at":
        article.publish_at = value and posts.datetime.datetime.fromisoformat(value)
    elif name != "tags":  # tags are set once the article is saved
        setattr(article, name, value)


def _name(item):
    return f"post {item.post_id} “{posts.title(item)}”"


def _kind(post_type):
    """What the report calls an item that is not a post, in the singular."""
    kinds = {"nav_menu_item": "menu item", "attachment": "attachment", "page": "page"}
    return kinds.get(post_type, f"{post_type or 'untyped'} item")
