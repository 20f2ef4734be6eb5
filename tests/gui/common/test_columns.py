"""Table columns fitted to the table's width: all when there is room, the most useful when not."""

from __future__ import annotations

from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from profile_helper.gui.common.columns import Column, FittedColumns


def _table(qtbot: QtBot, width: int) -> tuple[QTableView, FittedColumns]:
    model = QStandardItemModel(3, 4)
    table = QTableView()
    table.setModel(model)
    qtbot.addWidget(table)
    fitted = FittedColumns(
        table, [Column(100, 2), Column(80), Column(120), Column(60)], keep_first=[0, 2, 1, 3]
    )
    table.resize(width, 200)
    table.show()
    qtbot.waitExposed(table)
    return table, fitted


def _shown(table: QTableView) -> list[int]:
    return [c for c in range(4) if not table.isColumnHidden(c)]


def test_a_wide_table_shows_every_column_and_fills_its_width(qtbot: QtBot) -> None:
    table, _fitted = _table(qtbot, 600)
    assert _shown(table) == [0, 1, 2, 3]
    widths = [table.columnWidth(c) for c in range(4)]
    assert sum(widths) == table.viewport().width()
    assert not table.horizontalScrollBar().isVisible()
    # The spare room goes by share: the first column has two to the second's one.
    assert abs((widths[0] - 100) - 2 * (widths[1] - 80)) <= 2


def test_a_narrow_table_keeps_the_most_useful_columns_and_never_scrolls(qtbot: QtBot) -> None:
    table, _fitted = _table(qtbot, 260)
    # 100 + 120 fit, the 80 of the third most useful does not: it and the last are hidden.
    assert _shown(table) == [0, 2]
    assert not table.horizontalScrollBar().isVisible()
    table.resize(600, 200)
    qtbot.waitUntil(lambda: _shown(table) == [0, 1, 2, 3])


def test_the_first_column_stays_however_narrow(qtbot: QtBot) -> None:
    table, _fitted = _table(qtbot, 60)
    assert _shown(table) == [0]
