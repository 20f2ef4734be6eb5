"""Answering a modal dialog in a GUI test as a person would: once it is open, act on it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

W = TypeVar("W", bound=QWidget)


def when_modal(kind: type[W], act: Callable[[W], None]) -> None:
    """Act on the next modal widget of ``kind`` once it is shown (polled from the event loop,
    since a modal dialog's ``exec`` only returns when it is answered)."""

    def run() -> None:
        widget = QApplication.activeModalWidget()
        if not isinstance(widget, kind):
            QTimer.singleShot(10, run)
            return
        act(widget)

    QTimer.singleShot(0, run)
