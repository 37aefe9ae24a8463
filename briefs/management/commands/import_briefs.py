from django.core.management.base import BaseCommand, CommandError

from briefs import csvfile


class Command(BaseCommand):
    help = (
        "Import briefs from a UTF-8 CSV file with the columns date, kind, text (required) "
        "and tags, source, article (optional); see README. All or nothing: if any row is "
        "refused, nothing is saved. Briefs already there (same date, kind and text) are "
        "left alone, so the file can be imported again."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The CSV file.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check every row and report; save nothing."
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish the briefs now (by default they are saved as drafts).",
        )

    def handle(self, *args, **options):
        try:
            report = csvfile.import_file(
                options["file"], publish=options["publish"], dry_run=options["dry_run"]
            )
        except csvfile.Refused as refused:
            raise CommandError(str(refused)) from None
        if report.refused:
            for line, reason in report.refused:
                self.stderr.write(f"Line {line}: {reason}")
            raise CommandError(
                f"Nothing imported: {len(report.refused)} row(s) refused. Correct them and "
                "run the import again."
            )
        verb = "Would import" if options["dry_run"] else "Imported"
        state = "published" if options["publish"] else "as drafts"
        self.stdout.write(
            f"{verb} {report.imported} brief(s) {state}; {report.already} already there."
        )
