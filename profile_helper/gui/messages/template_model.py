"""The templates as a two-level tree for the Messages page: categories, then templates.

A thin adapter over the core catalog's :class:`TemplateInfo` list; searching is done by a
recursive :class:`QSortFilterProxyModel` over :data:`SEARCH_ROLE`.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont

from profile_helper.core.templates.catalog import TemplateInfo
from profile_helper.core.templates.channels import CHANNEL_LABELS

TEMPLATE_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
_NO_PARENT = 0xFFFFFFFF  # internalId of a category row: it has no parent

Index = QModelIndex | QPersistentModelIndex


class TemplateListModel(QAbstractItemModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._categories: list[str] = []
        self._by_category: list[list[TemplateInfo]] = []

    def set_templates(self, templates: list[TemplateInfo]) -> None:
        self.beginResetModel()
        self._categories = []
        self._by_category = []
        for info in templates:
            if info.category not in self._categories:
                self._categories.append(info.category)
                self._by_category.append([])
            self._by_category[self._categories.index(info.category)].append(info)
        self.endResetModel()

    def template_at(self, index: Index) -> TemplateInfo | None:
        if not index.isValid() or index.internalId() == _NO_PARENT:
            return None
        return self._by_category[index.internalId()][index.row()]

    def index_of(self, template_id: str) -> QModelIndex:
        for group, templates in enumerate(self._by_category):
            for row, info in enumerate(templates):
                if info.id == template_id:
                    return self.createIndex(row, 0, group)
        return QModelIndex()

    # -- QAbstractItemModel -------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row < len(self._categories):
                return self.createIndex(row, 0, _NO_PARENT)
            return QModelIndex()
        if parent.internalId() != _NO_PARENT or parent.column() != 0:
            return QModelIndex()
        group = parent.row()
        if row < len(self._by_category[group]):
            return self.createIndex(row, 0, group)
        return QModelIndex()

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == _NO_PARENT:
            return QModelIndex()
        return self.createIndex(child.internalId(), 0, _NO_PARENT)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._categories)
        if parent.internalId() == _NO_PARENT and parent.column() == 0:
            return len(self._by_category[parent.row()])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == _NO_PARENT:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if index.internalId() == _NO_PARENT:
            return self._category_data(self._categories[index.row()], role)
        return self._template_data(self._by_category[index.internalId()][index.row()], role)

    @staticmethod
    def _category_data(category: str, role: int) -> object:
        """A category row: its name in bold, found by the search under its own name."""
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
            SEARCH_ROLE,
        ):
            return category
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    @staticmethod
    def _template_data(info: TemplateInfo, role: int) -> object:
        channel = CHANNEL_LABELS.get(info.channel, info.channel)
        if role == Qt.ItemDataRole.DisplayRole:
            return info.title + ("  (yours)" if info.source == "user" else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{info.description}\n{channel} · {info.id}".strip()
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{info.title}, {channel}"
        if role == TEMPLATE_ROLE:
            return info.id
        if role == SEARCH_ROLE:
            return " ".join((info.title, info.id, info.description, channel, info.category))
        return None


class TemplateFilterModel(QSortFilterProxyModel):
    """Shows the templates whose title, id, description or channel match the search text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setFilterRole(SEARCH_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setRecursiveFilteringEnabled(True)
        self.setAutoAcceptChildRows(True)
