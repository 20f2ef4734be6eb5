"""Settings, Appearance: the theme changes the palette at once and is kept for the next start."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from profile_helper.gui.app.main_window import MainWindow
from profile_helper.gui.app.run import prepare
from profile_helper.gui.common import theme
from profile_helper.gui.common.context import AppContext
from profile_helper.gui.settings.appearance import AppearanceSection
from profile_helper.gui.settings.page import SettingsPage


def _section(window: MainWindow) -> AppearanceSection:
    page = window.show_page("settings")
    assert isinstance(page, SettingsPage)
    section = page.section(AppearanceSection)
    assert isinstance(section, AppearanceSection)
    return section


def _window_colour(app: QApplication) -> str:
    return str(app.palette().color(QPalette.ColorRole.Window).name())


def test_choosing_dark_then_light_changes_the_palette_and_the_sheet(
    qtbot: QtBot, qapp: QApplication, window: MainWindow
) -> None:
    section = _section(window)
    assert section.buttons[theme.SYSTEM].isChecked()
    qtbot.mouseClick(section.buttons[theme.DARK_CHOICE], Qt.MouseButton.LeftButton)
    assert _window_colour(qapp) == QColor(theme.DARK.window).name()
    assert window.styleSheet() == theme.stylesheet(theme.DARK)
    qtbot.mouseClick(section.buttons[theme.LIGHT_CHOICE], Qt.MouseButton.LeftButton)
    assert _window_colour(qapp) == QColor(theme.LIGHT.window).name()
    assert window.styleSheet() == theme.stylesheet(theme.LIGHT)


def test_the_choice_is_kept_in_the_view_settings_and_applied_at_start(
    qtbot: QtBot, qapp: QApplication, ctx: AppContext, window: MainWindow
) -> None:
    qtbot.mouseClick(_section(window).buttons[theme.DARK_CHOICE], Qt.MouseButton.LeftButton)
    assert ctx.view_settings().value(theme.SETTING_KEY) == theme.DARK_CHOICE
    # The next start: the app's look is reset, then prepared from the stored choice before any
    # database is opened.
    prepare(qapp)
    assert theme.chosen() == theme.SYSTEM
    prepare(qapp, theme.stored_choice(AppContext(ctx.data_dir).view_settings()))
    assert theme.current() is theme.DARK
    assert _window_colour(qapp) == QColor(theme.DARK.window).name()
    # Settings shows what is applied.
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    section = _section(again)
    section.load()
    assert section.buttons[theme.DARK_CHOICE].isChecked()


def test_an_unknown_stored_theme_means_system(ctx: AppContext) -> None:
    settings = ctx.view_settings()
    settings.setValue(theme.SETTING_KEY, "sepia")
    assert theme.stored_choice(settings) == theme.SYSTEM


def test_the_sidebar_icons_follow_the_theme(qtbot: QtBot, window: MainWindow) -> None:
    def lightness() -> int:
        """The mean lightness of the icon's drawn strokes: dark on Light, light on Dark."""
        image = window.nav.item(0).icon().pixmap(40, 40).toImage()
        drawn = [
            image.pixelColor(x, y).lightness()
            for x in range(image.width())
            for y in range(image.height())
            if image.pixelColor(x, y).alpha() > 200
        ]
        assert drawn
        return sum(drawn) // len(drawn)

    qtbot.mouseClick(_section(window).buttons[theme.LIGHT_CHOICE], Qt.MouseButton.LeftButton)
    assert lightness() < 100
    qtbot.mouseClick(_section(window).buttons[theme.DARK_CHOICE], Qt.MouseButton.LeftButton)
    assert lightness() > 150
