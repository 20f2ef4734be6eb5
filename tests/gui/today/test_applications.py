"""The Today page with application follow-ups: what a row says, Write message, Open, Mark sent."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from profile_helper.core.applications.events import change_status
from profile_helper.core.contacts.followups import add_follow_up, get_follow_up
from profile_helper.core.contacts.interactions import timeline
from profile_helper.core.settings import set_setting
from profile_helper.gui.app.main_window import MainWindow
from profile_helper.gui.applications.page import ApplicationsPage
from profile_helper.gui.messages.page import MessagesPage
from profile_helper.gui.today.page import FollowUpRow, TodayPage
from tests.core.applications.builders import application, contact


@pytest.fixture(autouse=True)
def _no_reminder_timer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(TodayPage, "REMIND_EVERY_MS", 0)


def _seed(window: MainWindow) -> dict[str, int]:
    conn = window.ctx.database()
    today = date.today()
    mira = contact(conn, "Mira", "Okafor")
    jonas = contact(conn, "Jonas", "Berg")
    ana = contact(conn, "Ana", "García")
    app = application(
        conn,
        "Nordlicht",
        applied=(today - timedelta(days=10)).isoformat(),
        contacts=[(mira, "interviewer"), (jonas, "interviewer")],
        today=today,
    )
    change_status(
        conn, app, "interviewing", on=(today - timedelta(days=1)).isoformat(), today=today
    )
    by_person = {
        r["contact_id"]: r["id"]
        for r in conn.execute(
            "SELECT id, contact_id FROM follow_ups WHERE application_id = ?", (app,)
        )
    }
    return {
        "app": app,
        "mira": mira,
        "jonas": jonas,
        "ana": ana,
        "mira_fu": by_person[mira],
        "jonas_fu": by_person[jonas],
        "ana_fu": add_follow_up(conn, ana, today, "Send the deck"),
    }


def _today(window: MainWindow) -> TodayPage:
    page = window.show_page("today")
    assert isinstance(page, TodayPage)
    page.refresh()  # the window opens on Today, before the test wrote anything
    return page


def _row(page: TodayPage, follow_up_id: int) -> FollowUpRow:
    return next(r for r in page.list_widget.findChildren(FollowUpRow) if r.item.id == follow_up_id)


def _buttons(row: FollowUpRow) -> list[str]:
    return [b.text() for b in row.findChildren(QPushButton)]


def test_rows_say_which_application(window: MainWindow) -> None:
    ids = _seed(window)
    page = _today(window)
    mira_row = _row(page, ids["mira_fu"])
    texts = [label.text() for label in mira_row.findChildren(QLabel)]
    assert "Thank-you to Mira Okafor — Data Engineer at Nordlicht" in texts
    assert "Thank Mira Okafor for the interview" in texts
    assert "General follow-up" not in texts
    assert _buttons(mira_row) == ["Write message", "Done", "Snooze", "Open"]
    ana_row = _row(page, ids["ana_fu"])
    assert "Ana García" in [label.text() for label in ana_row.findChildren(QLabel)]
    assert _buttons(ana_row) == ["Write message", "Done", "Snooze", "Open"]
    assert window.badge("today") == 3


def test_write_message_on_a_contact_follow_up_writes_to_the_contact(
    qtbot: QtBot, window: MainWindow
) -> None:
    ids = _seed(window)
    page = _today(window)
    row = _row(page, ids["ana_fu"])
    write = next(b for b in row.findChildren(QPushButton) if b.text() == "Write message")
    with qtbot.waitSignal(page.write_to_contact_requested) as asked:
        write.click()
    assert asked.args == [ids["ana"]]
    messages = window.current_page()
    assert isinstance(messages, MessagesPage)
    assert "Ana García" in messages.picker.chosen_label.text()
    assert messages.composer.job is None


def test_write_message_then_mark_sent_closes_the_follow_up(
    qtbot: QtBot, window: MainWindow
) -> None:
    ids = _seed(window)
    page = _today(window)
    row = _row(page, ids["jonas_fu"])
    write = next(b for b in row.findChildren(QPushButton) if b.text() == "Write message")
    with qtbot.waitSignal(page.write_message_requested) as asked:
        write.click()
    assert asked.args == [ids["app"], "thank_you_interview", ids["jonas_fu"]]
    messages = window.current_page()
    assert isinstance(messages, MessagesPage)
    current = messages.current_template()
    assert current is not None and current.id == "thank_you_interview"
    # The follow-up's person, not the first interviewer the application names.
    assert messages.picker.contact is not None and messages.picker.contact["id"] == ids["jonas"]
    assert messages.composer.body.toPlainText().startswith("Hi Jonas")
    assert "Nordlicht" in messages.composer.body.toPlainText()

    with qtbot.waitSignal(window.ctx.data_changed):
        messages.mark_sent()
    conn = window.ctx.database()
    assert get_follow_up(conn, ids["jonas_fu"]).done_at is not None
    assert get_follow_up(conn, ids["mira_fu"]).done_at is None
    (logged,) = timeline(conn, ids["jonas"])
    assert logged.summary.startswith("Sent “")
    assert timeline(conn, ids["mira"]) == []
    assert "follow-up done" in window.statusBar().currentMessage()
    page = _today(window)
    assert {r.item.id for r in page.list_widget.findChildren(FollowUpRow)} == {
        ids["mira_fu"],
        ids["ana_fu"],
    }
    assert window.badge("today") == 2


def test_a_message_to_a_contact_after_one_about_an_application_closes_nothing(
    window: MainWindow,
) -> None:
    ids = _seed(window)
    messages = window.show_page("messages")
    assert isinstance(messages, MessagesPage)
    messages.compose_for_application(ids["app"], "thank_you_interview", ids["mira_fu"])
    messages.compose_for_contact(ids["mira"])
    messages.select_template("congratulate")
    messages.composer.body.setPlainText("Congratulations on the launch, Mira!")
    messages.mark_sent()
    conn = window.ctx.database()
    assert get_follow_up(conn, ids["mira_fu"]).done_at is None
    assert [e.kind for e in timeline(conn, ids["mira"])] == ["message"]


def test_open_shows_the_application(qtbot: QtBot, window: MainWindow) -> None:
    ids = _seed(window)
    other = application(window.ctx.database(), "Acme", "Analyst")
    applications = window.show_page("applications")
    assert isinstance(applications, ApplicationsPage)
    applications.set_view("statistics")
    applications.search.setText("Acme")
    applications.select(other)
    page = _today(window)
    row = _row(page, ids["mira_fu"])
    open_button = next(b for b in row.findChildren(QPushButton) if b.text() == "Open")
    with qtbot.waitSignal(page.open_application_requested) as asked:
        open_button.click()
    assert asked.args == [ids["app"]]
    assert window.current_page() is applications
    assert applications.selected_id == ids["app"]
    assert applications.search.text() == ""
    assert applications.current_view() == "board"
    assert applications.detail.isVisible()


def test_open_a_deleted_application_says_so(
    window: MainWindow, no_windows: None, capsys: pytest.CaptureFixture[str]
) -> None:
    applications = window.show_page("applications")
    assert isinstance(applications, ApplicationsPage)
    applications.open_application(4242)
    assert "4242" in capsys.readouterr().err
    assert applications.selected_id is None


def test_write_message_from_the_application_closes_the_follow_up_it_answers(
    window: MainWindow,
) -> None:
    ids = _seed(window)
    conn = window.ctx.database()
    change_status(conn, ids["app"], "rejected")
    (feedback,) = [
        r["id"]
        for r in conn.execute(
            "SELECT id FROM follow_ups WHERE application_id = ? AND template = 'feedback_request' "
            "AND done_at IS NULL",
            (ids["app"],),
        )
    ]
    applications = window.show_page("applications")
    assert isinstance(applications, ApplicationsPage)
    applications.write_message_requested.emit(ids["app"])
    messages = window.current_page()
    assert isinstance(messages, MessagesPage)
    current = messages.current_template()
    assert current is not None and current.id == "feedback_request"
    messages.mark_sent()
    assert get_follow_up(conn, feedback).done_at is not None
    person = messages.picker.contact
    assert person is not None and person["id"] in (ids["mira"], ids["jonas"])
    assert len(timeline(conn, person["id"])) == 1


def test_a_message_about_an_application_with_no_one_named_can_be_marked_sent(
    qtbot: QtBot, window: MainWindow
) -> None:
    conn = window.ctx.database()
    set_setting(conn, "profile.name", "Jo Doe")  # messages sign off with it
    today = date.today()
    app = application(conn, "Helios", applied=(today - timedelta(days=3)).isoformat(), today=today)
    change_status(
        conn, app, "interviewing", on=(today - timedelta(days=1)).isoformat(), today=today
    )
    (follow_up,) = [
        r["id"] for r in conn.execute("SELECT id FROM follow_ups WHERE application_id = ?", (app,))
    ]
    messages = window.show_page("messages")
    assert isinstance(messages, MessagesPage)
    messages.compose_for_application(app, "thank_you_interview", follow_up)
    assert messages.picker.contact is None
    assert not messages.composer.sent_button.isEnabled()  # the detail is still to fill in
    qtbot.keyClicks(messages.composer.form.edits["detail"], "the streaming migration")
    assert messages.composer.sent_button.isEnabled()
    assert "application's timeline" in messages.composer.sent_button.toolTip()
    with qtbot.waitSignal(window.ctx.data_changed):
        messages.mark_sent()
    assert get_follow_up(conn, follow_up).done_at is not None
