"""The table of applications: a thin Qt model over the store's :class:`Application` objects."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from profile_helper.core.applications.models import Application
from profile_helper.core.applications.statuses import LABELS
from profile_helper.gui.common import theme

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

COLUMNS: tuple[tuple[str, str], ...] = (
    ("company", "Company"),
    ("role", "Role"),
    ("status", "Status"),
    ("applied_on", "Applied"),
    ("updated_on", "Last change"),
    ("contacts", "People"),
)


def status_color(status: str) -> QColor:
    """The colour a status is shown in, from the current theme."""
    c = theme.current()
    return QColor(
        {
            "saved": c.muted,
            "applied": c.accent,
            "screening": c.accent,
            "interviewing": c.warn,
            "offer": c.good,
            "accepted": c.good,
            "rejected": c.bad,
            "withdrawn": c.muted,
            "ghosted": c.muted,
        }.get(status, c.text)
    )


class ApplicationsModel(QAbstractTableModel):
    """Applications as rows; :meth:`set_applications` replaces them all."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._apps: list[Application] = []
        self._texts: list[tuple[str, ...]] = []

    def set_applications(self, apps: list[Application]) -> None:
        self.beginResetModel()
        self._apps = list(apps)
        # The texts once per reset: sorting and sizing ask for them many thousand times.
        self._texts = [tuple(self._text(app, key) for key, _ in COLUMNS) for app in self._apps]
        self.endResetModel()

    def application(self, row: int) -> Application:
        return self._apps[row]

    def row_of(self, application_id: int) -> int:
        for row, app in enumerate(self._apps):
            if app.id == application_id:
                return row
        return -1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._apps)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return COLUMNS[section][1]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._apps):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return self._texts[index.row()][index.column()]
        app = self._apps[index.row()]
        key = COLUMNS[index.column()][0]
        if role == ID_ROLE:
            return app.id
        if role == Qt.ItemDataRole.ForegroundRole and key == "status":
            return status_color(app.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "contacts" and app.contacts:
                return "\n".join(f"{p.name} ({p.role})" for p in app.contacts)
            if key == "status" and app.rejected_stage:
                return f"Rejected at the {app.rejected_stage} stage"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._texts[index.row()][index.column()] or "empty"
        return None

    @staticmethod
    def _text(app: Application, key: str) -> str:
        if key == "status":
            label = LABELS.get(app.status, app.status)
            return f"{label} ({app.rejected_stage})" if app.rejected_stage else label
        if key == "contacts":
            return ", ".join(p.name for p in app.contacts)
        value = getattr(app, key)
        return "" if value is None else str(value)
