"""The suggested skills as chips: the job's keywords first, the ones proposed from the job marked.

A thin list model over the suggestion's two lists, and a wrapping list view that is as tall as
its chips so that the panel around it does the scrolling.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QResizeEvent
from PySide6.QtWidgets import QListView, QWidget

from profile_helper.gui.common import theme

Index = QModelIndex | QPersistentModelIndex


class SkillsModel(QAbstractListModel):
    """The suggested skills in order; the ones proposed from the job are marked."""

    ProposedRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._skills: list[str] = []
        self._proposed: set[str] = set()

    def set_skills(self, skills: list[str], proposed: list[str]) -> None:
        self.beginResetModel()
        self._skills = list(skills)
        self._proposed = set(proposed)
        self.endResetModel()

    def skills(self, *, with_proposed: bool = True) -> list[str]:
        return [s for s in self._skills if with_proposed or s not in self._proposed]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._skills)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._skills)):
            return None
        skill = self._skills[index.row()]
        proposed = skill in self._proposed
        colors = theme.current()
        if role == Qt.ItemDataRole.DisplayRole:
            return f"+ {skill}" if proposed else skill
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{skill} (proposed)" if proposed else skill
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                f"Proposed: the job asks for {skill}. Add it only if you have it."
                if proposed
                else f"{skill}: already in your skills"
            )
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(colors.accent if proposed else colors.text))
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(colors.alt_base if not proposed else colors.base))
        if role == Qt.ItemDataRole.FontRole and proposed:
            font = QFont()
            font.setItalic(True)
            return font
        if role == self.ProposedRole:
            return proposed
        return None


class ChipList(QListView):
    """Skills as wrapped chips, as tall as its content (the panel scrolls, not the list)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSpacing(3)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QListView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        border = theme.current().border
        self.setStyleSheet(
            f"QListView {{ border: none; background: transparent; }}"
            f" QListView::item {{ border: 1px solid {border}; border-radius: 10px;"
            " padding: 3px 8px; }"
        )

    def fit(self) -> None:
        self.doItemsLayout()
        height = max(self.contentsSize().height() + 8, 32)
        if height != self.height():
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit()
