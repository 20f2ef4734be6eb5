"""Choose the contact a message is for: search as you type, or come from the Contacts page."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from profile_helper.core.errors import ProfileHelperError
from profile_helper.core.templates.outreach import (
    contact_for_template,
    describe_contact,
    find_contacts,
)
from profile_helper.gui.common import msgbox
from profile_helper.gui.common.context import AppContext

RESULTS = 20


class ContactPicker(QWidget):
    """A search field that becomes the chosen contact's name, with a button to change it."""

    contact_chosen = Signal(object)  # the contact as a dict, or None

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.contact: dict[str, Any] | None = None
        self._found: list[dict[str, Any]] = []
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search your contacts by name, company or tag")
        self.search.setAccessibleName("Contact")
        self.search.setClearButtonEnabled(True)
        self.results = QStringListModel(self)
        self.completer = QCompleter(self.results, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setMaxVisibleItems(12)
        # The completer's index is of its own (unfiltered) model: row = position in _found.
        self.completer.activated.connect(self._on_activated_text)
        self.search.setCompleter(self.completer)
        self.search.textEdited.connect(self.search_contacts)
        self.no_match = QLabel("No contact matches")
        self.no_match.setObjectName("Muted")
        self.no_match.setVisible(False)
        self.chosen_label = QLabel()
        self.chosen_label.setAccessibleName("Chosen contact")
        self.chosen_label.setStyleSheet("font-weight: 600;")
        # A long name and position wrap rather than widen the page past the window.
        self.chosen_label.setWordWrap(True)
        self.change_button = QPushButton("Change")
        self.change_button.setToolTip("Write to someone else")
        self.change_button.clicked.connect(self.clear)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel("To"))
        row.addWidget(self.search, 1)
        row.addWidget(self.no_match)
        row.addWidget(self.chosen_label, 1)
        row.addWidget(self.change_button)
        self._show_chosen()

    def search_contacts(self, text: str) -> list[str]:
        """Search the contacts and offer the matches; returns their one-line descriptions."""
        self._found = find_contacts(self.ctx.database(), text, RESULTS) if text.strip() else []
        lines = [describe_contact(c) for c in self._found]
        self.results.setStringList(lines)
        self.no_match.setVisible(bool(text.strip()) and not lines)
        if lines:
            self.completer.complete()
        return lines

    def _on_activated_text(self, text: str) -> None:
        for contact in self._found:
            if describe_contact(contact) == text:
                self.set_contact(contact)
                return

    def choose(self, contact_id: int) -> None:
        """Choose a stored contact by id (from the Contacts page's "Write message")."""
        try:
            self.set_contact(contact_for_template(self.ctx.database(), contact_id))
        except ProfileHelperError as exc:
            msgbox.show_error(self, "Cannot open the contact", exc.message)

    def set_contact(self, contact: dict[str, Any] | None) -> None:
        self.contact = contact
        self._show_chosen()
        self.contact_chosen.emit(contact)

    def clear(self) -> None:
        self.search.clear()
        self.set_contact(None)
        self.search.setFocus()

    def _show_chosen(self) -> None:
        chosen = self.contact is not None
        if self.contact:
            # Imported only once a contact is chosen: the page is built without it.

            self.chosen_label.setText(describe_contact(self.contact))
        else:
            self.chosen_label.setText("")
        self.chosen_label.setVisible(chosen)
        self.change_button.setVisible(chosen)
        self.search.setVisible(not chosen)
        self.no_match.setVisible(False)
