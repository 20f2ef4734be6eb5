"""Log a skill learned: what it was, in a few words, and a note (the Today page's habits)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from profile_helper.gui.common.widgets import FieldError, dialog_buttons


class SkillDialog(QDialog):
    """What was learned, in a few words, and a note."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Log a skill learned")
        # Wide enough for the placeholders and the error line to read in full.
        self.setMinimumWidth(400)
        self.skill = QLineEdit()
        self.skill.setPlaceholderText("e.g. dbt incremental models")
        self.skill.setAccessibleName("Skill")
        self.note = QLineEdit()
        self.note.setPlaceholderText("Where you used it, a link… (optional)")
        self.error = FieldError()
        self.skill.textEdited.connect(lambda _t: self.error.hide())
        form = QFormLayout()
        form.addRow("&Skill", self.skill)
        form.addRow("", self.error)
        form.addRow("&Note", self.note)
        buttons = dialog_buttons(self, QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if self.skill.text().strip():
            super().accept()
        else:
            self.error.setText("Name the skill you learned.")
            self.error.show()
            self.skill.setFocus()
