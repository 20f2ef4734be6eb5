"""A contact's timeline and follow-ups: log an interaction, add, finish and snooze follow-ups."""

from __future__ import annotations

import sqlite3
from datetime import date

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from profile_helper.core.contacts import followups, interactions
from profile_helper.core.contacts.models import INTERACTION_KINDS
from profile_helper.core.errors import ProfileHelperError
from profile_helper.gui.common import msgbox, theme
from profile_helper.gui.common.widgets import date_edit

FOLLOW_UP_ROLE = Qt.ItemDataRole.UserRole + 1
INTERACTION_ROLE = Qt.ItemDataRole.UserRole + 2


class TimelinePanel(QWidget):
    """Log an interaction, see every earlier one (latest first), delete one logged by mistake."""

    changed = Signal()

    def __init__(self, conn: sqlite3.Connection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conn = conn
        self.contact_id: int | None = None
        self.kind = QComboBox()
        self.kind.addItems([k.capitalize() for k in INTERACTION_KINDS])
        self.kind.setCurrentIndex(INTERACTION_KINDS.index("message"))
        self.kind.setAccessibleName("Kind of interaction")
        self.when = date_edit("Date of the interaction")
        self.summary = QLineEdit()
        self.summary.setPlaceholderText("What happened, e.g. “Coffee, she is hiring in Q3”")
        self.summary.setAccessibleName("Summary")
        self.summary.returnPressed.connect(self.log)
        self.log_button = QPushButton("Log")
        self.log_button.setObjectName("Primary")
        self.log_button.setToolTip("Add to the timeline; restarts the stay-in-touch clock")
        self.log_button.clicked.connect(self.log)
        row = QHBoxLayout()
        row.addWidget(self.kind)
        row.addWidget(self.when)
        row.addStretch(1)
        row.addWidget(self.log_button)
        self.list = QListWidget()
        self.list.setAccessibleName("Timeline")
        self.list.setWordWrap(True)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.empty = QLabel("Nothing logged yet. Log a message, call or meeting above.")
        self.empty.setObjectName("Muted")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(row)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)

    def show_contact(self, contact_id: int | None) -> None:
        self.contact_id = contact_id
        self.setEnabled(contact_id is not None)
        self.list.clear()
        entries = interactions.timeline(self.conn, contact_id) if contact_id else []
        for entry in entries:
            text = f"{entry.occurred_on}  ·  {entry.kind.capitalize()}"
            if entry.summary:
                text += f"\n{entry.summary}"
            item = QListWidgetItem(text)
            item.setData(INTERACTION_ROLE, entry.id)
            self.list.addItem(item)
        self.empty.setVisible(not entries)

    def _context_menu(self, pos: QPoint) -> None:
        if self.list.itemAt(pos) is None:
            return
        menu = QMenu(self)
        menu.addAction("Delete…", self.delete_selected)
        menu.popup(self.list.viewport().mapToGlobal(pos))

    def delete_selected(self, *, confirmed: bool = False) -> bool:
        """Delete the selected entry after asking; returns whether it was deleted."""
        item = self.list.currentItem()
        if item is None or self.contact_id is None:
            return False
        first_line = item.text().splitlines()[0]
        if not confirmed and not msgbox.confirm(
            self,
            "Delete from the timeline",
            f"Delete “{first_line}” from the timeline? This cannot be undone.",
            "Delete",
        ):
            return False
        interactions.delete_interaction(self.conn, int(item.data(INTERACTION_ROLE)))
        self.show_contact(self.contact_id)
        self.changed.emit()
        return True

    def log(self) -> None:
        if self.contact_id is None:
            return
        kind = INTERACTION_KINDS[self.kind.currentIndex()]
        try:
            interactions.log_interaction(
                self.conn,
                self.contact_id,
                kind,
                self.summary.text(),
                when=self.when.date().toString("yyyy-MM-dd"),
            )
        except ProfileHelperError as exc:
            msgbox.show_error(self, "Cannot log this", exc.message)
            return
        self.summary.clear()
        self.when.setDate(QDate.currentDate())
        self.show_contact(self.contact_id)
        self.changed.emit()


