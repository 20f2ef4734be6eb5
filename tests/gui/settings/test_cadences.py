"""The Stay in touch section sets and removes a cadence for everyone with a tag."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from profile_helper.core.contacts import store
from profile_helper.core.contacts.followups import follow_ups_of, tag_cadences
from profile_helper.core.contacts.models import ContactDraft
from profile_helper.gui.common.context import AppContext
from profile_helper.gui.settings.cadences import CadencesSection


def test_a_tag_cadence_gives_everyone_with_the_tag_a_follow_up(
    qtbot: QtBot, ctx: AppContext
) -> None:
    conn = ctx.database()
    mentor = store.add_contact(conn, ContactDraft(first_name="Ada", tags=["mentor"]))
    other = store.add_contact(conn, ContactDraft(first_name="Bo", tags=["recruiter"]))
    section = CadencesSection(ctx)
    qtbot.addWidget(section)
    section.load()
    assert section.tag.findText("mentor") >= 0
    section.tag.setEditText("mentor")
    section.days.setValue(14)
    with qtbot.waitSignal(ctx.data_changed):
        qtbot.mouseClick(section.set_button, Qt.MouseButton.LeftButton)
    assert tag_cadences(conn) == {"mentor": 14}
    assert [f.kind for f in follow_ups_of(conn, mentor)] == ["cadence"]
    assert follow_ups_of(conn, other) == []
    assert section.list.count() == 1 and "every 14 days" in section.list.item(0).text()

    section.list.setCurrentRow(0)
    with qtbot.waitSignal(ctx.data_changed):
        section.remove_button.click()
    assert tag_cadences(conn) == {}
    assert follow_ups_of(conn, mentor) == []  # the open cadence follow-up goes with it
    assert section.list.count() == 0
