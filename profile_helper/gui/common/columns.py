"""Table columns that fit the table's width: no sideways scrolling at the smallest window size.

Each column has a minimum width and a share of the room left over. When the table is too narrow
for all of them, the least useful columns are hidden (what they hold stays in the detail panel
beside the table) and come back when the table is wide again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTableView


@dataclass(frozen=True)
class Column:
    minimum: int
    share: int = 1


class FittedColumns(QObject):
    """Fits ``view``'s columns to its viewport each time the viewport changes size.

    ``columns`` are in the model's order; ``keep_first`` lists the columns from the most to the
    least useful, the order in which they are kept when the room runs out (the first is always
    kept).
    """

    def __init__(
        self, view: QTableView, columns: Sequence[Column], keep_first: Sequence[int]
    ) -> None:
        super().__init__(view)
        self.view = view
        self.columns = list(columns)
        self.keep_first = list(keep_first)
        view.horizontalHeader().setStretchLastSection(False)
        view.viewport().installEventFilter(self)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def shown(self) -> list[int]:
        """The columns that fit now, in the model's order."""
        room = self.view.viewport().width()
        kept: list[int] = []
        used = 0
        for column in self.keep_first:
            minimum = self.columns[column].minimum
            if kept and used + minimum > room:
                continue
            kept.append(column)
            used += minimum
        return sorted(kept)

    def fit(self) -> None:
        kept = self.shown()
        for column in range(len(self.columns)):
            self.view.setColumnHidden(column, column not in kept)
        room = self.view.viewport().width()
        spare = max(0, room - sum(self.columns[c].minimum for c in kept))
        shares = sum(self.columns[c].share for c in kept) or 1
        widths = {
            c: self.columns[c].minimum + spare * self.columns[c].share // shares for c in kept
        }
        # What integer division leaves over goes to the last column, so the row ends at the edge.
        widths[kept[-1]] += max(0, room - sum(widths.values()))
        for column, width in widths.items():
            self.view.setColumnWidth(column, width)
