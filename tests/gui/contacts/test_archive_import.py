"""The LinkedIn export dialog: a dry-run preview, then the import, a cancel, a refusal."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pytestqt.qtbot import QtBot

from profile_helper.core.linkedin_archive.report import ArchiveReport, FileReport
from profile_helper.gui.common.context import AppContext
from profile_helper.gui.contacts.archive_import import ArchiveImportDialog, skip_lines
from tests.core.linkedin_archive import archive_factory


def _counts(db: sqlite3.Connection) -> tuple[int, int]:
    contacts = db.execute("SELECT count(*) FROM contacts").fetchone()[0]
    interactions = db.execute("SELECT count(*) FROM interactions").fetchone()[0]
    return int(contacts), int(interactions)


def _dialog(qtbot: QtBot, ctx: AppContext) -> ArchiveImportDialog:
    dialog = ArchiveImportDialog(ctx)
    qtbot.addWidget(dialog)
    return dialog


def test_preview_writes_nothing_and_import_writes_it_all(
    qtbot: QtBot, db: sqlite3.Connection, ctx: AppContext, tmp_path: Path
) -> None:
    export = archive_factory.write_zip(tmp_path / "export.zip", archive_factory.export_files())
    dialog = _dialog(qtbot, ctx)
    before = _counts(db)
    dialog.set_path(export)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=60_000)
    assert "Ready to import" in dialog.summary.text()
    files = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]  # type: ignore[union-attr]
    assert "Connections.csv" in files and "messages.csv" in files
    assert _counts(db) == before  # the preview was a dry run

    dialog.import_button.click()
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=60_000)
    assert "Imported" in dialog.summary.text()
    contacts, interactions = _counts(db)
    assert contacts > before[0] and interactions > before[1]
    assert dialog.cancel_button.text() == "Close"


def test_the_same_export_again_has_nothing_new(
    qtbot: QtBot, db: sqlite3.Connection, ctx: AppContext, tmp_path: Path
) -> None:
    export = archive_factory.write_zip(tmp_path / "export.zip", archive_factory.export_files())
    first = _dialog(qtbot, ctx)
    first.set_path(export)
    qtbot.waitUntil(first.import_button.isEnabled, timeout=60_000)
    with qtbot.waitSignal(first.imported, timeout=60_000):
        first.import_button.click()
    again = _dialog(qtbot, ctx)
    again.set_path(export)
    qtbot.waitUntil(lambda: "Nothing new" in again.summary.text(), timeout=60_000)
    assert not again.import_button.isEnabled()


def test_an_export_without_connections_is_refused_with_its_reason(
    qtbot: QtBot, db: sqlite3.Connection, ctx: AppContext, tmp_path: Path
) -> None:
    files = archive_factory.export_files()
    del files["Connections.csv"]
    export = archive_factory.write_zip(tmp_path / "export.zip", files)
    dialog = _dialog(qtbot, ctx)
    dialog.set_path(export)
    qtbot.waitUntil(lambda: "cannot be imported" in dialog.summary.text(), timeout=60_000)
    assert "Connections.csv" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()


def test_skipped_rows_are_listed_with_a_limit() -> None:
    report = ArchiveReport(files=[FileReport("messages.csv")])
    for line in range(1, 6):
        report.files[0].skip(line, "no date")
    assert skip_lines(report, limit=3) == [
        "messages.csv, line 1: no date",
        "messages.csv, line 2: no date",
        "messages.csv, line 3: no date",
        "… and 2 more",
    ]


def test_cancel_during_the_import_leaves_everything_as_it_was(
    qtbot: QtBot, db: sqlite3.Connection, ctx: AppContext, tmp_path: Path
) -> None:
    export = archive_factory.write_big_zip(tmp_path / "big.zip", 3_000, 20_000)
    dialog = _dialog(qtbot, ctx)
    dialog.set_path(export)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=60_000)
    before = _counts(db)
    dialog.import_button.click()
    assert dialog.op is not None
    # Cancel at the first progress report: the import is under way, inside its transaction.
    dialog.op.signals.progress.connect(lambda *_: dialog.cancel_or_close())
    qtbot.waitUntil(lambda: "Cancelled" in dialog.summary.text(), timeout=60_000)
    assert _counts(db) == before
    assert dialog.import_button.isEnabled()
