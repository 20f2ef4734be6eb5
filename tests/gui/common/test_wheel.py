"""The wheel never changes a field that does not have focus; the scroll area scrolls instead."""

from PySide6.QtCore import QDate, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from profile_helper.gui.common.context import AppContext
from profile_helper.gui.common.wheel import WheelGuard, install


def _wheel_down(widget: QWidget) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def _form(qtbot: QtBot) -> tuple[QScrollArea, QComboBox, QSpinBox, QDateEdit]:
    content = QWidget()
    column = QVBoxLayout(content)
    combo = QComboBox()
    combo.addItems(["connected", "advocate", "dormant"])
    spin = QSpinBox()
    spin.setValue(5)
    date = QDateEdit(QDate(2026, 12, 3))
    for widget in (combo, spin, date):
        column.addWidget(widget)
    column.addSpacing(3000)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(content)
    area.resize(300, 200)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    return area, combo, spin, date


def test_wheel_over_unfocused_fields_scrolls_the_area(qtbot: QtBot, ctx: AppContext) -> None:
    area, combo, spin, date = _form(qtbot)
    for widget in (combo, spin, date):
        assert widget.focusPolicy() == Qt.FocusPolicy.StrongFocus
    bar = area.verticalScrollBar()
    for widget in (combo, spin, date):
        before = bar.value()
        _wheel_down(widget)
        assert bar.value() > before, widget
    assert combo.currentText() == "connected"
    assert spin.value() == 5
    assert date.date() == QDate(2026, 12, 3)


def test_wheel_over_a_focused_field_changes_it(qtbot: QtBot, ctx: AppContext) -> None:
    _area, combo, _spin, _date = _form(qtbot)
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    _wheel_down(combo)
    assert combo.currentText() == "advocate"


def test_the_guard_is_installed_once(ctx: AppContext) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert len(app.findChildren(WheelGuard)) == 1


def test_fields_polished_before_the_guard_get_its_policy(qtbot: QtBot, ctx: AppContext) -> None:
    # The app installs the guard after its first frame: the fields of that frame were polished
    # without it.
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    (guard,) = app.findChildren(WheelGuard)
    app.removeEventFilter(guard)
    guard.setParent(None)
    guard.deleteLater()
    combo = QComboBox()
    qtbot.addWidget(combo)
    combo.show()
    qtbot.waitExposed(combo)
    assert combo.focusPolicy() == Qt.FocusPolicy.WheelFocus
    install(app)
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert len(app.findChildren(WheelGuard)) == 1
