"""Fixtures for driving the real main window offscreen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from profile_helper.gui import msgbox
from profile_helper.gui.app import prepare
from profile_helper.gui.context import AppContext
from profile_helper.gui.main_window import MainWindow


@pytest.fixture
def ctx(qapp: object, data_dir: Path) -> Iterator[AppContext]:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    prepare(app)
    context = AppContext(data_dir)
    yield context
    context.close()


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def no_windows() -> Iterator[None]:
    """Messages go to stderr, as with --no-err-windows."""
    msgbox.set_no_err_windows(True)
    yield
    msgbox.set_no_err_windows(False)
