"""Ticks on the rewrite tab: job keywords to add if true, About edits to keep or undo.

A plain checkable list; the panel reads what is ticked and asks the core for the rewrite again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QWidget


class ChoiceList(QListWidget):
    """Checkable items in rows that wrap; ``changed`` says a tick was set or cleared."""

    changed = Signal()

    def __init__(self, name: str, *, wrap: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        if wrap:
            self.setFlow(QListView.Flow.LeftToRight)
            self.setWrapping(True)
            self.setResizeMode(QListView.ResizeMode.Adjust)
            self.setSpacing(2)
        self.itemChanged.connect(lambda _item: self.changed.emit())

    def set_choices(
        self, labels: list[str], *, checked: bool, tips: list[str] | None = None
    ) -> None:
        """Show ``labels``, all ticked or all clear, without emitting ``changed``."""
        self.blockSignals(True)
        self.clear()
        for number, label in enumerate(labels):
            item = QListWidgetItem(label)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            if tips:
                item.setToolTip(tips[number])
            self.addItem(item)
        self.blockSignals(False)
        self.setVisible(bool(labels))
        self.fit()

    def checked_rows(self) -> list[int]:
        return [
            row
            for row in range(self.count())
            if self.item(row).checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, row: int, checked: bool) -> None:
        self.item(row).setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def fit(self) -> None:
        """As tall as its rows, so the tab scrolls instead of the list."""
        rows = self.count()
        height = self.sizeHintForRow(0) if rows else 0
        lines = rows if self.flow() == QListView.Flow.TopToBottom else max(1, (rows + 3) // 4)
        self.setFixedHeight(height * lines + 2 * self.frameWidth() + 8 if rows else 0)
