"""The Audit page keeps the texts being worked on in the database, across restarts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from profile_helper.core.settings import get_setting
from profile_helper.gui.app.main_window import MainWindow
from profile_helper.gui.app.run import prepare
from profile_helper.gui.audit.page import AuditPage
from profile_helper.gui.common.context import AppContext
from tests.gui.audit.support import settle


def _audit_page(window: MainWindow) -> AuditPage:
    page = window.show_page("audit")
    assert isinstance(page, AuditPage)
    return page


def _restart(qtbot: QtBot, data_dir: Path) -> tuple[AppContext, MainWindow]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    prepare(app)
    ctx = AppContext(data_dir)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    return ctx, window


def test_the_draft_is_saved_as_one_types_and_restored_after_a_restart(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(AuditPage, "DRAFT_SAVE_MS", 0)
    monkeypatch.setattr(AuditPage, "DEBOUNCE_MS", 0)
    ctx, window = _restart(qtbot, data_dir)
    page = _audit_page(window)
    qtbot.keyClicks(page.headline.editor, "Data engineer")
    page.about.set_text("I build pipelines.")
    page.job.set_text("We need a data engineer.")
    qtbot.waitUntil(lambda: not page.draft_timer.isActive())
    assert get_setting(ctx.database(), AuditPage.DRAFT_KEY) == {
        "headline": "Data engineer",
        "about": "I build pipelines.",
        "skills": "",
        "job": "We need a data engineer.",
    }
    settle(qtbot, page)
    window.close()
    ctx.close()

    ctx, window = _restart(qtbot, data_dir)
    page = _audit_page(window)
    qtbot.waitUntil(lambda: page.headline.text() == "Data engineer")
    assert page.about.text() == "I build pipelines."
    assert page.job.text() == "We need a data engineer."
    settle(qtbot, page)
    window.close()
    ctx.close()


def test_the_draft_is_saved_on_close(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(AuditPage, "DRAFT_SAVE_MS", 60_000)
    monkeypatch.setattr(AuditPage, "DEBOUNCE_MS", 0)
    ctx, window = _restart(qtbot, data_dir)
    page = _audit_page(window)
    page.skills.set_text("Python, SQL")
    assert page.draft_timer.isActive()
    settle(qtbot, page)
    assert window.close()
    assert not page.draft_timer.isActive()
    assert get_setting(ctx.database(), AuditPage.DRAFT_KEY)["skills"] == "Python, SQL"
    ctx.close()


def test_typing_before_the_draft_is_read_wins(
    qtbot: QtBot, ctx: AppContext, audit_page: AuditPage
) -> None:
    audit_page.headline.set_text("old")
    audit_page.save_draft()
    audit_page._draft_read = False
    audit_page.headline.set_text("new")
    audit_page.restore_draft()
    assert audit_page.headline.text() == "new"
