"""The system's light or dark scheme: the first frame takes it as last seen, then it is checked."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from profile_helper.gui.app.main_window import MainWindow
from profile_helper.gui.app.run import finish_start, prepare_look
from profile_helper.gui.common import theme
from profile_helper.gui.common.context import AppContext


@pytest.fixture
def fresh_scheme(qapp: QApplication) -> Iterator[None]:
    """No scheme known to the app before or after the test (other tests see the real one)."""
    qapp.setProperty("profileHelperSystemDark", None)
    yield
    qapp.setProperty("profileHelperSystemDark", None)
    prepare_look(qapp)


def _window_colour(app: QApplication) -> str:
    return str(app.palette().color(QPalette.ColorRole.Window).name())


def test_a_first_start_asks_the_system_and_keeps_what_it_said(
    qapp: QApplication, ctx: AppContext, fresh_scheme: None
) -> None:
    settings = ctx.view_settings()
    prepare_look(qapp, theme.SYSTEM, settings)
    # Offscreen, the system's scheme is unknown, which is light.
    assert theme.current() is theme.LIGHT
    assert AppContext(ctx.data_dir).view_settings().value(theme.SYSTEM_DARK_KEY) == "false"


def test_the_first_frame_takes_the_scheme_last_seen_and_the_check_corrects_it(
    qapp: QApplication, ctx: AppContext, window: MainWindow, fresh_scheme: None
) -> None:
    # Dark when the app was last open; the system has turned light since.
    settings = ctx.view_settings()
    settings.setValue(theme.SYSTEM_DARK_KEY, "true")
    prepare_look(qapp, theme.SYSTEM, settings)
    assert theme.current() is theme.DARK
    assert _window_colour(qapp) == QColor(theme.DARK.window).name()
    finish_start(qapp, window, ctx.data_dir)
    assert theme.current() is theme.LIGHT
    assert _window_colour(qapp) == QColor(theme.LIGHT.window).name()
    assert window.styleSheet() == theme.stylesheet(theme.LIGHT)
    assert (
        QSettings(str(ctx.data_dir / "window.ini"), QSettings.Format.IniFormat).value(
            theme.SYSTEM_DARK_KEY
        )
        == "false"
    )


def test_a_chosen_theme_is_kept_whatever_the_system_scheme_was(
    qapp: QApplication, ctx: AppContext, window: MainWindow, fresh_scheme: None
) -> None:
    settings = ctx.view_settings()
    settings.setValue(theme.SYSTEM_DARK_KEY, "false")
    prepare_look(qapp, theme.DARK_CHOICE, settings)
    finish_start(qapp, window, ctx.data_dir)
    assert theme.current() is theme.DARK
    assert _window_colour(qapp) == QColor(theme.DARK.window).name()
