"""The Applications page driven as a person would: the board's drag and drop, the table, detail."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from profile_helper.core.applications.events import change_status, new_application
from profile_helper.core.applications.models import ApplicationDraft
from profile_helper.core.applications.store import add_contacts, get_application
from profile_helper.core.contacts.models import ContactDraft
from profile_helper.core.contacts.store import add_contact
from profile_helper.gui.app.main_window import MainWindow
from profile_helper.gui.applications.board import BoardColumn, card_id
from profile_helper.gui.applications.edit_dialog import ApplicationDialog
from profile_helper.gui.applications.page import ApplicationsPage
from profile_helper.gui.applications.people import AddPersonDialog, contact_choices
from profile_helper.gui.common.context import AppContext
from tests.gui.dialogs import when_modal

JOB = "Senior Data Engineer\nNorthwind Analytics · Berlin, Germany · 2 days ago\n\nPython, dbt."


def _day(days_ago: int) -> str:
    return (date.today() - timedelta(days=days_ago)).isoformat()


@pytest.fixture
def apps(ctx: AppContext) -> dict[str, int]:
    conn = ctx.database()
    ana = add_contact(conn, ContactDraft(first_name="Ana", last_name="García"))
    ids = {
        "northwind": new_application(
            conn,
            ApplicationDraft("Northwind Analytics", "Senior Data Engineer", job_text=JOB),
            applied_on=_day(10),
            contacts=[(ana, "interviewer")],
        ),
        "contoso": new_application(
            conn, ApplicationDraft("Contoso", "Platform Engineer"), applied_on=_day(5)
        ),
        "fabrikam": new_application(conn, ApplicationDraft("Fabrikam", "Data Analyst")),
    }
    change_status(conn, ids["northwind"], "interviewing", on=_day(2))
    return ids


def _page(window: MainWindow) -> ApplicationsPage:
    page = window.show_page("applications")
    assert isinstance(page, ApplicationsPage)
    return page


def _drag_card(qtbot: QtBot, source: BoardColumn, application_id: int) -> None:
    """Press on a card and move the mouse: the column starts a drag carrying the card."""
    item = source.item_of(application_id)
    assert item is not None
    start = source.visualItemRect(item).center()
    qtbot.mousePress(source.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(source.viewport(), start + QPoint(8, 8))
    qtbot.mouseMove(source.viewport(), start + QPoint(40, 40))
    qtbot.mouseRelease(source.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(40, 40))


def _drop_on(target: BoardColumn, source: BoardColumn) -> bool:
    """Deliver the source's drag to the target as the window system would: enter, move, drop."""
    drag = source.last_drag
    assert drag is not None
    mime = drag.mimeData()
    pos = target.viewport().rect().center()
    move = Qt.DropAction.MoveAction | Qt.DropAction.CopyAction
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos, move, mime, buttons, keys)
    QApplication.sendEvent(target.viewport(), enter)
    if not enter.isAccepted():
        return False
    QApplication.sendEvent(target.viewport(), QDragMoveEvent(pos, move, mime, buttons, keys))
    drop = QDropEvent(pos.toPointF(), move, mime, buttons, keys)
    QApplication.sendEvent(target.viewport(), drop)
    return drop.isAccepted()


def test_dragging_a_card_changes_the_status_and_the_timeline(
    qtbot: QtBot, window: MainWindow, ctx: AppContext, apps: dict[str, int]
) -> None:
    page = _page(window)
    page.set_view("board")
    applied, screening = page.board.columns["applied"], page.board.columns["screening"]
    contoso = apps["contoso"]
    assert page.board.column_of(contoso) == "applied"

    _drag_card(qtbot, applied, contoso)
    assert applied.last_drag is not None
    assert card_id(applied.last_drag.mimeData()) == contoso
    with qtbot.waitSignal(page.status_message) as said:
        assert _drop_on(screening, applied)
    assert said.args == ["Platform Engineer at Contoso: screening"]
    assert page.board.column_of(contoso) == "screening"
    assert get_application(ctx.database(), contoso).status == "screening"
    assert page.selected_id == contoso
    assert page.detail.timeline_texts()[0] == f"{date.today().isoformat()}   Screening"
    # The chase after applying stopped: something happened.
    follow_ups = [
        page.detail.follow_ups.item(i).text() for i in range(page.detail.follow_ups.count())
    ]
    assert follow_ups == ["Nothing to do for now"]


