"""The dialog that adds or edits an application; pasting a job description fills in the rest."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from profile_helper.core.applications.jobtext import guess
from profile_helper.core.applications.models import Application, ApplicationDraft
from profile_helper.gui.common import msgbox
from profile_helper.gui.common.widgets import FieldError, date_edit, dialog_buttons


class ApplicationDialog(QDialog):
    """Company, role, posting and the job description; for a new one, whether it was sent.

    Company and role are guessed from a pasted description until the person types in them.
    """

    def __init__(self, parent: QWidget | None = None, app: Application | None = None) -> None:
        super().__init__(parent)
        self.editing = app is not None
        self.setWindowTitle("Edit application" if app else "Add an application")
        self.setMinimumWidth(560)
        self.job_text = QPlainTextEdit(app.job_text if app else "")
        self.job_text.setPlaceholderText(
            "Paste the job description here: the company and the role are filled in when the "
            "text names them."
        )
        self.job_text.setAccessibleName("Job description")
        self.job_text.setMinimumHeight(150)
        self.company = QLineEdit(app.company if app else "")
        self.company.setAccessibleName("Company")
        self.role = QLineEdit(app.role if app else "")
        self.role.setAccessibleName("Role")
        self.url = QLineEdit(app.url if app else "")
        self.url.setPlaceholderText("https://")
        self.url.setAccessibleName("Posting address")
        self.source = QLineEdit(app.source if app else "")
        self.source.setPlaceholderText("LinkedIn, referral, company site…")
        self.salary = QLineEdit(app.salary if app else "")
        self.salary.setPlaceholderText("e.g. €65–75k")
        for edit in (self.company, self.role, self.url, self.source, self.salary):
            edit.setCursorPosition(0)  # a long value shows its start, not its end
        self.notes = QPlainTextEdit(app.notes if app else "")
        self.notes.setMaximumHeight(70)
        self.applied = QCheckBox("I applied on")
        self.applied.setChecked(True)
        self.applied_on = date_edit("Applied on")
        self.applied_on.setMaximumDate(QDate.currentDate())
        self.applied.toggled.connect(self.applied_on.setEnabled)
        self.error = FieldError()
        self.guess_note = QLabel()
        self.guess_note.setObjectName("Muted")
        self._lay_out()
        self._connect(app)
        (self.company if app else self.job_text).setFocus(Qt.FocusReason.OtherFocusReason)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow("Job description", self.job_text)
        form.addRow("", self.guess_note)
        form.addRow("&Company", self.company)
        form.addRow("&Role", self.role)
        form.addRow("Posting", self.url)
        form.addRow("Source", self.source)
        form.addRow("Salary range", self.salary)
        form.addRow("Notes", self.notes)
        if not self.editing:
            row = QHBoxLayout()
            row.addWidget(self.applied)
            row.addWidget(self.applied_on)
            row.addStretch(1)
            form.addRow("", row)
        buttons = dialog_buttons(self, QDialogButtonBox.StandardButton.Save)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _connect(self, app: Application | None) -> None:
        """Company and role are checked as they change; the description fills them in."""
        self._typed = {self.company: bool(app), self.role: bool(app)}
        self._tried = False
        self.company.textEdited.connect(lambda _: self._typed.__setitem__(self.company, True))
        self.role.textEdited.connect(lambda _: self._typed.__setitem__(self.role, True))
        self.job_text.textChanged.connect(self._prefill)
        for field in (self.company, self.role):
            field.textChanged.connect(self._check)
            field.textEdited.connect(self._check)  # after it is marked typed, just above
        self._check()
        self._initial = self.draft()

    def _prefill(self) -> None:
        found = guess(self.job_text.toPlainText())
        filled = []
        for field, value, name in (
            (self.company, found.company, "company"),
            (self.role, found.role, "role"),
        ):
            if not self._typed[field] and value:
                field.setText(value)
                filled.append(name)
        self.guess_note.setText(
            f"Filled in from the description: {' and '.join(filled)}. Check them." if filled else ""
        )

    def draft(self) -> ApplicationDraft:
        return ApplicationDraft(
            company=self.company.text(),
            role=self.role.text(),
            url=self.url.text(),
            job_text=self.job_text.toPlainText(),
            source=self.source.text(),
            salary=self.salary.text(),
            notes=self.notes.toPlainText(),
        )

    def applied_day(self) -> date | None:
        if self.editing or not self.applied.isChecked():
            return None
        return date.fromisoformat(self.applied_on.date().toString("yyyy-MM-dd"))

    def _missing(self) -> list[tuple[QLineEdit, str]]:
        return [
            (field, name)
            for field, name in ((self.company, "the company"), (self.role, "the role"))
            if not field.text().strip()
        ]

    def _check(self) -> None:
        """Save is enabled once company and role are given; a shown error follows the fields."""
        missing = self._missing()
        self.save_button.setEnabled(not missing)
        # Only about the fields the person typed in, or all of them once Save was tried.
        self._show_missing([m for m in missing if self._tried or self._typed[m[0]]])

    def _show_missing(self, missing: list[tuple[QLineEdit, str]]) -> None:
        self.error.set_message(f"Give {' and '.join(n for _, n in missing)}." if missing else "")

    def is_dirty(self) -> bool:
        return self.draft() != self._initial

    def reject(self) -> None:
        """Cancel, Escape or the close box: unsaved changes ask Save, Discard or Cancel."""
        if not self.is_dirty():
            super().reject()
            return
        what = "this application" if self.editing else "the new application"
        answer = msgbox.ask_unsaved(self, "Unsaved changes", f"Save your changes to {what}?")
        if answer is msgbox.Unsaved.SAVE:
            self.accept()
        elif answer is msgbox.Unsaved.DISCARD:
            super().reject()

    def accept(self) -> None:
        self._tried = True
        missing = self._missing()
        if missing:
            self._show_missing(missing)
            missing[0][0].setFocus()
            return
        super().accept()
