"""What an import of the export did, file by file: the counts and each row skipped with why."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from profile_helper.core.contacts.models import RowError
from profile_helper.core.errors import ProfileHelperError

OUTCOMES = ("added", "updated", "unchanged")


class ImportCancelledError(ProfileHelperError):
    """The person cancelled the import; nothing was written."""


@dataclass
class FileReport:
    """One file of the export: rows added, updated, unchanged and skipped (with line and why)."""

    file: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skips: list[RowError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """What the file as a whole made the import do or not do, said once."""

    @property
    def skipped(self) -> int:
        return len(self.skips)

    def count(self, outcome: str, times: int = 1) -> None:
        """Count rows as ``added``, ``updated`` or ``unchanged``."""
        if outcome not in OUTCOMES:
            raise ValueError(outcome)
        setattr(self, outcome, getattr(self, outcome) + times)

    def skip(self, line: int, reason: str) -> None:
        self.skips.append(RowError(line, reason))

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "skips": [{"line": s.line, "reason": s.reason} for s in self.skips],
            "notes": list(self.notes),
        }


@dataclass
class ArchiveReport:
    """Every file read, in the order they were imported, and the files left alone."""

    files: list[FileReport] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    """Files of the export this app does not read (LinkedIn adds new ones now and then)."""
    dry_run: bool = False

    def file(self, name: str) -> FileReport:
        """The report of the file called ``name`` (a ``KeyError`` when it was not read)."""
        for report in self.files:
            if report.file == name:
                return report
        raise KeyError(name)

    def as_dict(self) -> dict[str, Any]:
        return {
            "files": [f.as_dict() for f in self.files],
            "ignored": list(self.ignored),
            "dry_run": self.dry_run,
        }


def combine(outcomes: Sequence[str]) -> str:
    """One row's outcome from its parts': updated if any part was, else added if any was."""
    if "updated" in outcomes:
        return "updated"
    return "added" if "added" in outcomes else "unchanged"
