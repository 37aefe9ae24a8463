"""What an import did, counted and listed for the editor who runs it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Report:
    dry_run: bool = False
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: Counter = field(default_factory=Counter)  # reason -> count
    skipped_posts: list[str] = field(default_factory=list)  # private and trash posts
    comments: int = 0
    protected: list[str] = field(default_factory=list)
    bodies_to_check: list[str] = field(default_factory=list)
    needs_date: list[str] = field(default_factory=list)
    pictures_missing: list[str] = field(default_factory=list)
    no_alt: list[str] = field(default_factory=list)
    pictures_left_out: list[str] = field(default_factory=list)
    shortcodes: Counter = field(default_factory=Counter)
    kept_edits: list[str] = field(default_factory=list)
    authors_to_complete: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def lines(self):
        """The summary, a line each, lists indented under their heading."""
        would = "would be " if self.dry_run else ""
        yield (
            f"Articles {would}created: {self.created}, {would}updated: {self.updated}, "
            f"unchanged: {self.unchanged}."
        )
        skipped = ", ".join(_count(count, kind) for kind, count in sorted(self.skipped.items()))
        comments = _count(self.comments, "comment")
        yield f"Skipped: {skipped or 'nothing'}; {comments} (not imported)."
        sections = (
            ("Private and trashed posts, not imported", self.skipped_posts),
            ("Password-protected posts, imported as drafts", self.protected),
            ("Bodies to check (an element left open hides text)", self.bodies_to_check),
            ("Drafts needing an event date (no date found)", self.needs_date),
            ("Pictures missing or refused", self.pictures_missing),
            ("Pictures without alt text (describe them in the admin)", self.no_alt),
            ("Pictures in bodies left out (an article has one picture)", self.pictures_left_out),
            ("Edits made here kept (WordPress changed the same field)", self.kept_edits),
            ("Authors to complete (WordPress exports no bio)", self.authors_to_complete),
            ("Posts that failed (nothing of them was saved)", self.failed),
        )
        for heading, entries in sections:
            if entries:
                yield f"{heading}: {len(entries)}"
                for entry in entries:
                    yield f"  - {entry}"
        if self.shortcodes:
            counts = sorted(self.shortcodes.items())
            names = ", ".join(f"[{name}] x{count}" for name, count in counts)
            yield f"Shortcodes removed (what they enclosed was kept): {names}"
        if self.dry_run:
            yield "Dry run: nothing was saved."


def _count(number, noun):
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
