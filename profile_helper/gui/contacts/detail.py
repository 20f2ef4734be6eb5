"""The pane beside the contacts table: edit one contact, its timeline and its follow-ups."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from profile_helper.core.contacts.models import Contact, ContactDraft
from profile_helper.core.contacts.store import (
    add_contact,
    get_contact,
    update_contact,
)
from profile_helper.core.errors import InputError, NotFoundError
from profile_helper.gui.common.widgets import EmptyState
from profile_helper.gui.contacts.form import ContactForm
from profile_helper.gui.contacts.timeline import FollowUpPanel, TimelinePanel


class ContactDetail(QWidget):
    """Shows one contact (or a blank one being added)."""

    saved = Signal(int)
    """A contact was added or changed (its id)."""
    follow_ups_changed = Signal(int)
    delete_requested = Signal(int)
    write_message_requested = Signal(int)

    def __init__(
        self, conn: sqlite3.Connection, statuses: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.conn = conn
        self.contact: Contact | None = None
        self.setMinimumWidth(360)
        head = self._build_head()
        self._build_tabs(conn, statuses)
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(12, 0, 0, 0)
        column.addLayout(head)
        column.addWidget(self.tabs, 1)
        self.placeholder = EmptyState(
            "No contact selected", "Pick someone in the list, or press Ctrl+N to add a contact."
        )
        self.pages = QStackedWidget()
        self.pages.addWidget(content)
        self.pages.addWidget(self.placeholder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setWhatsThis("Save the contact's changes")
        save.activated.connect(self.save)
        self.show_contact(None)

    # -- building -------------------------------------------------------------------------
    def _build_head(self) -> QVBoxLayout:
        """The name, the position, and the actions on the whole contact."""
        self.title = QLabel("")
        self.title.setObjectName("EmptyTitle")
        self.subtitle = QLabel("")
        self.subtitle.setObjectName("Muted")
        self.subtitle.setWordWrap(True)
        self.write_button = QPushButton("Write message")
        self.write_button.setToolTip("Open the message templates for this person")
        self.write_button.clicked.connect(self._write)
        self.delete_button = QPushButton("Delete")
        self.delete_button.setToolTip("Delete this contact with its timeline and follow-ups")
        self.delete_button.clicked.connect(self._delete)
        self.title.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.write_button)
        actions.addWidget(self.delete_button)
        actions.addStretch(1)
        head = QVBoxLayout()
        head.setSpacing(2)
        head.addWidget(self.title)
        head.addWidget(self.subtitle)
        head.addSpacing(4)
        head.addLayout(actions)
        return head

    def _build_tabs(self, conn: sqlite3.Connection, statuses: list[str]) -> None:
        """Details (the form), Timeline and Follow-ups."""
        self.timeline = TimelinePanel(conn)
        self.timeline.changed.connect(self._timeline_changed)
        self.follow_ups = FollowUpPanel(conn)
        self.follow_ups.changed.connect(self._follow_ups_changed)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_details(statuses), "Details")
        self.tabs.addTab(self.timeline, "Timeline")
        self.tabs.addTab(self.follow_ups, "Follow-ups")

    def _build_details(self, statuses: list[str]) -> QScrollArea:
        self.form = ContactForm(statuses)
        self.form.changed.connect(self._dirty)
        self.save_button = QPushButton("Save")
        self.save_button.setObjectName("Primary")
        self.save_button.setToolTip("Save the changes (Ctrl+S)")
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton("Revert")
        self.revert_button.setToolTip("Throw away the unsaved changes")
        self.revert_button.clicked.connect(self.revert)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.addWidget(self.form)
        details_layout.addLayout(buttons)
        details_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(details)
        return scroll

    # -- showing --------------------------------------------------------------------------
    def show_contact(self, contact_id: int | None) -> None:
        try:
            self.contact = get_contact(self.conn, contact_id) if contact_id else None
        except NotFoundError:
            self.contact = None
        contact = self.contact
        self.form.set_draft(contact or ContactDraft())
        self._set_header(contact)
        self.timeline.show_contact(contact.id if contact else None)
        self.follow_ups.show_contact(contact.id if contact else None)
        self.tabs.setTabEnabled(1, contact is not None)
        self.tabs.setTabEnabled(2, contact is not None)
        self.write_button.setEnabled(contact is not None)
        self.delete_button.setEnabled(contact is not None)
        self.pages.setCurrentIndex(0 if contact is not None else 1)
        self._set_dirty(False)

    def start_new(self) -> None:
        """A blank form for a new contact, focused on the first name."""
        self.show_contact(None)
        self.pages.setCurrentIndex(0)
        self.title.setText("New contact")
        self.subtitle.setText("Give at least a name; everything else can wait.")
        self.tabs.setCurrentIndex(0)
        self.form.first.setFocus()
        self._set_dirty(True)

    def _set_header(self, contact: Contact | None) -> None:
        if contact is None:
            self.title.setText("No contact selected")
            self.subtitle.setText("Pick someone in the list, or press Ctrl+N to add a contact.")
            return
        self.title.setText(contact.full_name)
        self.subtitle.setText(
            " · ".join(x for x in (contact.position, contact.company, contact.status) if x)
        )

    # -- editing --------------------------------------------------------------------------
    def _dirty(self) -> None:
        self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty and self.contact is not None)

    def is_dirty(self) -> bool:
        return self.save_button.isEnabled()

    def save(self) -> bool:
        """Validate and store; problems are shown next to their fields."""
        if not self.is_dirty() or not self.form.check():
            return False
        draft = self.form.draft(self.contact)
        try:
            if self.contact is None:
                contact_id = add_contact(self.conn, draft)
            else:
                contact_id = self.contact.id
                update_contact(self.conn, contact_id, draft)
        except InputError as exc:
            # The profile URL belongs to someone else: show it where it was typed.
            self.form.show_errors({"url": exc.message})
            return False
        self.show_contact(contact_id)
        self.saved.emit(contact_id)
        return True

    def revert(self) -> None:
        self.show_contact(self.contact.id if self.contact else None)

    def _timeline_changed(self) -> None:
        if self.contact is not None:
            # Logging restarts the cadence, so the follow-ups may have moved too.
            self.follow_ups.show_contact(self.contact.id)
            self.saved.emit(self.contact.id)

    def _follow_ups_changed(self) -> None:
        if self.contact is not None:
            self.follow_ups_changed.emit(self.contact.id)

    def _delete(self) -> None:
        if self.contact is not None:
            self.delete_requested.emit(self.contact.id)

    def _write(self) -> None:
        if self.contact is not None:
            self.write_message_requested.emit(self.contact.id)
