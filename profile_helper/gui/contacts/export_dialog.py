"""Export contacts (CSV or vCard: all, the list shown, or the selection) and follow-ups (.ics).

Every contact is the default: one selected row is where the person happens to be, not a choice
of whom to export; several selected rows are.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from profile_helper.core.contacts.export import export_contacts, export_follow_ups
from profile_helper.core.errors import ProfileHelperError
from profile_helper.gui.common import msgbox
from profile_helper.gui.common.background import BackgroundOp, Progress
from profile_helper.gui.common.context import AppContext
from profile_helper.gui.common.worker_db import Opener, worker_opener
from profile_helper.gui.contacts.bulk import contacts as count_contacts

WHAT = (
    ("Contacts as CSV (opens in any spreadsheet)", "csv", "contacts.csv", "CSV (*.csv)"),
    (
        "Contacts as vCard 3.0 (phones, Apple and Google Contacts)",
        "vcard",
        "contacts.vcf",
        "vCard (*.vcf)",
    ),
    (
        "Open follow-ups as a calendar (.ics, with reminders)",
        "ics",
        "follow-ups.ics",
        "iCalendar (*.ics)",
    ),
)


def _export(
    opener: Opener, path: Path, fmt: str, ids: list[int] | None, _progress: Progress
) -> int:
    conn = opener()
    try:
        if fmt == "ics":
            return export_follow_ups(conn, path)
        return export_contacts(conn, path, fmt, ids=ids)
    finally:
        conn.close()


class ExportDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        selected: list[int],
        filtered: list[int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.selected = selected
        self.filtered = filtered
        self.op: BackgroundOp[Any] | None = None
        # Every op started stays referenced until it has finished: a newer one replacing
        # ``self.op`` must not free an older one whose signals are still on their way.
        self._running_ops: list[BackgroundOp[Any]] = []
        self.setWindowTitle("Export")
        self.what = QComboBox()
        for label, *_rest in WHAT:
            self.what.addItem(label)
        self.what.setAccessibleName("What to export")
        self.what.currentIndexChanged.connect(self._update)
        self._build_scope()
        scope = QVBoxLayout()
        for button in (self.all_button, self.filtered_button, self.selected_button):
            scope.addWidget(button)
        form = QFormLayout()
        form.addRow("Export", self.what)
        form.addRow("Which", scope)
        self.note = QLabel(
            "Cells that a spreadsheet would run as formulas are made safe in CSV files."
        )
        self.note.setObjectName("Muted")
        self.note.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.close_button = QPushButton("Close")
        self.close_button.clicked.connect(self.reject)
        self.export_button = QPushButton("Export…")
        self.export_button.setObjectName("Primary")
        self.export_button.clicked.connect(self.choose_and_export)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        self._update()

    def _build_scope(self) -> None:
        """Every contact, the list shown, or the selection: the selection when it is several."""
        selected, filtered = self.selected, self.filtered
        self.scope = QButtonGroup(self)
        self.all_button = QRadioButton("Every contact")
        self.filtered_button = QRadioButton(f"The {count_contacts(len(filtered))} in the list now")
        self.selected_button = QRadioButton(
            "The selected contact"
            if len(selected) == 1
            else f"The {count_contacts(len(selected))} selected"
        )
        self.selected_button.setEnabled(bool(selected))
        for number, button in enumerate(
            (self.all_button, self.filtered_button, self.selected_button)
        ):
            self.scope.addButton(button, number)
        (self.selected_button if len(selected) > 1 else self.all_button).setChecked(True)

    def _update(self) -> None:
        contacts = WHAT[self.what.currentIndex()][1] != "ics"
        for button in (self.all_button, self.filtered_button, self.selected_button):
            button.setVisible(contacts)

    def chosen_ids(self) -> list[int] | None:
        if self.selected_button.isChecked():
            return self.selected
        if self.filtered_button.isChecked():
            return self.filtered
        return None

    def choose_and_export(self) -> None:
        _label, _fmt, default, pattern = WHAT[self.what.currentIndex()]
        name, _ = QFileDialog.getSaveFileName(
            self, "Export to", str(Path.home() / default), pattern
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        fmt = WHAT[self.what.currentIndex()][1]
        ids = None if fmt == "ics" else self.chosen_ids()
        opener = worker_opener(self.ctx)
        self.export_button.setEnabled(False)
        self.progress.show()
        self.op = BackgroundOp(
            lambda p: _export(opener, path, fmt, ids, p),
            lambda count: self._done(path, count),
            on_failure=self._failed,
            parent=self,
        )
        self._run(self.op)

    def _done(self, path: Path, count: object) -> None:
        self.progress.hide()
        self.export_button.setEnabled(True)
        number = int(count) if isinstance(count, int) else 0
        if path.suffix == ".ics":
            what = "1 follow-up" if number == 1 else f"{number:,} follow-ups"
        else:
            what = count_contacts(number)
        self.note.setText(f"Exported {what} to {path}.")
        self.close_button.setText("Done")

    def _failed(self, error: BaseException) -> None:
        self.progress.hide()
        self.export_button.setEnabled(True)
        if isinstance(error, ProfileHelperError):
            msgbox.show_error(self, "Export failed", error.message)
            return
        raise error

    def _run(self, op: BackgroundOp[Any]) -> None:
        self._running_ops.append(op)
        op.signals.finished.connect(lambda: self._running_ops.remove(op))
        op.start()
