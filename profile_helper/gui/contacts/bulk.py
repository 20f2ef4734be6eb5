"""Bulk actions of the Contacts page: tag, untag, follow-up, status and delete for many at once."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QDate, QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from profile_helper.core.contacts import followups, store
from profile_helper.core.storage.transaction import transaction
from profile_helper.gui.common import msgbox
from profile_helper.gui.common.changes import Change
from profile_helper.gui.common.widgets import date_edit, dialog_buttons


def contacts(count: int) -> str:
    """ "1 contact", "2 contacts", "1,024 contacts"."""
    return "1 contact" if count == 1 else f"{count:,} contacts"


class ChoiceDialog(QDialog):
    """Pick one of a list or type a new value (a tag, a status)."""

    def __init__(
        self, title: str, text: str, choices: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(360)  # the title and the longer choices read in full
        self.combo = QComboBox()
        self.combo.setEditable(True)
        self.combo.addItems(choices)
        self.combo.setCurrentText("")
        self.combo.setAccessibleName(title)
        buttons = dialog_buttons(self)
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
        self.setMinimumWidth(400)  # wide enough for the reason's example to read in full
        self.due = date_edit("Follow-up date", QDate.currentDate().addDays(7))
        self.due.setMinimumDate(QDate.currentDate())
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("e.g. Check in after the conference")
        self.reason.setAccessibleName("Reason")
        form = QFormLayout()
        form.addRow("Due", self.due)
        form.addRow("Reason", self.reason)
        buttons = dialog_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"A follow-up for each of {contacts(count)}."))
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> tuple[str, str]:
        return self.due.date().toString("yyyy-MM-dd"), self.reason.text().strip() or "Follow up"


class BulkActions(QObject):
    """What the page does to the selected contacts; the page refreshes on ``changed``."""

    changed = Signal(Change)
    message = Signal(str)
    deleted = Signal()

    def __init__(
        self,
        conn: sqlite3.Connection,
        selected: Callable[[], list[int]],
        parent_widget: QWidget,
    ) -> None:
        super().__init__(parent_widget)
        self.conn = conn
        self.selected = selected
        self.parent_widget = parent_widget

    def tag(self, ids: list[int], tag: str) -> None:
        store.add_tag(self.conn, ids, tag)
        self.changed.emit(Change.CONTACTS)
        self.message.emit(f"Tagged {contacts(len(ids))} “{tag}”")

    def status(self, ids: list[int], status: str) -> None:
        store.set_status(self.conn, ids, status)
        self.changed.emit(Change.CONTACTS)
        self.message.emit(f"Status of {contacts(len(ids))} set to “{status}”")

    def follow_up(self, ids: list[int], due: str, reason: str) -> None:
        with transaction(self.conn):
            for contact_id in ids:
                followups.add_follow_up(self.conn, contact_id, due, reason)
        self.changed.emit(Change.FOLLOW_UPS)
        self.message.emit(f"Follow-up on {due} set for {contacts(len(ids))}")

    def delete(self, ids: list[int], *, confirmed: bool = False) -> bool:
        """Delete after asking; returns whether anything was deleted."""
        if not ids:
            return False
        if not confirmed:
            names = ", ".join(c.full_name for c in store.get_contacts(self.conn, ids[:3]))
            more = f" and {len(ids) - 3:,} more" if len(ids) > 3 else ""
            if not msgbox.confirm(
                self.parent_widget,
                "Delete contacts",
                f"Delete {names}{more}, with their timeline and follow-ups? This cannot be "
                "undone; export them first if you may want them back.",
                "Delete",
            ):
                return False
        store.delete_contacts(self.conn, ids)
        self.deleted.emit()
        self.changed.emit(Change.CONTACTS)
        self.message.emit(f"Deleted {contacts(len(ids))}")
        return True

    # -- dialogs --------------------------------------------------------------------------
    def ask_tag(self) -> None:
        ids = self.selected()
        dialog = ChoiceDialog(
            "Add a tag",
            f"Tag for {contacts(len(ids))}:",
            [t for t, _ in store.all_tags(self.conn)],
            self.parent_widget,
        )
        if ids and dialog.exec() and dialog.value():
            self.tag(ids, dialog.value())

    def ask_status(self) -> None:
        ids = self.selected()
        dialog = ChoiceDialog(
            "Change status",
            f"New status for {contacts(len(ids))}:",
            store.all_statuses(self.conn),
            self.parent_widget,
        )
        if ids and dialog.exec() and dialog.value():
            self.status(ids, dialog.value())

    def ask_follow_up(self) -> None:
        ids = self.selected()
        dialog = FollowUpDialog(len(ids), self.parent_widget)
        if ids and dialog.exec():
            self.follow_up(ids, *dialog.values())

    def delete_selected(self) -> None:
        self.delete(self.selected())

    def untag(self, ids: list[int], tag: str) -> None:
        store.remove_tag(self.conn, ids, tag)
        self.changed.emit(Change.CONTACTS)
        self.message.emit(f"Removed the tag “{tag}” from {contacts(len(ids))}")

    def ask_untag(self) -> None:
        ids = self.selected()
        dialog = ChoiceDialog(
            "Remove a tag",
            f"Tag to remove from {contacts(len(ids))}:",
            [t for t, _ in store.all_tags(self.conn)],
            self.parent_widget,
        )
        if ids and dialog.exec() and dialog.value():
            self.untag(ids, dialog.value())
