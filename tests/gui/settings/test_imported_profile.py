"""Settings, "Your profile": the imported LinkedIn headline, industry and location, read-only."""

from __future__ import annotations

from profile_helper.core.my_profile import models, store
from profile_helper.gui.app.main_window import MainWindow
from profile_helper.gui.settings.page import SettingsPage
from profile_helper.gui.settings.profile import ProfileSection


def _section(window: MainWindow) -> ProfileSection:
    page = window.show_page("settings")
    assert isinstance(page, SettingsPage)
    section = page.section(ProfileSection)
    assert isinstance(section, ProfileSection)
    return section


def test_nothing_imported_says_how_to_import(window: MainWindow) -> None:
    section = _section(window)
    section.load()
    assert "nothing imported yet" in section.imported.text()
    assert "import linkedin-archive" in section.imported.text()
    assert section.imported.toolTip()


def test_the_imported_values_are_shown_escaped(window: MainWindow) -> None:
    conn = window.ctx.database()
    store.put_single_value(conn, models.HEADLINE, "Data Engineer <Python & AWS>")
    store.put_single_value(conn, models.LOCATION, "Hamburg, Germany")
    section = _section(window)
    section.load()
    text = section.imported.text()
    assert "Headline: Data Engineer &lt;Python &amp; AWS&gt;" in text
    assert "Industry: –" in text and "Location: Hamburg, Germany" in text
    assert section.imported.accessibleName() == "Imported LinkedIn profile"
