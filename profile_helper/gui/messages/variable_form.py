"""The form of the variables a template still needs: one field each, built for the template."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from profile_helper.core.templates.context import variable_label

_FIELD_HINTS = {
    "event": "e.g. PyCon Berlin",
    "topic": "e.g. moving from batch to streaming",
    "detail": "something specific you discussed",
    "news": "e.g. the new role at Acme",
    "mutual": "the person you both know",
    "last_topic": "what you last talked about",
    "applied_on": "e.g. 12 November",
    "job.title": "e.g. Senior Data Engineer",
    "job.url": "the job posting's link",
}


class VariableForm(QWidget):
    """Edits for the variables a template reads that have no value yet."""

    values_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setHorizontalSpacing(12)
        self.form.setVerticalSpacing(6)
        self.edits: dict[str, QLineEdit] = {}
        self.empty_label = QLabel("This template needs nothing more: everything is filled in.")
        self.empty_label.setObjectName("Muted")
        self.empty_label.setWordWrap(True)
        self.form.addRow(self.empty_label)

    def set_fields(self, names: list[str]) -> None:
        """Show one field per name, keeping what was typed in fields that stay."""
        kept = {name: edit.text() for name, edit in self.edits.items()}
        while self.form.rowCount() > 1:
            self.form.removeRow(1)
        self.edits = {}
        for name in names:
            edit = QLineEdit(kept.get(name, ""))
            edit.setObjectName(f"var:{name}")
            edit.setPlaceholderText(_FIELD_HINTS.get(name, ""))
            edit.setAccessibleName(variable_label(name))
            edit.setToolTip(f"Fills {{{{ {name} }}}} in the template")
            edit.textChanged.connect(lambda _text: self.values_changed.emit())
            self.edits[name] = edit
            self.form.addRow(variable_label(name), edit)
        self.empty_label.setVisible(not names)

    def values(self) -> dict[str, str]:
        """What was typed; empty fields are left out so the template sees them as not given."""
        return {name: edit.text() for name, edit in self.edits.items() if edit.text().strip()}

    def mark_required(self, names: set[str]) -> None:
        """Flag the fields the message cannot do without."""
        for name, edit in self.edits.items():
            label = self.form.labelForField(edit)
            if isinstance(label, QLabel):
                label.setText(variable_label(name) + (" *" if name in names else ""))
            edit.setProperty("required", name in names)
