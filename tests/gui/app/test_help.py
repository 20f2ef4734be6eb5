"""The user guide (F1 on each page, the Help menu) and the list of keyboard shortcuts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from profile_helper.core.resources import resource_path
from profile_helper.gui.app.about_dialog import AboutDialog
from profile_helper.gui.app.help_window import TOPICS, HelpWindow, topic_text
from profile_helper.gui.app.main_window import MainWindow
from profile_helper.gui.app.shortcuts_dialog import EVERYWHERE, ShortcutsDialog
from profile_helper.gui.common.page import PAGES
from tests.gui.dialogs import when_modal


def test_every_page_and_privacy_has_a_guide_page_with_a_title_and_text() -> None:
    keys = [key for key, _title in TOPICS]
    assert keys == [*(info.key for info in PAGES), "privacy"]
    for key, title in TOPICS:
        text = topic_text(key)
        assert text.startswith(f"# {title}\n"), key
        assert len(text.split()) > 100, f"{key}: the guide's page is too short to help"
    # No page of the guide is left out of the topics.
    shipped = {path.stem for path in resource_path("help").glob("*.md")}
    assert shipped == set(keys)


def test_links_between_guide_pages_lead_to_existing_pages() -> None:
    for key, _title in TOPICS:
        for target in ("contacts", "applications", "privacy"):
            if f"]({target}.md)" in topic_text(key):
                assert target in dict(TOPICS)


@pytest.mark.parametrize("key", [info.key for info in PAGES])
def test_f1_opens_the_guide_on_the_page_shown(qtbot: QtBot, window: MainWindow, key: str) -> None:
    window.show_page(key)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = window.findChild(HelpWindow)
    assert guide is not None
    qtbot.waitExposed(guide)
    assert guide.key == key
    title = dict(TOPICS)[key]
    assert guide.browser.toPlainText().startswith(title)
    assert guide.topics.currentItem().text() == title
    assert not isinstance(QApplication.activeModalWidget(), AboutDialog)
    guide.close()


def test_a_link_in_the_guide_opens_that_page_in_place(qtbot: QtBot, window: MainWindow) -> None:
    guide = window.show_help("settings")
    qtbot.waitExposed(guide)
    guide.follow(QUrl("privacy.md"))
    assert guide.key == "privacy"
    assert "recovery key" in guide.browser.toPlainText()
    guide.close()


def test_the_help_menu_has_the_guide_the_shortcuts_and_about(window: MainWindow) -> None:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    assert isinstance(menu, QMenu)
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["&User guide", "&Keyboard shortcuts", "&About Profile Helper"]
    about = menu.actions()[-1]
    assert about.shortcut().isEmpty()  # F1 is the guide's
    seen: list[str] = []

    def close(dialog: AboutDialog) -> None:
        seen.append(dialog.windowTitle())
        dialog.reject()

    when_modal(AboutDialog, close)
    about.trigger()
    assert seen == ["About Profile Helper"]


def test_the_shortcuts_list_is_read_from_the_window(qtbot: QtBot, window: MainWindow) -> None:
    shown: list[ShortcutsDialog] = []

    def look(dialog: ShortcutsDialog) -> None:
        shown.append(dialog)
        dialog.reject()

    when_modal(ShortcutsDialog, look)
    window.show_shortcuts()
    (dialog,) = shown
    everywhere = {e.keys: e.what for e in dialog.entries if e.where == EVERYWHERE}
    for number, info in enumerate(PAGES, start=1):
        assert everywhere[f"Ctrl+{number}"] == info.title
    assert everywhere["F1"] == "User guide"
    assert everywhere["Ctrl+/"] == "Keyboard shortcuts"
    assert everywhere["Ctrl+Q"] == "Quit"
    # The pages' own: a QShortcut (with what it does), and a button with a shortcut of its own.
    by_page = {(e.where, e.keys): e.what for e in dialog.entries}
    assert by_page["Contacts", "Ctrl+N"] == "Add a contact"
    assert by_page["Applications", "Alt+2"] == "Show the board"
    assert by_page["Settings", "Ctrl+Shift+B"] == "Back up now"
    assert all(entry.what for entry in dialog.entries), "a shortcut without a description"
    assert dialog.table.rowCount() == len(dialog.entries)
