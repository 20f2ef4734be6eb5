"""Small dialogs of the Contacts page's bulk actions: tag, follow-up, status for many at once."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class ChoiceDialog(QDialog):
    """Pick one of a list or type a new value (a tag, a status)."""

    def __init__(
        self, title: str, text: str, choices: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.combo = QComboBox()
        self.combo.setEditable(True)
        self.combo.addItems(choices)
        self.combo.setCurrentText("")
        self.combo.setAccessibleName(title)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(text))
        layout.addWidget(self.combo)
        layout.addWidget(buttons)

    def value(self) -> str:
        return self.combo.currentText().strip()


class FollowUpDialog(QDialog):
    """A date and a reason for a follow-up with each selected contact."""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Set a follow-up")
        self.due = QDateEdit(QDate.currentDate().addDays(7))
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.due.setMinimumDate(QDate.currentDate())
        self.due.setAccessibleName("Follow-up date")
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("e.g. Check in after the conference")
        self.reason.setAccessibleName("Reason")
        form = QFormLayout()
        form.addRow("Due", self.due)
        form.addRow("Reason", self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        people = "1 contact" if count == 1 else f"{count:,} contacts"
        layout.addWidget(QLabel(f"A follow-up for each of {people}."))
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> tuple[str, str]:
        return self.due.date().toString("yyyy-MM-dd"), self.reason.text().strip() or "Follow up"