class FollowUpPanel(QWidget):
    """The contact's follow-ups: add one, mark done, snooze."""

    changed = Signal()

    def __init__(self, conn: sqlite3.Connection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conn = conn
        self.contact_id: int | None = None
        self.due = date_edit("Follow-up date")
        self.due.setDate(QDate.currentDate().addDays(7))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("Why, e.g. “Send the article we talked about”")
        self.reason.setAccessibleName("Reason for the follow-up")
        self.reason.returnPressed.connect(self.add)
        add = QPushButton("Add follow-up")
        add.setObjectName("Primary")
        add.clicked.connect(self.add)
        row = QHBoxLayout()
        row.addWidget(QLabel("Due"))
        row.addWidget(self.due)
        row.addStretch(1)
        row.addWidget(add)
        self.list = QListWidget()
        self.list.setAccessibleName("Follow-ups")
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.done_button = QPushButton("Done")
        self.done_button.setToolTip("Mark the selected follow-up done")
        self.done_button.clicked.connect(self.mark_done)
        self.snooze_button = QPushButton("Snooze")
        menu = QMenu(self.snooze_button)
        menu.addAction("Tomorrow", lambda: self.snooze("tomorrow"))
        menu.addAction("Next week", lambda: self.snooze("next week"))
        self.snooze_button.setMenu(menu)
        self.delete_button = QPushButton("Remove")
        self.delete_button.clicked.connect(self.remove)
        actions = QHBoxLayout()
        actions.addWidget(self.done_button)
        actions.addWidget(self.snooze_button)
        actions.addWidget(self.delete_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reason)
        layout.addLayout(row)
        layout.addWidget(self.list, 1)
        layout.addLayout(actions)
        self._update_buttons()

    def show_contact(self, contact_id: int | None) -> None:
        self.contact_id = contact_id
        self.setEnabled(contact_id is not None)
        self.list.clear()
        today = date.today().isoformat()
        colors = theme.current()
        for item in followups.follow_ups_of(self.conn, contact_id) if contact_id else []:
            state = (
                "done"
                if item.done_at
                else "overdue"
                if item.due < today
                else "today"
                if item.due == today
                else ""
            )
            text = f"{item.due}  ·  {item.reason}" + (f"  ({state})" if state else "")
            row = QListWidgetItem(text)
            row.setData(FOLLOW_UP_ROLE, item.id)
            if item.done_at:
                row.setForeground(QColor(colors.muted))
            elif item.due < today:
                row.setForeground(QColor(colors.bad))
            self.list.addItem(row)
        self._update_buttons()

    def _selected(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(FOLLOW_UP_ROLE))

    def _update_buttons(self) -> None:
        chosen = self._selected() is not None
        for button in (self.done_button, self.snooze_button, self.delete_button):
            button.setEnabled(chosen)

    def _after(self) -> None:
        self.show_contact(self.contact_id)
        self.changed.emit()

    def add(self) -> None:
        if self.contact_id is None:
            return
        followups.add_follow_up(
            self.conn,
            self.contact_id,
            self.due.date().toString("yyyy-MM-dd"),
            self.reason.text() or "Follow up",
        )
        self.reason.clear()
        self._after()

    def mark_done(self) -> None:
        chosen = self._selected()
        if chosen is not None:
            followups.mark_done(self.conn, chosen)
            self._after()

    def snooze(self, how: str) -> None:
        chosen = self._selected()
        if chosen is not None:
            followups.snooze(self.conn, chosen, how)
            self._after()

    def remove(self) -> None:
        chosen = self._selected()
        if chosen is not None:
            followups.delete_follow_up(self.conn, chosen)
            self._after()
