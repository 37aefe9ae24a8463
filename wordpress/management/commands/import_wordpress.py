from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from taggit.models import Tag
from tqdm import tqdm

from articles.models import Article, Author
from historyblog.settle import settle
from wordpress import wxr
from wordpress.importer import Importer
from wordpress.models import ImportedPost, OldAddress


class DryRunDone(Exception):
    """Raised to roll back everything a dry run wrote."""


class Command(BaseCommand):
    help = (
        "Import a WordPress export (Tools → Export, a WXR file): authors, posts, tags, "
        "pictures from the copied uploads folder, event dates, and the old addresses, "
        "which then answer 301. Safe to run again: posts already imported are updated."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", type=Path, help="the .xml file WordPress exported")
        parser.add_argument(
            "--media-dir",
            type=Path,
            help="a copy of the site's wp-content/uploads folder (pictures are read there only)",
        )
        parser.add_argument(
            "--date-field",
            default="event_date",
            help="the custom field holding a post's event date (default: event_date)",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="show what would happen; save nothing"
        )
        parser.add_argument(
            "--progress",
            action="store_true",
            help="show a progress bar even when the output is not a terminal",
        )

    def handle(self, *args, export, media_dir, date_field, dry_run, progress, **options):
        if not export.is_file():
            raise CommandError(f"{export}: no such file.")
        if media_dir is not None and not media_dir.is_dir():
            raise CommandError(f"{media_dir}: no such folder (--media-dir).")
        # Each post's line: always in a dry run, which is for seeing what would happen.
        tell = self.stdout.write if dry_run or options["verbosity"] > 1 else None
        importer = Importer(media_dir=media_dir, date_field=date_field, dry_run=dry_run, tell=tell)
        show_progress = progress or self.stderr.isatty()
        try:
            with wxr.opened(export) as (stream, _):
                for record in wxr.read(stream):
                    importer.learn(record)
            if dry_run:
                try:
                    with transaction.atomic():
                        self.import_posts(export, importer, show_progress)
                        raise DryRunDone
                except DryRunDone:
                    pass
            else:
                self.import_posts(export, importer, show_progress)
        except wxr.WXRError as error:
            raise CommandError(f"{export}: {error}") from None
        except OSError as error:  # unreadable: permissions, a disk error
            raise CommandError(f"{export}: {error.strerror or error}") from None
        for line in importer.report.lines():
            self.stdout.write(line)
        if not dry_run:
            self.settle()

    def import_posts(self, export, importer, show_progress):
        with (
            wxr.opened(export) as (stream, file),
            tqdm(
                total=export.stat().st_size,
                unit="B",
                unit_scale=True,
                desc="Importing",
                disable=not show_progress,
                file=self.stderr._out,  # the stream itself: the bar writes no line ends
            ) as bar,
        ):
            for record in wxr.read(stream):
                if isinstance(record, wxr.Item):
                    importer.take(record)
                    bar.update(file.tell() - bar.n)

    def settle(self):
        """Settle the tables the import filled (historyblog.settle), so that search and
        the reader pages get good plans at once, not after autovacuum comes by."""
        settle(Article, Author, ImportedPost, OldAddress, Tag)
