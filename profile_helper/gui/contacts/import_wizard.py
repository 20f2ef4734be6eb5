"""The import wizard: choose a file, check the preview (and the columns of a CSV), import.

Reading and writing run off the GUI thread with their own database connection; the import is
one transaction, so Cancel (or a crash) leaves the contacts as they were.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from profile_helper.core.contacts.csv_io import FIELDS, auto_mapping, read_headers
from profile_helper.core.contacts.importer import (
    ImportReport,
    apply_import,
    detect_format,
    import_file,
    open_import,
)
from profile_helper.core.contacts.models import ContactDraft
from profile_helper.core.errors import ProfileHelperError
from profile_helper.gui.common.background import BackgroundOp, Progress
from profile_helper.gui.common.context import AppContext
from profile_helper.gui.common.work_dialog import WorkDialog
from profile_helper.gui.common.worker_db import Opener, worker_opener

FORMAT_CHOICES = (
    ("Detect from the file", "auto"),
    ("LinkedIn Connections.csv or export ZIP", "linkedin"),
    ("CSV with columns to map", "csv"),
    ("vCard (.vcf)", "vcard"),
)
PREVIEW_ROWS = 8


@dataclass
class Preview:
    fmt: str
    report: ImportReport
    names: list[tuple[str, str, str]]
    headers: list[str]
    mapping: dict[str, str]


def _preview(
    opener: Opener, path: Path, fmt: str, mapping: dict[str, str] | None, _p: Progress
) -> Preview:
    """Dry-run the import, reading the file as it goes: what would be added, updated, skipped."""
    real = detect_format(path) if fmt == "auto" else fmt
    headers: list[str] = []
    if real == "csv":
        headers = read_headers(path)
        mapping = mapping if mapping is not None else auto_mapping(headers)
    names: list[tuple[str, str, str]] = []

    def first_names(rows: Iterator[tuple[int, ContactDraft]]) -> Iterator[tuple[int, ContactDraft]]:
        for line, draft in rows:
            if len(names) < PREVIEW_ROWS:
                names.append((draft.full_name, draft.company, draft.position))
            yield line, draft

    conn = opener()
    try:
        with open_import(path, real, mapping) as parsed:
            parsed.rows = first_names(parsed.rows)
            report = apply_import(conn, parsed, dry_run=True)
    finally:
        conn.close()
    return Preview(real, report, names, headers, mapping or {})


def _run_import(
    opener: Opener, path: Path, fmt: str, mapping: dict[str, str] | None, progress: Progress
) -> ImportReport:
    def report(done: int, total: int) -> None:
        progress.check()  # Cancel raises here, inside the transaction: it rolls back.
        progress.report(done, total, "Importing…")

    conn = opener()
    try:
        return import_file(conn, path, fmt, mapping=mapping, progress=report)
    finally:
        conn.close()


class ImportWizard(WorkDialog):
    imported = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Import contacts")
        self.resize(720, 560)
        self.path: Path | None = None
        self.preview: Preview | None = None
        self.result_report: ImportReport | None = None

        intro = QLabel(
            "Choose LinkedIn's Connections.csv or the whole export ZIP (Settings → Data privacy → "
            "Get a copy of your data), a CSV from a spreadsheet, or a vCard file. Nothing is "
            "written until you press Import, and people already here are updated, not repeated."
        )
        intro.setWordWrap(True)
        top = self._build_file_row()
        self._build_tables()
        buttons = self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.preview_table, 2)
        layout.addWidget(self.mapping_label)
        layout.addWidget(self.mapping_table, 2)
        layout.addWidget(self.remap_button)
        layout.addLayout(buttons)
        self._show_mapping(False)

    # -- building -------------------------------------------------------------------------
    def _build_file_row(self) -> QHBoxLayout:
        self.file_label = QLabel("No file chosen")
        self.file_label.setObjectName("Muted")
        choose = QPushButton("Choose file…")
        choose.clicked.connect(self.choose_file)
        self.format = QComboBox()
        for label, value in FORMAT_CHOICES:
            self.format.addItem(label, value)
        self.format.setAccessibleName("File format")
        self.format.currentIndexChanged.connect(lambda _i: self.refresh_preview())
        top = QHBoxLayout()
        top.addWidget(choose)
        top.addWidget(self.file_label, 1)
        top.addWidget(self.format)
        return top

    def _build_tables(self) -> None:
        """The preview of the first contacts, and the column mapping for a foreign CSV."""
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        self.preview_table = QTableWidget(0, 3)
        self.preview_table.setHorizontalHeaderLabels(["Name", "Company", "Position"])
        self.preview_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.preview_table.verticalHeader().hide()
        self.preview_table.setAccessibleName("Preview of the first contacts")
        self.mapping_label = QLabel("Which column holds what (our own export needs no changes):")
        self.mapping_table = QTableWidget(0, 2)
        self.mapping_table.setHorizontalHeaderLabels(["Field", "Column in the file"])
        self.mapping_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.mapping_table.verticalHeader().hide()
        self.mapping_table.setAccessibleName("Column mapping")
        self.remap_button = QPushButton("Preview with these columns")
        self.remap_button.clicked.connect(self.refresh_preview)

    def _build_buttons(self) -> QHBoxLayout:
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Import progress")
        self.progress.hide()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.cancel_or_close)
        self.import_button = QPushButton("Import")
        self.import_button.setObjectName("Primary")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.import_button)
        return buttons

    # -- choosing and previewing ----------------------------------------------------------
    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            "Choose a file to import",
            str(Path.home()),
            "Contacts (*.csv *.zip *.vcf *.vcard *.txt);;All files (*)",
        )
        if name:
            self.set_file(Path(name))

    def set_file(self, path: Path) -> None:
        self.path = path
        self.file_label.setText(path.name)
        self.mapping_table.setRowCount(0)
        self.refresh_preview()

    def current_mapping(self) -> dict[str, str] | None:
        if self.mapping_table.rowCount() == 0:
            return None
        mapping = {}
        for row in range(self.mapping_table.rowCount()):
            combo = self.mapping_table.cellWidget(row, 1)
            item = self.mapping_table.item(row, 0)
            if isinstance(combo, QComboBox) and item is not None and combo.currentIndex() > 0:
                mapping[str(item.data(256))] = combo.currentText()
        return mapping

    def refresh_preview(self) -> None:
        if self.path is None or self.is_running():
            return
        path, fmt, mapping = self.path, str(self.format.currentData()), self.current_mapping()
        self.import_button.setEnabled(False)
        self.summary.setText("Reading the file…")
        opener = worker_opener(self.ctx)
        self.run(
            BackgroundOp(
                lambda p: _preview(opener, path, fmt, mapping, p),
                self._preview_ready,
                on_failure=self._failed,
                parent=self,
            )
        )

    def _preview_ready(self, preview: object) -> None:
        assert isinstance(preview, Preview)
        self.work_ended()
        self.preview = preview
        r = preview.report
        text = (
            f"<b>{r.added:,}</b> new, <b>{r.updated:,}</b> already here (will be updated), "
            f"<b>{r.unchanged:,}</b> already here and unchanged, <b>{r.skipped:,}</b> skipped."
        )
        if r.errors:
            shown = "; ".join(f"line {e.line}: {e.reason}" for e in r.errors[:3])
            text += f"<br><span>Skipped: {shown}{' …' if len(r.errors) > 3 else ''}</span>"
        self.summary.setText(text)
        self.preview_table.setRowCount(len(preview.names))
        for row, values in enumerate(preview.names):
            for column, value in enumerate(values):
                self.preview_table.setItem(row, column, QTableWidgetItem(value))
        if preview.fmt == "csv" and self.mapping_table.rowCount() == 0:
            self._fill_mapping(preview.headers, preview.mapping)
        self._show_mapping(preview.fmt == "csv")
        self.import_button.setEnabled(r.added + r.updated > 0)

    def _fill_mapping(self, headers: list[str], mapping: dict[str, str]) -> None:
        self.mapping_table.setRowCount(len(FIELDS))
        for row, (field, label) in enumerate(FIELDS.items()):
            item = QTableWidgetItem(label)
            item.setData(256, field)
            self.mapping_table.setItem(row, 0, item)
            combo = QComboBox()
            combo.addItem("(not imported)")
            combo.addItems(headers)
            combo.setAccessibleName(f"Column for {label}")
            if field in mapping:
                combo.setCurrentText(mapping[field])
            self.mapping_table.setCellWidget(row, 1, combo)

    def _show_mapping(self, visible: bool) -> None:
        for widget in (self.mapping_label, self.mapping_table, self.remap_button):
            widget.setVisible(visible)

    def _failed(self, error: BaseException) -> None:
        self.work_ended()
        self._finish_running()
        if isinstance(error, ProfileHelperError):
            self.summary.setText(f"<b>This file cannot be imported.</b> {error.message}")
            self.import_button.setEnabled(False)
            return
        raise error

    # -- importing ------------------------------------------------------------------------
    def start_import(self) -> None:
        if self.path is None or self.preview is None:
            return
        path, fmt, mapping = self.path, self.preview.fmt, self.current_mapping()
        opener = worker_opener(self.ctx)
        self.import_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.setText("Cancel")
        self.run(
            BackgroundOp(
                lambda p: _run_import(opener, path, fmt, mapping, p),
                self._imported,
                on_failure=self._failed,
                on_progress=self._progress,
                on_cancelled=self._cancelled,
                parent=self,
            )
        )

    def _progress(self, done: int, total: int, _text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _imported(self, report: object) -> None:
        assert isinstance(report, ImportReport)
        self.result_report = report
        self.work_ended()
        self._finish_running()
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.summary.setText(
            f"<b>Imported.</b> {report.added:,} added, {report.updated:,} updated, "
            f"{report.unchanged:,} unchanged, {report.skipped:,} skipped."
        )
        self.cancel_button.setText("Close")
        self.imported.emit()

    def _cancelled(self) -> None:
        self.work_ended()
        self._finish_running()
        self.progress.hide()
        self.summary.setText("Import cancelled; nothing was changed.")
        self.import_button.setEnabled(True)

    def _finish_running(self) -> None:
        self.cancel_button.setText("Close")

    def has_result(self) -> bool:
        return self.result_report is not None
