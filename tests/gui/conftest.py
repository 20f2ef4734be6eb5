"""Fixtures for driving the real main window offscreen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from profile_helper.gui.app.main_window import MainWindow
from profile_helper.gui.app.run import prepare
from profile_helper.gui.audit.page import AuditPage
from profile_helper.gui.common import msgbox
from profile_helper.gui.common.context import AppContext
from tests.gui.audit.support import settle


@pytest.fixture
def ctx(qapp: object, data_dir: Path) -> Iterator[AppContext]:
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
def audit_page(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> Iterator[AuditPage]:
    """The Audit page on its own, auditing at once rather than after a pause in typing."""
    monkeypatch.setattr(AuditPage, "DEBOUNCE_MS", 0)
    widget = AuditPage(ctx)
    widget.resize(1300, 900)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    # Not given to qtbot.addWidget: pytest-qt deletes those before fixtures end, and the page
    # must first finish the audit it may still be running.
    settle(qtbot, widget)
    widget.close()
    widget.deleteLater()


@pytest.fixture
def no_windows() -> Iterator[None]:
    """Messages go to stderr, as with --no-err-windows."""
    msgbox.set_no_err_windows(True)
    yield
    msgbox.set_no_err_windows(False)