def test_a_drop_to_rejected_after_an_interview_sets_the_feedback_request(
    qtbot: QtBot, window: MainWindow, ctx: AppContext, apps: dict[str, int]
) -> None:
    page = _page(window)
    page.set_view("board")
    source, target = page.board.columns["interviewing"], page.board.columns["rejected"]
    _drag_card(qtbot, source, apps["northwind"])
    with qtbot.waitSignal(page.status_message) as said:
        _drop_on(target, source)
    assert said.args[0].startswith(
        "Senior Data Engineer at Northwind Analytics: rejected at the interviewing stage. "
    )
    assert "Ask for feedback after the rejection on" in said.args[0]
    assert any("Ask for feedback" in page.detail.follow_ups.item(i).text()
               for i in range(page.detail.follow_ups.count()))  # fmt: skip


@pytest.mark.usefixtures("no_windows")
def test_a_refused_move_leaves_the_card_where_it_was(
    qtbot: QtBot,
    window: MainWindow,
    ctx: AppContext,
    apps: dict[str, int],
    capsys: pytest.CaptureFixture[str],
) -> None:
    page = _page(window)
    page.set_view("board")
    source, target = page.board.columns["saved"], page.board.columns["ghosted"]
    _drag_card(qtbot, source, apps["fabrikam"])
    _drop_on(target, source)
    assert page.board.column_of(apps["fabrikam"]) == "saved"
    assert get_application(ctx.database(), apps["fabrikam"]).status == "saved"
    assert "saved cannot move to ghosted" in capsys.readouterr().err
    # A card dropped on its own column is no move at all.
    _drag_card(qtbot, source, apps["fabrikam"])
    assert not _drop_on(source, source)


def test_the_table_model_and_selection(
    qtbot: QtBot, qtmodeltester: object, window: MainWindow, apps: dict[str, int]
) -> None:
    page = _page(window)
    page.set_view("table")
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    assert page.model.rowCount() == 3
    row = page.proxy.mapFromSource(page.model.index(page.model.row_of(apps["northwind"]), 2))
    assert row.data() == "Interviewing"
    page.table.selectRow(row.row())
    assert page.selected_id == apps["northwind"]
    assert page.detail.isVisible()
    assert page.detail.role.text() == "Senior Data Engineer"
    people = page.detail.people.item(0).text()
    assert people == "Ana García — interviewer"
    page.search.setText("contoso")
    assert page.model.rowCount() == 1


def test_detail_actions_ask_for_a_message_and_an_audit(
    qtbot: QtBot, window: MainWindow, apps: dict[str, int]
) -> None:
    page = _page(window)
    page.select(apps["northwind"])
    with qtbot.waitSignal(page.write_message_requested) as wrote:
        qtbot.mouseClick(page.detail.write_button, Qt.MouseButton.LeftButton)
    assert wrote.args == [apps["northwind"]]
    with qtbot.waitSignal(page.audit_job_requested) as audit:
        qtbot.mouseClick(page.detail.audit_button, Qt.MouseButton.LeftButton)
    assert audit.args == [JOB]
    page.select(apps["contoso"])
    assert not page.detail.audit_button.isEnabled()  # no job description to audit


