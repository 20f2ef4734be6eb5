"""The Settings page: sections, and "Your profile" saved to the settings table."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from profile_helper.core.settings import get_setting
from profile_helper.gui.app.main_window import MainWindow
from profile_helper.gui.common.changes import Change
from profile_helper.gui.common.context import AppContext
from profile_helper.gui.settings.data import DataSection
from profile_helper.gui.settings.page import SettingsPage
from profile_helper.gui.settings.profile import PITCH_MAX, ProfileSection


def _page(window: MainWindow) -> SettingsPage:
    page = window.show_page("settings")
    assert isinstance(page, SettingsPage)
    return page


def test_profile_is_saved_to_the_settings_table(
    qtbot: QtBot, ctx: AppContext, window: MainWindow
) -> None:
    section = _page(window).section(ProfileSection)
    assert isinstance(section, ProfileSection)
    assert not section.save_button.isEnabled()
    qtbot.keyClicks(section.edits["profile.name"], "Jane Doe")
    qtbot.keyClicks(section.edits["profile.target_role"], "Data Engineer")
    qtbot.keyClicks(section.signature, "Jane")
    qtbot.keyClick(section.signature, Qt.Key.Key_Return)
    qtbot.keyClicks(section.signature, "jane@example.org")
    section.premium.setChecked(True)
    assert section.save_button.isEnabled()
    with qtbot.waitSignal(ctx.data_changed) as changed:
        qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    assert changed.args == [Change.SETTINGS]
    conn = ctx.database()
    assert get_setting(conn, "profile.name") == "Jane Doe"
    assert get_setting(conn, "profile.target_role") == "Data Engineer"
    assert get_setting(conn, "profile.signature") == "Jane\njane@example.org"
    assert get_setting(conn, "linkedin.premium") is True
    assert not section.save_button.isEnabled()
    # Shown again, it reads back what is stored.
    section.edits["profile.name"].setText("changed, not saved")
    section.load()
    assert section.edits["profile.name"].text() == "Jane Doe"


def test_too_long_pitch_is_flagged_next_to_the_field(
    qtbot: QtBot, ctx: AppContext, window: MainWindow
) -> None:
    section = _page(window).section(ProfileSection)
    assert isinstance(section, ProfileSection)
    qtbot.keyClicks(section.edits["profile.pitch"], "x" * (PITCH_MAX + 1))
    assert section.pitch_error.isVisible()
    section.save()
    assert get_setting(ctx.database(), "profile.pitch") == ""


def test_data_section_shows_where_the_data_lives(ctx: AppContext, window: MainWindow) -> None:
    section = _page(window).section(DataSection)
    assert isinstance(section, DataSection)
    paths = dict(section.places)
    assert paths["Data folder"] == ctx.data_dir
    assert paths["Your templates"] == ctx.data_dir / "templates"
