"""Deleting a timeline entry (after asking) and removing a tag from many contacts at once."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QDialog, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from profile_helper.core.contacts.followups import follow_ups_of, set_tag_cadence
from profile_helper.core.contacts.interactions import log_interaction, timeline
from profile_helper.core.contacts.models import ContactDraft
from profile_helper.core.contacts.store import add_contact, get_contact
from profile_helper.gui.contacts.bulk import BulkActions
from profile_helper.gui.contacts.timeline import TimelinePanel
from tests.gui.dialogs import when_modal


def _answer_dialog(act: Callable[[QDialog], None]) -> None:
    """Act on the next modal dialog as a person would, once it is open."""
    when_modal(QDialog, act)


def _press(text: str) -> Callable[[QDialog], None]:
    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, QMessageBox)
        next(b for b in dialog.findChildren(QPushButton) if b.text() == text).click()

    return act


def test_a_timeline_entry_is_deleted_only_after_asking(
    qtbot: QtBot, db: sqlite3.Connection
) -> None:
    cid = add_contact(db, ContactDraft(first_name="Ana", last_name="Li", cadence_days=30))
    log_interaction(db, cid, "meeting", "Coffee at the meetup", when="2024-01-10")
    log_interaction(db, cid, "message", "Wrong person, logged by mistake", when="2024-02-01")
    panel = TimelinePanel(db)
    qtbot.addWidget(panel)
    panel.show_contact(cid)
    changes: list[None] = []
    panel.changed.connect(lambda: changes.append(None))
    panel.list.setCurrentRow(0)

    _answer_dialog(_press("Cancel"))
    assert not panel.delete_selected()
    assert len(timeline(db, cid)) == 2 and changes == []

    panel.list.setCurrentRow(0)
    _answer_dialog(_press("Delete"))
    assert panel.delete_selected()
    assert [i.summary for i in timeline(db, cid)] == ["Coffee at the meetup"]
    assert panel.list.count() == 1 and changes == [None]
    assert get_contact(db, cid).last_interaction == "2024-01-10"
    assert [f.due for f in follow_ups_of(db, cid) if f.done_at is None] == ["2024-02-09"]


def test_remove_a_tag_from_the_selected_contacts(qtbot: QtBot, db: sqlite3.Connection) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    ana = add_contact(db, ContactDraft(first_name="Ana", tags=["mentor", "hr"]))
    bo = add_contact(db, ContactDraft(first_name="Bo", tags=["mentor"]))
    set_tag_cadence(db, "mentor", 14)
    actions = BulkActions(db, lambda: [ana, bo], parent)
    messages: list[str] = []
    actions.message.connect(messages.append)

    def choose_mentor(dialog: QDialog) -> None:
        combo = dialog.findChild(QComboBox)
        assert combo is not None
        assert combo.findText("mentor") >= 0
        combo.setCurrentText("Mentor")
        dialog.accept()

    _answer_dialog(choose_mentor)
    actions.ask_untag()
    assert get_contact(db, ana).tags == ["hr"] and get_contact(db, bo).tags == []
    assert messages == ["Removed the tag “Mentor” from 2 contacts"]
    # The tag's stay-in-touch cadence went with it.
    assert follow_ups_of(db, ana) == [] and follow_ups_of(db, bo) == []
