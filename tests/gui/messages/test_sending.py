"""Messages page with the contacts store: choose a contact, write, and mark as sent."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from profile_helper.core.contacts.followups import follow_ups_of
from profile_helper.core.contacts.interactions import timeline
from profile_helper.core.contacts.models import ContactDraft
from profile_helper.core.contacts.store import add_contact
from profile_helper.core.settings import set_setting
from profile_helper.core.templates.cadence import add_business_days
from profile_helper.gui.app.main_window import MainWindow
from profile_helper.gui.common import msgbox
from profile_helper.gui.common.changes import Change
from profile_helper.gui.common.context import AppContext
from profile_helper.gui.messages.page import MessagesPage


@pytest.fixture
def contact_id(ctx: AppContext) -> int:
    conn = ctx.database()
    set_setting(conn, "profile.name", "Jane Doe")
    add_contact(conn, ContactDraft(first_name="Sam", last_name="Other", company="Contoso"))
    return add_contact(
        conn,
        ContactDraft(
            first_name="Alex",
            last_name="Kim",
            company="Northwind Analytics",
            position="CTO",
            emails=["alex@northwind.example"],
        ),
    )


@pytest.fixture
def page(window: MainWindow, contact_id: int) -> MessagesPage:
    shown = window.show_page("messages")
    assert isinstance(shown, MessagesPage)
    return shown


# The completer's popup asks the offscreen platform for things it cannot do.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_pick_contact_fill_and_mark_as_sent(
    qtbot: QtBot, ctx: AppContext, page: MessagesPage, contact_id: int
) -> None:
    page.select_template("informational_interview")
    composer = page.composer
    assert not composer.sent_button.isEnabled()  # no contact yet

    qtbot.keyClicks(page.picker.search, "nobody")
    assert not page.picker.no_match.isHidden()
    page.picker.search.clear()
    qtbot.keyClicks(page.picker.search, "northwind")
    assert page.picker.no_match.isHidden()
    popup = page.picker.completer.popup()
    assert page.picker.results.stringList() == ["Alex Kim · CTO at Northwind Analytics"]
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert page.picker.contact is not None and page.picker.contact["id"] == contact_id
    assert page.picker.chosen_label.text() == "Alex Kim · CTO at Northwind Analytics"
    assert composer.body.toPlainText().startswith("Hi Alex,")
    assert "Northwind Analytics" in composer.body.toPlainText()
    qtbot.keyClicks(composer.form.edits["topic"], "data contracts")
    assert composer.sent_button.isEnabled()

    with qtbot.waitSignal(ctx.data_changed) as changed:
        qtbot.mouseClick(composer.sent_button, Qt.MouseButton.LeftButton)
    assert changed.args == [Change.CONTACTS]

    conn = ctx.database()
    events = timeline(conn, contact_id)
    assert [e.kind for e in events] == ["message"]
    assert "Informational interview request" in events[0].summary
    follow_ups = [f for f in follow_ups_of(conn, contact_id) if f.kind == "manual"]
    assert len(follow_ups) == 1
    assert follow_ups[0].due == add_business_days(date.today(), 7).isoformat()


def test_edited_text_is_what_gets_logged(
    qtbot: QtBot, ctx: AppContext, page: MessagesPage, contact_id: int
) -> None:
    page.compose_for_contact(contact_id)
    page.select_template("congratulate")
    qtbot.keyClicks(page.composer.form.edits["news"], "the launch")
    page.composer.body.setPlainText("Huge congratulations on the launch, Alex!")
    page.mark_sent()
    events = timeline(ctx.database(), contact_id)
    assert "Huge congratulations on the launch" in events[0].summary
    # A congratulation schedules no follow-up.
    assert not [f for f in follow_ups_of(ctx.database(), contact_id) if f.kind == "manual"]


def test_compose_for_contact_chooses_it_and_change_clears_it(
    qtbot: QtBot, page: MessagesPage, contact_id: int
) -> None:
    page.compose_for_contact(contact_id)
    assert page.current_template() is not None
    assert page.picker.contact is not None and page.picker.contact["full_name"] == "Alex Kim"
    assert page.composer.body.toPlainText().startswith("Hi Alex")
    qtbot.mouseClick(page.picker.change_button, Qt.MouseButton.LeftButton)
    assert page.picker.contact is None and not page.picker.search.isHidden()
    assert page.composer.body.toPlainText().startswith("Hi there")


def test_unknown_contact_id_is_shown_not_raised(
    page: MessagesPage, capsys: pytest.CaptureFixture[str], no_windows: None
) -> None:
    page.compose_for_contact(987654)
    assert page.picker.contact is None
    assert "987654" in capsys.readouterr().err


def test_an_over_limit_message_asks_before_copy_or_mark_as_sent(
    qtbot: QtBot, page: MessagesPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    page.select_template("connection_note")
    composer = page.composer
    composer.body.setPlainText("A very long note. " * 20)
    assert composer.over_limit() > 0
    asked: list[str] = []
    answer = {"value": False}

    def confirm(_parent: object, title: str, text: str, action: str = "OK") -> bool:
        asked.append(f"{title}|{text}|{action}")
        return answer["value"]

    monkeypatch.setattr(msgbox, "confirm", confirm)
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("before")
    composer.copy()
    assert clipboard.text() == "before" and "over the 200" in asked[-1]
    answer["value"] = True
    with qtbot.waitSignal(composer.status_message) as copied:
        composer.copy()
    assert clipboard.text().startswith("A very long note.")
    assert "copied" in str(copied.args[0])
    answer["value"] = False
    with qtbot.assertNotEmitted(composer.mark_sent_requested):
        composer.request_mark_sent()
    assert asked[-1].endswith("Mark as sent anyway")
