"""Import LinkedIn's whole data export: choose it, see what each file would change, import.

The preview is a dry run of the real import (every file read, nothing kept), so its counts are
what Import will do. Both run off the GUI thread with their own connection; the import is one
transaction, so Cancel (or a crash) leaves everything as it was.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from profile_helper.core.errors import ProfileHelperError
from profile_helper.core.linkedin_archive.report import ArchiveReport, ImportCancelledError
from profile_helper.core.linkedin_archive.run import import_archive
from profile_helper.gui.common.background import BackgroundOp, Progress
from profile_helper.gui.common.changes import Change
from profile_helper.gui.common.context import AppContext
from profile_helper.gui.common.work_dialog import WorkDialog
from profile_helper.gui.common.worker_db import Opener, worker_opener

COLUMNS = ("File", "Added", "Updated", "Unchanged", "Skipped")
# The skipped rows listed under the table; the rest are counted.
MAX_SKIPS_SHOWN = 200

INTRO = (
    "LinkedIn gives you a copy of your data: on LinkedIn, open <i>Settings &amp; Privacy → Data "
    "privacy → Get a copy of your data</i>, and download the ZIP it sends you. Choose that ZIP "
    "(or its unpacked folder) here: your profile, positions, education, certifications and "
    "skills, your connections, the dates of your messages, pending invitations and the jobs you "
    "applied to come in at once. Importing it again later only brings what is new."
)


def _work(
    opener: Opener, path: Path, dry_run: bool, with_text: bool, progress: Progress
) -> ArchiveReport:
    def report(name: str, rows: int) -> None:
        progress.check()  # Cancel raises here, inside the transaction: it rolls back.
        progress.report(rows, 0, name)

    conn = opener()
    try:
        return import_archive(
            conn,
            path,
            dry_run=dry_run,
            with_message_text=with_text,
            progress=report,
            cancelled=lambda: progress.cancelled,
        )
    finally:
        conn.close()


def skip_lines(report: ArchiveReport, limit: int = MAX_SKIPS_SHOWN) -> list[str]:
    """One line per skipped row, ``file, line N: reason``, at most ``limit`` and a count."""
    lines = [f"{f.file}, line {s.line}: {s.reason}" for f in report.files for s in f.skips]
    if len(lines) > limit:
        lines = [*lines[:limit], f"… and {len(lines) - limit:,} more"]
    return lines


class ArchiveImportDialog(WorkDialog):
    """The dialog; ``imported`` is emitted once an import has been written."""

    imported = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Import your LinkedIn data export")
        self.resize(760, 600)
        self.path: Path | None = None
        self.report: ArchiveReport | None = None

        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self._build_source_row())
        self.with_text = QCheckBox("Also keep the text of my messages")
        self.with_text.setToolTip(
            "Without this, each message is kept as its date, who wrote it and the conversation "
            "only: enough for \u201clast interaction\u201d and stay-in-touch reminders."
        )
        layout.addWidget(self.with_text)
        self.summary = QLabel("Choose the export to see what it holds. Nothing is written yet.")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = self._build_table()
        layout.addWidget(self.table, 2)
        self.skips = QPlainTextEdit()
        self.skips.setReadOnly(True)
        self.skips.setAccessibleName("Rows left out")
        self.skips.setPlaceholderText("Rows that cannot be imported are listed here, with why.")
        layout.addWidget(self.skips, 1)
        layout.addLayout(self._build_buttons())

    # -- building -------------------------------------------------------------------------
    def _build_source_row(self) -> QHBoxLayout:
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText("No export chosen")
        self.path_edit.setAccessibleName("Export chosen")
        zip_button = QPushButton("Choose ZIP…")
        zip_button.setToolTip("The ZIP file LinkedIn sent (or one CSV file from it)")
        zip_button.clicked.connect(self.choose_file)
        folder_button = QPushButton("Choose folder…")
        folder_button.setToolTip("The folder you unpacked the ZIP into")
        folder_button.clicked.connect(self.choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(zip_button)
        row.addWidget(folder_button)
        return row

    def _build_table(self) -> QTableWidget:
        table = QTableWidget(0, len(COLUMNS))
        table.setHorizontalHeaderLabels(list(COLUMNS))
        table.setAccessibleName("What each file of the export brings")
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _build_buttons(self) -> QHBoxLayout:
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Import progress")
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.import_button = QPushButton("Import")
        self.import_button.setObjectName("Primary")
        self.import_button.setEnabled(False)
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.cancel_or_close)
        # As in the contacts import: Cancel, then the primary action on the right.
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addStretch()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.import_button)
        return buttons

    # -- choosing -------------------------------------------------------------------------
    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            "Choose LinkedIn's data export",
            str(Path.home()),
            "LinkedIn export (*.zip *.csv);;All files (*)",
        )
        if name:
            self.set_path(Path(name))

    def choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(
            self, "Choose the unpacked export folder", str(Path.home())
        )
        if name:
            self.set_path(Path(name))

    def set_path(self, path: Path) -> None:
        """Show ``path`` and dry-run the import of it."""
        if self.is_running():
            return
        self.path = path
        self.report = None
        self.path_edit.setText(str(path))
        self.import_button.setEnabled(False)
        self.table.setRowCount(0)
        self.skips.clear()
        self.summary.setText("Reading the export…")
        self._start(dry_run=True)

    # -- running --------------------------------------------------------------------------
    def _start(self, *, dry_run: bool) -> None:
        assert self.path is not None
        path, with_text = self.path, self.with_text.isChecked()
        opener = worker_opener(self.ctx)
        self.progress.setRange(0, 0)
        self.progress.setFormat("Starting…")
        self.progress.show()
        self.cancel_button.setText("Cancel")
        self.run(
            BackgroundOp(
                lambda p: _work(opener, path, dry_run, with_text, p),
                self._imported if not dry_run else self._previewed,
                on_failure=self._failed,
                on_progress=self._progress,
                on_cancelled=self._cancelled,
                parent=self,
            )
        )

    def start_import(self) -> None:
        if self.path is None or self.is_running():
            return
        self.import_button.setEnabled(False)
        self.with_text.setEnabled(False)
        self.summary.setText("Importing…")
        self._start(dry_run=False)

    def _progress(self, rows: int, _total: int, name: str) -> None:
        self.progress.setFormat(f"{name}: {rows:,} rows")

    def _show(self, report: ArchiveReport) -> None:
        self.table.setRowCount(len(report.files))
        for row, file_report in enumerate(report.files):
            values = (
                file_report.file,
                file_report.added,
                file_report.updated,
                file_report.unchanged,
                file_report.skipped,
            )
            for column, value in enumerate(values):
                text = value if isinstance(value, str) else f"{value:,}"
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.skips.setPlainText("\n".join(skip_lines(report)))

    def _totals(self, report: ArchiveReport) -> str:
        added = sum(f.added for f in report.files)
        updated = sum(f.updated for f in report.files)
        unchanged = sum(f.unchanged for f in report.files)
        skipped = sum(f.skipped for f in report.files)
        return f"{added:,} added, {updated:,} updated, {unchanged:,} unchanged, {skipped:,} skipped"

    def _previewed(self, report: object) -> None:
        assert isinstance(report, ArchiveReport)
        self._stop_running()
        self._show(report)
        if not any(f.added or f.updated for f in report.files):
            self.summary.setText(f"<b>Nothing new in this export.</b> {self._totals(report)}.")
            return
        ignored = (
            f" Files this app does not read: {', '.join(report.ignored)}." if report.ignored else ""
        )
        self.summary.setText(
            f"<b>Ready to import.</b> It would bring: {self._totals(report)}.{ignored}"
        )
        self.import_button.setEnabled(True)

    def _imported(self, report: object) -> None:
        assert isinstance(report, ArchiveReport)
        self.report = report
        self._stop_running()
        self._show(report)
        self.summary.setText(f"<b>Imported.</b> {self._totals(report)}.")
        self.cancel_button.setText("Close")
        self.imported.emit()
        self.ctx.data_changed.emit(Change.ALL)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ImportCancelledError):
            self._cancelled()
            return
        self._stop_running()
        if isinstance(error, ProfileHelperError):
            self.summary.setText(f"<b>This cannot be imported.</b> {error.message}")
            self.import_button.setEnabled(False)
            return
        raise error

    def _cancelled(self) -> None:
        self._stop_running()
        self.summary.setText("Cancelled; nothing was changed.")
        self.import_button.setEnabled(self.path is not None)

    def _stop_running(self) -> None:
        self.work_ended()
        self.progress.hide()
        self.with_text.setEnabled(True)
        self.cancel_button.setText("Close")

    def has_result(self) -> bool:
        return self.report is not None