def test_moving_from_the_detail_pane_records_the_stage(
    qtbot: QtBot, window: MainWindow, ctx: AppContext, apps: dict[str, int]
) -> None:
    page = _page(window)
    page.select(apps["contoso"])
    detail = page.detail
    detail.move_to.setCurrentIndex(detail.move_to.findData("rejected"))
    assert detail.stage.isVisibleTo(detail)
    detail.stage.setCurrentIndex(detail.stage.findData("screening"))
    with qtbot.waitSignal(page.status_message):
        qtbot.mouseClick(detail.move_button, Qt.MouseButton.LeftButton)
    app = get_application(ctx.database(), apps["contoso"])
    assert (app.status, app.rejected_stage) == ("rejected", "screening")
    assert not detail.move_button.isEnabled()  # rejected is closed


def test_pasting_a_job_description_fills_company_and_role(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = ApplicationDialog()
    qtbot.addWidget(dialog)
    dialog.job_text.setPlainText(JOB)
    assert (dialog.company.text(), dialog.role.text()) == (
        "Northwind Analytics",
        "Senior Data Engineer",
    )
    assert "company and role" in dialog.guess_note.text()
    # What the person typed is theirs: a later paste does not overwrite it.
    dialog.company.clear()
    qtbot.keyClicks(dialog.company, "Northwind GmbH")
    dialog.job_text.setPlainText("Backend Developer at Tailspin Toys")
    assert (dialog.company.text(), dialog.role.text()) == ("Northwind GmbH", "Backend Developer")


def test_adding_from_the_dialog(qtbot: QtBot, window: MainWindow, ctx: AppContext) -> None:
    page = _page(window)
    assert page.stack.currentWidget() is page.empty
    assert not page.toolbar.isVisible()
    dialog = ApplicationDialog(page)
    qtbot.addWidget(dialog)
    dialog.job_text.setPlainText(JOB)
    dialog.role.clear()
    dialog.accept()
    assert dialog.error.isVisibleTo(dialog)
    assert dialog.error.text() == "Give the role."
    dialog.role.setText("Data Engineer")
    app_id = page.save_new(dialog)
    assert app_id is not None
    assert page.stack.currentWidget() is page.content
    assert page.toolbar.isVisible()
    app = get_application(ctx.database(), app_id)
    assert (app.company, app.status, app.applied_on) == (
        "Northwind Analytics",
        "applied",
        date.today().isoformat(),
    )
    assert page.board.column_of(app_id) == "applied"


def test_statistics_view(qtbot: QtBot, window: MainWindow, apps: dict[str, int]) -> None:
    page = _page(window)
    page.set_view("statistics")
    assert not page.detail.isVisible()
    stats = page.stats.stats
    assert stats is not None
    assert (stats.days, stats.sent) == (30, 2)
    assert page.stats.sent.value.text() == "2"
    assert page.stats.interview_rate.value.text() == "50%"
    assert sum(n for _, n in page.stats.per_week.values()) == 2
    assert dict(page.stats.pipeline.values())["Interviewing"] == 1
    qtbot.mouseClick(page.stats.period_buttons[90], Qt.MouseButton.LeftButton)
    assert page.stats.stats is not None
    assert page.stats.stats.days == 90
    assert len(page.stats.per_week.values()) >= 13
    # The charts paint without errors at a real size.
    assert not page.stats.per_week.grab().isNull()
    assert not page.stats.pipeline.grab().isNull()


def test_a_move_can_be_undone(
    qtbot: QtBot, window: MainWindow, ctx: AppContext, apps: dict[str, int]
) -> None:
    page = _page(window)
    page.set_view("board")
    assert not page.undo_button.isVisible()
    source, target = page.board.columns["interviewing"], page.board.columns["rejected"]
    _drag_card(qtbot, source, apps["northwind"])
    _drop_on(target, source)
    assert page.board.column_of(apps["northwind"]) == "rejected"
    assert page.undo_button.isVisible()
    with qtbot.waitSignal(page.status_message) as said:
        qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    assert said.args == ["Moved back to interviewing"]
    assert page.board.column_of(apps["northwind"]) == "interviewing"
    assert not page.undo_button.isVisible()
    follow_ups = [
        page.detail.follow_ups.item(i).text() for i in range(page.detail.follow_ups.count())
    ]
    assert not any("feedback" in text for text in follow_ups)
    assert get_application(ctx.database(), apps["northwind"]).rejected_stage is None


def test_involving_a_person(qtbot: QtBot, ctx: AppContext, apps: dict[str, int]) -> None:
    conn = ctx.database()
    rita = add_contact(conn, ContactDraft(first_name="Rita", last_name="Okafor", company="Contoso"))
    choices = contact_choices(conn)
    assert ("Rita Okafor — Contoso") in [label for _, label in choices]
    dialog = AddPersonDialog(choices, "Contoso")
    qtbot.addWidget(dialog)
    # People at the application's company come first in the choice.
    assert dialog.selected() == (rita, "interviewer")
    dialog.role.setCurrentIndex(dialog.role.findData("recruiter"))
    dialog.contact.setEditText("Nobody at all")
    dialog.accept()
    assert dialog.error.text() == "Choose a contact from the list."
    dialog.contact.setCurrentIndex(dialog.contact.findText("Rita Okafor — Contoso"))
    chosen = dialog.selected()
    assert chosen == (rita, "recruiter")
    add_contacts(conn, apps["contoso"], [chosen[0]], chosen[1])
    assert [p.role for p in get_application(conn, apps["contoso"]).contacts] == ["recruiter"]


def test_the_missing_company_error_clears_when_it_is_given(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = ApplicationDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.save_button.isEnabled()
    assert dialog.error.isHidden()
    dialog.accept()
    assert dialog.error.text() == "Give the company and the role."
    qtbot.keyClicks(dialog.company, "Contoso")
    assert dialog.error.text() == "Give the role."
    qtbot.keyClicks(dialog.role, "Engineer")
    assert dialog.error.isHidden()
    assert dialog.save_button.isEnabled()
    # Emptied again by the person: said at once.
    dialog.company.selectAll()
    qtbot.keyClick(dialog.company, Qt.Key.Key_Backspace)
    assert dialog.error.text() == "Give the company."
    assert not dialog.save_button.isEnabled()
    dialog.company.setText("Contoso")
    dialog.done(0)


def _answer_unsaved(button: QMessageBox.StandardButton) -> None:
    when_modal(QMessageBox, lambda box: box.button(button).click())


@pytest.mark.parametrize(
    "case",
    [
        (QMessageBox.StandardButton.Cancel, "Northwind Analytics", False),
        (QMessageBox.StandardButton.Discard, "Northwind Analytics", True),
        (QMessageBox.StandardButton.Save, "Northwind GmbH", True),
    ],
)
def test_cancelling_an_edit_with_changes_asks_to_save(
    qtbot: QtBot,
    window: MainWindow,
    ctx: AppContext,
    apps: dict[str, int],
    case: tuple[QMessageBox.StandardButton, str, bool],
) -> None:
    answer, company, closed = case
    page = _page(window)
    results: list[bool] = []

    def edit() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ApplicationDialog):
            QTimer.singleShot(10, edit)
            return
        dialog.company.setText("Northwind GmbH")
        _answer_unsaved(answer)
        dialog.reject()
        results.append(dialog.isVisible())
        if dialog.isVisible():
            dialog.done(0)

    QTimer.singleShot(0, edit)
    page.edit_application(apps["northwind"])
    assert results == [not closed]
    assert get_application(ctx.database(), apps["northwind"]).company == company


def test_cancelling_an_unchanged_edit_asks_nothing(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = ApplicationDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reject()
    assert not dialog.isVisible()


def test_pasting_a_posting_detects_the_company_from_its_body(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = ApplicationDialog()
    qtbot.addWidget(dialog)
    dialog.job_text.setPlainText(
        "Data Analyst\nYou will build reports.\n\nAt Litware, we turn data into decisions."
    )
    assert (dialog.company.text(), dialog.role.text()) == ("Litware", "Data Analyst")
    assert dialog.save_button.isEnabled()
