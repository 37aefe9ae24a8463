"""Briefs from a CSV file (``manage.py import_briefs``, the demo content): the file is
checked whole (size, encoding, header, every row) before anything is saved, and saved
in one transaction, so it is imported entirely or not at all."""

import csv
import os
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from . import rows
from .models import Brief

# Larger files are refused before a byte is read: split them.
MAX_BYTES = 5 * 1024 * 1024


class Refused(Exception):
    """The file as a whole cannot be imported; the message says why."""


class Report(NamedTuple):
    imported: int  # saved (or, on a dry run, that would be)
    already: int  # already saved: left alone
    refused: list  # [(line number, reason)]


def read_file(path):
    """[(line number, row dict)] of the CSV file at ``path``; raises Refused."""
    name = os.path.basename(path)
    try:
        size = os.path.getsize(path)
    except OSError as error:
        raise Refused(
            _("%(name)s cannot be read: %(error)s.") % {"name": name, "error": error.strerror}
        ) from None
    if size == 0:
        raise Refused(
            _("%(name)s is empty: it needs a header line and a row per brief.") % {"name": name}
        )
    if size > MAX_BYTES:
        raise Refused(
            _(
                "%(name)s is %(size).1f MB; briefs are imported from files of up to "
                "%(limit)d MB: split it into smaller files."
            )
            % {"name": name, "size": size / 1024 / 1024, "limit": MAX_BYTES // 1024 // 1024}
        )
    with open(path, encoding="utf-8-sig", newline="") as file:
        reader = csv.DictReader(file)
        try:
            read_header(reader)
            found = [(reader.line_num, row) for row in reader]
        except UnicodeDecodeError:
            raise Refused(
                _("%(name)s is not UTF-8 text (near line %(line)d): save it as “CSV UTF-8”.")
                % {"name": name, "line": reader.line_num + 1}
            ) from None
        except csv.Error as error:
            raise Refused(
                _("Line %(line)d: %(error)s.") % {"line": reader.line_num, "error": error}
            ) from None
    if not found:
        raise Refused(_("%(name)s has a header but no briefs.") % {"name": name})
    return found


def read_header(reader):
    header = [(name or "").strip().casefold() for name in reader.fieldnames or []]
    if not any(header):
        raise Refused(_("The file is empty: it needs a header line and a row per brief."))
    unknown = [name for name in header if name not in rows.COLUMNS]
    missing = [name for name in rows.REQUIRED_COLUMNS if name not in header]
    if unknown or missing or len(set(header)) != len(header):
        raise Refused(
            _(
                "The header line is “%(header)s”; it must name the columns %(columns)s "
                "(the first three required, in any order)."
            )
            % {"header": ",".join(reader.fieldnames), "columns": ", ".join(rows.COLUMNS)}
        )
    reader.fieldnames = header


def check(found, status):
    """The checked rows and the refused ones [(line, reason)]."""
    articles = rows.articles_named([row for _line, row in found])
    checked, refused = [], []
    for line, row in found:
        if None in row:
            refused.append((line, _("it has more cells than the header has columns.")))
            continue
        try:
            checked.append(rows.read_row(row, articles, status))
        except ValidationError as error:
            refused.append((line, describe(error)))
    return checked, refused


def describe(error):
    return " ".join(
        message if field == "__all__" else f"{field}: {message}"
        for field, messages in error.message_dict.items()
        for message in messages
    )


def import_file(path, *, publish=False, dry_run=False):
    """Imports the briefs of the file at ``path``, all or none: a Report, with nothing
    saved when any row is refused. Raises Refused for a file that cannot be read."""
    status = Brief.Status.PUBLISHED if publish else Brief.Status.DRAFT
    checked, refused = check(read_file(path), status)
    if refused:
        return Report(0, 0, refused)
    fresh = rows.new_briefs(checked)
    if fresh and not dry_run:
        rows.write_briefs(fresh)
        rows.settle()
    return Report(len(fresh), len(checked) - len(fresh), [])
