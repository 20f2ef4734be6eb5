"""One app-wide rule: the mouse wheel never changes a value in a field that does not have focus.

Scrolling a form over a Status box or a date used to change them on the way past. Combo boxes,
spin boxes and date edits take focus only by click or Tab (``StrongFocus``), and a wheel over one
that has no focus goes to whatever encloses it, usually the scroll area.

It is installed once the first frame is painted, and its module names Qt's namespace only when
it runs (``QtCore.Qt``): the first use builds Python types for all of it (about 30 ms).
"""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)

GUARDED: tuple[type[QWidget], ...] = (QComboBox, QAbstractSpinBox)
"""QAbstractSpinBox covers QSpinBox, QDoubleSpinBox, QDateEdit and QDateTimeEdit."""

_INSTALLED = "profile_helper_wheel_guard"
_WATCHED = frozenset({QEvent.Type.Wheel, QEvent.Type.Polish})


class WheelGuard(QObject):
    """The application-wide event filter; install it with :func:`install`."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of the app passes here: the cheap test first.
        kind = event.type()
        if kind not in _WATCHED or not isinstance(watched, GUARDED):
            return False
        if kind == QEvent.Type.Polish and watched.focusPolicy() == QtCore.Qt.FocusPolicy.WheelFocus:
            watched.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)
        elif kind == QEvent.Type.Wheel and not watched.hasFocus():
            area = _enclosing_scroll_area(watched)
            if area is not None:
                # Sent on rather than ignored: Qt does not pass synthesized wheels to parents.
                QApplication.sendEvent(area.viewport(), event)
            else:
                event.ignore()  # handled here but not accepted: Qt passes it to the parents
            return True
        return False


def _enclosing_scroll_area(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def install(app: QApplication) -> WheelGuard:
    """Install the guard once on ``app``; calling it again returns the one installed.

    Fields made (and polished) before it was installed are given the policy they would have
    had, so the guard may come after the first window has been painted.
    """
    existing = app.findChild(WheelGuard, _INSTALLED)
    if isinstance(existing, WheelGuard):
        return existing
    guard = WheelGuard(app)
    guard.setObjectName(_INSTALLED)
    app.installEventFilter(guard)
    for widget in QApplication.allWidgets():
        if isinstance(widget, GUARDED) and widget.focusPolicy() == QtCore.Qt.FocusPolicy.WheelFocus:
            widget.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)
    return guard
