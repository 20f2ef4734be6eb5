"""The contacts table: a Qt model over the store that reads only the rows on screen.

Each query (search, filters, order) reads the ordered ids of every match in one cheap query,
which gives the exact row count; the rows themselves are loaded in blocks when the view asks
for them and kept in a small cache. Thirty thousand contacts cost thirty thousand integers.
"""

from __future__ import annotations

import sqlite3
from collections import OrderedDict
from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from profile_helper.core.contacts.models import Contact
from profile_helper.core.contacts.query import ContactQuery, contact_ids
from profile_helper.core.contacts.store import get_contacts
from profile_helper.gui.common import theme

ID_ROLE = Qt.ItemDataRole.UserRole + 10
# The roles a cell answers besides ID_ROLE; the view asks for many more, answered with None.
_SHOWN_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.ForegroundRole,
)
COLUMNS: tuple[tuple[str, str], ...] = (
    ("Name", "name"),
    ("Company", "company"),
    ("Position", "position"),
    ("Status", "status"),
    ("Tags", "tags"),
    ("Last contact", "last_interaction"),
    ("Next follow-up", "next_follow_up"),
)
BLOCK = 200
MAX_BLOCKS = 20

Index = QModelIndex | QPersistentModelIndex


class ContactsModel(QAbstractTableModel):
    def __init__(self, conn: sqlite3.Connection, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._conn = conn
        self.query = ContactQuery()
        self._ids: list[int] = []
        self._blocks: OrderedDict[int, dict[int, Contact]] = OrderedDict()
        self._today = date.today().isoformat()
        self.reload()

    # -- loading --------------------------------------------------------------------------
    def set_query(self, query: ContactQuery) -> None:
        self.query = query
        self.reload()

    def reload(self) -> None:
        """Re-run the query (after a search, a filter or any change to the store)."""
        self.beginResetModel()
        self._ids = contact_ids(self._conn, self.query)
        self._blocks.clear()
        self._today = date.today().isoformat()
        self.endResetModel()

    def refresh_rows(self, ids: list[int]) -> None:
        """Re-read some contacts in place (after an edit that does not change the order)."""
        wanted = set(ids)
        for block in self._blocks.values():
            for cid in wanted & block.keys():
                block.pop(cid)
        self._blocks = OrderedDict((k, v) for k, v in self._blocks.items() if v)
        rows = [self._ids.index(i) for i in ids if i in wanted and i in self._ids]
        for row in rows:
            self._blocks.pop(row // BLOCK, None)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def contact_at(self, row: int) -> Contact | None:
        if not 0 <= row < len(self._ids):
            return None
        number = row // BLOCK
        block = self._blocks.get(number)
        if block is None:
            ids = self._ids[number * BLOCK : (number + 1) * BLOCK]
            block = {c.id: c for c in get_contacts(self._conn, ids)}
            self._blocks[number] = block
            if len(self._blocks) > MAX_BLOCKS:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(number)
        return block.get(self._ids[row])

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, contact_id: int) -> int:
        """The row showing the contact, or -1 when the current query hides it."""
        try:
            return self._ids.index(contact_id)
        except ValueError:
            return -1

    def all_ids(self) -> list[int]:
        return list(self._ids)

    # -- Qt model -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return COLUMNS[section][0]
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"Sort by {COLUMNS[section][0].lower()}"
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role not in _SHOWN_ROLES:
            return None
        contact = self.contact_at(index.row())
        if contact is None:
            return None
        key = COLUMNS[index.column()][1]
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(contact, key)
        text = self._text(contact, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(contact, key, text)
        return text

    def _foreground(self, contact: Contact, key: str) -> QColor | None:
        """A follow-up overdue in red, one due today in amber."""
        if key != "next_follow_up" or not contact.next_follow_up:
            return None
        if contact.next_follow_up < self._today:
            return QColor(theme.current().bad)
        if contact.next_follow_up == self._today:
            return QColor(theme.current().warn)
        return None

    @staticmethod
    def _tooltip(contact: Contact, key: str, text: str) -> str | None:
        if key == "name":
            return "\n".join(x for x in (contact.full_name, *contact.emails, contact.url) if x)
        return text or None

    @staticmethod
    def _text(contact: Contact, key: str) -> str:
        if key == "name":
            return contact.full_name
        if key == "tags":
            return ", ".join(contact.tags)
        value = getattr(contact, key)
        return "" if value is None else str(value)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        key = COLUMNS[column][1]
        if key == "tags":
            key = "name"
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self.query.sort, self.query.descending):
            return  # already in this order (the view asks again when it is set up)
        self.layoutAboutToBeChanged.emit()
        self.query.sort = key
        self.query.descending = descending
        old = self.persistentIndexList()
        old_ids = [self._ids[i.row()] if i.row() < len(self._ids) else -1 for i in old]
        self._ids = contact_ids(self._conn, self.query)
        self._blocks.clear()
        positions = {cid: row for row, cid in enumerate(self._ids)}
        self.changePersistentIndexList(
            old,
            [
                self.index(positions[cid], i.column()) if cid in positions else QModelIndex()
                for cid, i in zip(old_ids, old, strict=True)
            ],
        )
        self.layoutChanged.emit()
