"""The Today page: what is due, its badge, the empty state and the tray reminder."""

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from profile_helper.core.contacts.followup_model import FollowUp
from profile_helper.core.contacts.followups import add_follow_up, get_follow_up
from profile_helper.core.contacts.models import ContactDraft
from profile_helper.core.contacts.store import add_contact
from profile_helper.gui.app.main_window import MainWindow
from profile_helper.gui.common.context import AppContext
from profile_helper.gui.contacts.page import ContactsPage
from profile_helper.gui.today.page import FollowUpRow, TodayPage
from profile_helper.gui.today.tray import DueTray, due_message


@pytest.fixture(autouse=True)
def _no_reminder_timer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(TodayPage, "REMIND_EVERY_MS", 0)


def _seed(ctx: AppContext) -> dict[str, int]:
    conn = ctx.database()
    today = date.today()
    ana = add_contact(conn, ContactDraft(first_name="Ana", last_name="García"))
    bo = add_contact(conn, ContactDraft(first_name="Bo", last_name="Li"))
    return {
        "ana": ana,
        "bo": bo,
        "late": add_follow_up(conn, ana, today - timedelta(days=3), "Send the deck"),
        "today": add_follow_up(conn, bo, today, "Thank-you note"),
        "soon": add_follow_up(conn, bo, today + timedelta(days=4), "Check in"),
        "far": add_follow_up(conn, bo, today + timedelta(days=30), "Quarterly hello"),
    }


def _open_today(qtbot: QtBot, ctx: AppContext) -> tuple[MainWindow, TodayPage]:
    """The real window over the data seeded so far, showing its Today page."""
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("today")
    assert isinstance(page, TodayPage)
    return window, page


def _rows(page: TodayPage) -> list[FollowUpRow]:
    return page.list_widget.findChildren(FollowUpRow)


def _button(row: FollowUpRow, text: str) -> QPushButton:
    return next(b for b in row.findChildren(QPushButton) if b.text() == text)


def test_sections_badge_and_status(qtbot: QtBot, ctx: AppContext) -> None:
    ids = _seed(ctx)
    window, page = _open_today(qtbot, ctx)
    assert [[f.id for f in v] for v in page.sections.values()] == [
        [ids["late"]],
        [ids["today"]],
        [ids["soon"]],
    ]
    assert window.badge("today") == 2
    assert page.summary.text().startswith("2 follow-ups due, 1 overdue")
    assert window.statusBar().currentMessage() == "2 follow-ups due, 1 overdue"
    assert len(_rows(page)) == 3

    late_row = next(r for r in _rows(page) if r.item.id == ids["late"])
    _button(late_row, "Done").click()
    assert get_follow_up(ctx.database(), ids["late"]).done_at is not None
    assert window.badge("today") == 1

    page.snooze(ids["today"], "tomorrow")
    assert window.badge("today") == 0
    assert [f.id for f in page.sections["Next 7 days"]] == [ids["today"], ids["soon"]]


def test_open_contact_goes_to_the_contacts_page(qtbot: QtBot, ctx: AppContext) -> None:
    ids = _seed(ctx)
    window, page = _open_today(qtbot, ctx)
    row = next(r for r in _rows(page) if r.item.id == ids["soon"])
    with qtbot.waitSignal(page.open_contact_requested) as signal:
        _button(row, "Open").click()
    assert signal.args == [ids["bo"]]
    contacts = window.current_page()
    assert isinstance(contacts, ContactsPage)
    assert contacts.detail.contact is not None and contacts.detail.contact.id == ids["bo"]
    assert contacts.selected_ids() == [ids["bo"]]


def test_nothing_due_shows_the_empty_state(qtbot: QtBot, window: MainWindow) -> None:
    page = window.show_page("today")
    assert isinstance(page, TodayPage)
    assert not page.empty.isHidden()
    assert page.scroll_area.isHidden()
    assert window.badge("today") == 0


def _follow_up(name: str) -> FollowUp:
    return FollowUp(1, 1, "2024-01-01", "x", None, "", contact_name=name)


def test_tray_message() -> None:
    assert due_message([_follow_up("Ana")]) == ("1 follow-up due", "Ana")
    names = ["Ana", "Bo", "Cy", "Di", "Ed"]
    title, text = due_message([_follow_up(n) for n in names])
    assert (title, text) == ("5 follow-ups due", "Ana, Bo, Cy and 2 more")
    assert due_message([_follow_up("")])[1] == "Open Today to see them."


def test_tray_does_not_repeat_itself(qtbot: QtBot, ctx: AppContext) -> None:
    tray = DueTray()
    due = [_follow_up("Ana")]
    assert tray.notify(due) == ("1 follow-up due", "Ana")
    assert tray.notify(due) is None
    assert tray.notify(due, again=True) is not None
    assert tray.notify([]) is None
