"""The dialog that involves a contact in an application as recruiter, referrer, interviewer..."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from profile_helper.core.applications.models import CONTACT_ROLES
from profile_helper.gui.common.widgets import FieldError, dialog_buttons


def contact_choices(conn: sqlite3.Connection) -> list[tuple[int, str]]:
    """Every contact as ``(id, "Name — Company")``, sorted as the contacts list sorts them."""
    rows = conn.execute(
        "SELECT id, trim(first_name || ' ' || last_name), company FROM contacts "
        "ORDER BY sort_key, id"
    )
    return [(r[0], f"{r[1]} — {r[2]}" if r[2] else r[1]) for r in rows]


class AddPersonDialog(QDialog):
    """Pick a contact (type to search) and the role they play in this application."""

    def __init__(
        self, choices: list[tuple[int, str]], company: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add a person to this application")
        self.contact = QComboBox()
        self.contact.setEditable(True)
        self.contact.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.contact.setAccessibleName("Contact")
        for contact_id, label in choices:
            self.contact.addItem(label, contact_id)
        completer = self.contact.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        # People at the same company are the likely ones: start there.
        if company:
            found = self.contact.findText(company, Qt.MatchFlag.MatchContains)
            if found >= 0:
                self.contact.setCurrentIndex(found)
        self.role = QComboBox()
        self.role.setAccessibleName("Role in the application")
        for role in CONTACT_ROLES:
            self.role.addItem(role.capitalize(), role)
        self.role.setCurrentIndex(CONTACT_ROLES.index("interviewer"))
        form = QFormLayout()
        form.addRow("&Contact", self.contact)
        form.addRow("&Role", self.role)
        self.error = FieldError()
        buttons = dialog_buttons(self)
        layout = QVBoxLayout(self)
        if not choices:
            layout.addWidget(QLabel("Add the person on the Contacts page first."))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def selected(self) -> tuple[int, str] | None:
        """The chosen ``(contact_id, role)``, or ``None`` when the text names no contact."""
        index = self.contact.findText(self.contact.currentText(), Qt.MatchFlag.MatchExactly)
        if index < 0:
            return None
        return int(self.contact.itemData(index)), str(self.role.currentData())

    def accept(self) -> None:
        if self.selected() is None:
            self.error.setText("Choose a contact from the list.")
            self.error.show()
            return
        super().accept()
