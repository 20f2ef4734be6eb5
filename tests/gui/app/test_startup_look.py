"""What start-up speed must not cost: the look (the style sheet now lives on each window), the
parts built on first use, and garbage collection turned back on once the window is up."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from profile_helper.gui.app.main_window import MainWindow
from profile_helper.gui.app.run import collect_garbage_again
from profile_helper.gui.applications.page import ApplicationsPage
from profile_helper.gui.audit.page import AuditPage
from profile_helper.gui.common import theme
from profile_helper.gui.today.page import TodayPage


def test_the_style_sheet_is_the_windows_not_the_apps(
    qapp: QApplication, window: MainWindow
) -> None:
    assert qapp.styleSheet() == ""
    assert window.styleSheet() == theme.stylesheet(theme.current())


def test_a_page_built_on_its_own_gets_the_windows_look(qtbot: QtBot, window: MainWindow) -> None:
    page = window.show_page("contacts")
    qtbot.waitExposed(page)
    title = page.findChild(QLabel, "PageTitle")
    assert title is not None
    # 22px and semi-bold come from the window's sheet only.
    assert title.font().pixelSize() == 22
    assert title.font().weight() > QLabel().font().weight()


def test_a_window_without_parent_gets_the_sheet_and_a_child_inherits_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    alone = QDialog()
    qtbot.addWidget(alone)
    theme.style_window(alone)
    assert alone.styleSheet() == window.styleSheet()
    child = QDialog(window)
    theme.style_window(child)
    assert child.styleSheet() == ""


def test_a_message_without_parent_is_styled(qtbot: QtBot, window: MainWindow) -> None:
    box = QMessageBox()
    qtbot.addWidget(box)
    theme.style_window(box)
    assert "QPushButton#Primary" in box.styleSheet()


def test_applying_the_theme_again_restyles_the_windows(
    qapp: QApplication, window: MainWindow
) -> None:
    window.setStyleSheet("")
    theme.apply(qapp)
    assert window.styleSheet() == theme.stylesheet(theme.current())


def test_the_habit_cards_line_up_once_styled(qtbot: QtBot, window: MainWindow) -> None:
    page = window.show_page("today")
    assert isinstance(page, TodayPage)
    page.page_shown()
    panel = page.habits
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: len({card.title.y() for card in panel.cards.values()}) == 1)
    tops = {card.count.y() for card in panel.cards.values()}
    assert len(tops) == 1
    # The footer is as tall as the styled button (with the sheet's padding), not Fusion's.
    assert panel.cards["applications"].streak.minimumHeight() == (
        panel.log_button.sizeHint().height()
    )


def test_applications_statistics_are_built_when_first_shown(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = window.show_page("applications")
    assert isinstance(page, ApplicationsPage)
    page.set_view("board")
    assert page._stats is None
    page.set_view("statistics")
    assert page._stats is not None
    assert page.views.currentWidget() is page.stats
    assert page.current_view() == "statistics"


def test_audit_rewrites_are_built_when_their_tab_opens(qtbot: QtBot, window: MainWindow) -> None:
    page = window.show_page("audit")
    assert isinstance(page, AuditPage)
    assert page._rewrites is None
    page.tabs.setCurrentWidget(page.rewrites_tab)
    assert page._rewrites is not None
    assert page._rewrites.isVisibleTo(page)


@pytest.fixture
def gc_state() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    gc.unfreeze()
    if enabled:
        gc.enable()
    else:
        gc.disable()


def test_garbage_collection_comes_back_after_start_up(gc_state: None) -> None:
    gc.disable()
    collect_garbage_again()
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0


def test_garbage_collection_left_alone_when_it_was_on(gc_state: None) -> None:
    gc.enable()
    before = gc.get_freeze_count()
    collect_garbage_again()
    assert gc.isenabled()
    assert gc.get_freeze_count() == before


def test_view_state_is_written_only_when_it_changed(window: MainWindow) -> None:
    window.save_view_state()
    ini = window.ctx.data_dir / "window.ini"
    ini.write_text(ini.read_text(encoding="utf-8") + "; untouched\n", encoding="utf-8")
    window.save_view_state()
    assert "; untouched" in ini.read_text(encoding="utf-8")
    window.show_page("contacts")
    window.save_view_state()
    assert "; untouched" not in ini.read_text(encoding="utf-8")
    assert window.ctx.view_settings().value("main/page") == "contacts"
