"""The Contacts page driven like a person would, on a real database in the real window."""

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QMessageBox,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from profile_helper.core.contacts.followups import add_follow_up
from profile_helper.core.contacts.interactions import timeline
from profile_helper.core.contacts.models import ContactDraft
from profile_helper.core.contacts.store import add_contact, contact_count, get_contact
from profile_helper.core.paths import database_path
from profile_helper.gui.app.main_window import MainWindow
from profile_helper.gui.common.context import AppContext
from profile_helper.gui.contacts.bulk import BulkActions, contacts
from profile_helper.gui.contacts.export_dialog import ExportDialog
from profile_helper.gui.contacts.import_wizard import ImportWizard
from profile_helper.gui.contacts.page import ContactsPage
from tests.core.contacts.builders import big_connections, connections_csv, write
from tests.gui.dialogs import when_modal


@pytest.fixture(autouse=True)
def _instant_search(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ContactsPage, "SEARCH_DELAY_MS", 0)


def _seed(conn: sqlite3.Connection) -> dict[str, int]:
    people = {
        "ana": ContactDraft(first_name="Ana", last_name="García", company="Globex"),
        "bo": ContactDraft(first_name="Bo", last_name="Li", position="Recruiter", tags=["hr"]),
        "cy": ContactDraft(first_name="Cy", last_name="Zhang", company="Acme"),
    }
    return {k: add_contact(conn, d) for k, d in people.items()}


def _page(window: MainWindow) -> ContactsPage:
    page = window.show_page("contacts")
    assert isinstance(page, ContactsPage)
    return page


def _select_rows(page: ContactsPage, rows: list[int]) -> None:
    selection = page.table.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(
            page.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


def _answer_dialog(act: Callable[[QDialog], None]) -> None:
    """Act on the next modal dialog as a person would, once it is open."""
    when_modal(QDialog, act)


def test_export_is_of_everyone_unless_several_are_selected(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    ids = _seed(window.ctx.database())
    page = _page(window)
    _select_rows(page, [page.model.row_of(ids["bo"])])
    one = ExportDialog(window.ctx, page.selected_ids(), page.model.all_ids(), page)
    qtbot.addWidget(one)
    assert one.all_button.isChecked()
    assert one.selected_button.text() == "The selected contact"
    assert one.filtered_button.text() == "The 3 contacts in the list now"
    out = tmp_path / "all.csv"
    one.export_to(out)
    qtbot.waitUntil(lambda: "Exported 3 contacts to" in one.note.text())

    _select_rows(page, [0, 1])
    two = ExportDialog(window.ctx, page.selected_ids(), [ids["ana"]], page)
    qtbot.addWidget(two)
    assert two.selected_button.isChecked()
    assert two.selected_button.text() == "The 2 contacts selected"
    assert two.filtered_button.text() == "The 1 contact in the list now"
    two.export_to(tmp_path / "two.csv")
    qtbot.waitUntil(lambda: "Exported 2 contacts to" in two.note.text())


def test_no_match_says_so_and_clears_the_filters(qtbot: QtBot, window: MainWindow) -> None:
    ids = _seed(window.ctx.database())
    page = _page(window)
    assert page.results.currentWidget() is page.table
    qtbot.waitUntil(lambda: page.tag_filter.findData("hr") >= 0)
    page.tag_filter.setCurrentIndex(page.tag_filter.findData("hr"))
    qtbot.keyClicks(page.search, "garc")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert page.results.currentWidget() is page.no_match
    assert page.no_match.isVisible()
    assert page.no_match.button is not None
    qtbot.mouseClick(page.no_match.button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 3
    assert page.search.text() == ""
    assert page.tag_filter.currentIndex() == 0
    assert page.results.currentWidget() is page.table
    # Accents folded, words matched by their start.
    qtbot.keyClicks(page.search, "garcia glob")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.id_at(0) == ids["ana"]


def test_empty_store_shows_what_to_do(window: MainWindow) -> None:
    page = _page(window)
    assert page.stack.currentWidget() is page.empty
    assert "LinkedIn" in page.empty.text_label.text()


def test_search_as_you_type_and_shortcuts(qtbot: QtBot, window: MainWindow) -> None:
    ids = _seed(window.ctx.database())
    page = _page(window)
    assert page.model.rowCount() == 3
    assert page.count_label.text() == "3 contacts"
    window.activateWindow()
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    qtbot.keyClicks(page.search, "globex")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.id_at(0) == ids["ana"]
    assert page.count_label.text() == "1 of 3"
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)

    page.tag_filter.setCurrentIndex(page.tag_filter.findData("hr"))
    assert [page.model.id_at(r) for r in range(page.model.rowCount())] == [ids["bo"]]
    page.tag_filter.setCurrentIndex(0)
    add_follow_up(window.ctx.database(), ids["cy"], "2001-01-01", "Overdue")
    page.show_filter.setCurrentText("Overdue")
    assert [page.model.id_at(r) for r in range(page.model.rowCount())] == [ids["cy"]]


def test_add_contact_with_validation_next_to_the_field(qtbot: QtBot, window: MainWindow) -> None:
    page = _page(window)
    window.activateWindow()
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = page.detail.form
    assert page.detail.title.text() == "New contact"
    qtbot.keyClicks(form.emails, "not-an-email")
    page.detail.save_button.click()
    assert not form.errors["first_name"].isHidden()
    assert "not-an-email" in form.errors["emails"].text()
    assert contact_count(window.ctx.database()) == 0

    form.emails.clear()
    qtbot.keyClicks(form.emails, "ana@globex.io")
    qtbot.keyClicks(form.first, "Ana")
    qtbot.keyClicks(form.company, "Globex")
    qtbot.keyClicks(form.tags, "mentor, berlin")
    with qtbot.waitSignal(window.ctx.data_changed):
        page.detail.save_button.click()
    assert form.errors["first_name"].isHidden()
    (contact_id,) = [page.model.id_at(r) for r in range(page.model.rowCount())]
    saved = get_contact(window.ctx.database(), contact_id)
    assert (saved.first_name, saved.emails, saved.tags) == (
        "Ana",
        ["ana@globex.io"],
        ["berlin", "mentor"],
    )
    assert page.selected_ids() == [contact_id]
    assert page.stack.currentIndex() == 0


def test_detail_edits_logs_and_writes(qtbot: QtBot, window: MainWindow) -> None:
    ids = _seed(window.ctx.database())
    page = _page(window)
    page.open_contact(ids["bo"])
    assert page.selected_ids() == [ids["bo"]]
    detail = page.detail
    assert detail.form.first.text() == "Bo"
    detail.form.company.setText("Hooli")
    detail.form.company.textEdited.emit("Hooli")
    assert detail.save_button.isEnabled()
    detail.save()
    assert get_contact(window.ctx.database(), ids["bo"]).company == "Hooli"
    row = page.model.row_of(ids["bo"])
    assert page.model.data(page.model.index(row, 1)) == "Hooli"

    detail.tabs.setCurrentIndex(1)
    qtbot.keyClicks(detail.timeline.summary, "Coffee at the meetup")
    detail.timeline.log_button.click()
    assert [i.summary for i in timeline(window.ctx.database(), ids["bo"])] == [
        "Coffee at the meetup"
    ]
    assert detail.timeline.list.count() == 1

    detail.tabs.setCurrentIndex(2)
    qtbot.keyClicks(detail.follow_ups.reason, "Send the deck")
    detail.follow_ups.reason.returnPressed.emit()
    assert detail.follow_ups.list.count() == 1
    assert get_contact(window.ctx.database(), ids["bo"]).next_follow_up is not None
    detail.follow_ups.list.setCurrentRow(0)
    detail.follow_ups.done_button.click()
    assert get_contact(window.ctx.database(), ids["bo"]).next_follow_up is None

    with qtbot.waitSignal(page.write_message_requested) as signal:
        detail.write_button.click()
    assert signal.args == [ids["bo"]]


def test_sorting_by_clicking_a_header(qtbot: QtBot, window: MainWindow) -> None:
    ids = _seed(window.ctx.database())
    page = _page(window)
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(1) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    order = [page.model.id_at(r) for r in range(page.model.rowCount())]
    assert order[:2] == [ids["cy"], ids["ana"]]  # Acme, Globex, then no company


def test_bulk_tag_status_follow_up_and_delete(qtbot: QtBot, window: MainWindow) -> None:
    ids = _seed(window.ctx.database())
    page = _page(window)
    _select_rows(page, [0, 1])
    chosen = page.selected_ids()
    assert len(chosen) == 2 and page.tag_button.isEnabled()
    assert page.selection_label.text() == "2 selected"

    def type_and_accept(text: str) -> Callable[[QDialog], None]:
        def act(dialog: QDialog) -> None:
            combo = dialog.findChild(QComboBox)
            assert combo is not None
            combo.setCurrentText(text)
            dialog.accept()

        return act

    _answer_dialog(type_and_accept("conference"))
    page.tag_button.click()
    assert all("conference" in get_contact(window.ctx.database(), i).tags for i in chosen)
    assert page.tag_filter.findData("conference") > 0

    _select_rows(page, [0, 1])
    _answer_dialog(type_and_accept("talking"))
    page.status_button.click()
    assert {get_contact(window.ctx.database(), i).status for i in chosen} == {"talking"}

    _select_rows(page, [0, 1])
    _answer_dialog(lambda dialog: dialog.accept())
    page.follow_button.click()
    assert all(get_contact(window.ctx.database(), i).next_follow_up for i in chosen)

    # Delete asks first: Cancel keeps everyone, Delete removes the selection.
    _select_rows(page, [0, 1])
    _answer_dialog(lambda dialog: dialog.reject())
    page.delete_button.click()
    assert contact_count(window.ctx.database()) == 3

    def press_delete(dialog: QDialog) -> None:
        assert isinstance(dialog, QMessageBox)
        button = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Delete")
        button.click()

    _select_rows(page, [0, 1])
    _answer_dialog(press_delete)
    page.delete_button.click()
    assert contact_count(window.ctx.database()) == 1
    assert page.model.rowCount() == 1
    assert set(ids.values()) - set(chosen) == {page.model.id_at(0)}


def test_import_and_export_dialogs(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    page = _page(window)
    source = write(
        tmp_path / "Connections.csv",
        connections_csv(
            [
                'Ana,García,https://www.linkedin.com/in/ana,,"TechStart, Inc.",CTO,15 Jan 2024',
                ",,,,,,1 Jan 2020",
            ]
        ),
    )
    wizard = ImportWizard(window.ctx, page)
    qtbot.addWidget(wizard)
    wizard.imported.connect(page._changed)
    wizard.set_file(source)
    qtbot.waitUntil(wizard.import_button.isEnabled)
    assert "1</b> new" in wizard.summary.text()
    first = wizard.preview_table.item(0, 0)
    assert first is not None and first.text() == "Ana García"
    assert contact_count(window.ctx.database()) == 0  # a preview writes nothing
    with qtbot.waitSignal(wizard.imported):
        wizard.import_button.click()
    assert "1 added" in wizard.summary.text()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)

    broken = write(tmp_path / "broken.zip", b"nope")
    wizard.set_file(broken)
    qtbot.waitUntil(lambda: "cannot be imported" in wizard.summary.text())
    assert not wizard.import_button.isEnabled()

    dialog = ExportDialog(window.ctx, [], page.model.all_ids(), page)
    qtbot.addWidget(dialog)
    out = tmp_path / "out.vcf"
    dialog.what.setCurrentIndex(1)
    dialog.export_to(out)
    qtbot.waitUntil(lambda: "Exported 1 contact to" in dialog.note.text())
    assert "FN:Ana García" in out.read_text(encoding="utf-8")


@pytest.mark.slow
def test_cancelling_a_large_import_changes_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    page = _page(window)
    source = write(tmp_path / "Connections.csv", big_connections(20_000))
    wizard = ImportWizard(window.ctx, page)
    qtbot.addWidget(wizard)
    wizard.set_file(source)
    qtbot.waitUntil(wizard.import_button.isEnabled, timeout=30_000)
    wizard.import_button.click()
    op = wizard.op
    assert op is not None
    # Cancel as soon as the first progress arrives, as a person pressing Cancel would.
    op.signals.progress.connect(lambda *_: wizard.cancel_button.click())
    with qtbot.waitSignal(op.signals.finished, timeout=30_000):
        pass
    assert "cancelled" in wizard.summary.text()
    assert contact_count(window.ctx.database()) == 0


@pytest.mark.parametrize("key", ["contacts", "today"])
def test_a_damaged_database_is_a_plain_message(
    qtbot: QtBot, ctx: AppContext, no_windows: None, capsys: pytest.CaptureFixture[str], key: str
) -> None:
    database_path(ctx.data_dir).write_bytes(b"not a database" * 500)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    win.show_page("settings" if key == "today" else "today")
    capsys.readouterr()
    win.show_page(key)
    err = capsys.readouterr().err
    title = "Contacts" if key == "contacts" else "Today"
    assert f"profile-helper: error: {title}:" in err
    assert "Traceback" not in err
    if key == "contacts":
        page = win.page("contacts")
        assert isinstance(page, ContactsPage)
        assert not page.add_button.isEnabled()


def _answer_unsaved(button: QMessageBox.StandardButton, asked: list[str]) -> None:
    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, QMessageBox)
        asked.append(dialog.text())
        dialog.button(button).click()

    _answer_dialog(act)


def _edit_company(page: ContactsPage, company: str) -> None:
    page.detail.form.company.setText(company)
    page.detail.form.company.textEdited.emit(company)


def test_moving_to_another_contact_asks_to_save(qtbot: QtBot, window: MainWindow) -> None:
    ids = _seed(window.ctx.database())
    page = _page(window)
    page.open_contact(ids["ana"])
    asked: list[str] = []

    # Cancel: nothing saved, still on Ana with the edit.
    _edit_company(page, "Initech")
    _answer_unsaved(QMessageBox.StandardButton.Cancel, asked)
    _select_rows(page, [page.model.row_of(ids["cy"])])
    assert asked == ["Save your changes to Ana García before moving on?"]
    assert get_contact(window.ctx.database(), ids["ana"]).company == "Globex"
    assert page.detail.contact is not None and page.detail.contact.id == ids["ana"]
    assert page.detail.form.company.text() == "Initech"
    assert page.selected_ids() == [ids["ana"]]

    # Discard: nothing saved, on Cy.
    _answer_unsaved(QMessageBox.StandardButton.Discard, asked)
    _select_rows(page, [page.model.row_of(ids["cy"])])
    assert get_contact(window.ctx.database(), ids["ana"]).company == "Globex"
    assert page.detail.contact.id == ids["cy"]

    # Save: stored, on Bo.
    _edit_company(page, "Initech")
    _answer_unsaved(QMessageBox.StandardButton.Save, asked)
    _select_rows(page, [page.model.row_of(ids["bo"])])
    assert get_contact(window.ctx.database(), ids["cy"]).company == "Initech"
    assert page.detail.contact.id == ids["bo"]
    assert page.selected_ids() == [ids["bo"]]
    assert len(asked) == 3

    # Saving invalid edits keeps the person where they are, with the problem shown.
    page.detail.form.emails.setText("nope")
    page.detail.form.emails.textEdited.emit("nope")
    _answer_unsaved(QMessageBox.StandardButton.Save, asked)
    _select_rows(page, [page.model.row_of(ids["ana"])])
    assert page.detail.contact.id == ids["bo"]
    assert not page.detail.form.errors["emails"].isHidden()
    assert page.selected_ids() == [ids["bo"]]
    page.detail.revert()


def test_leaving_the_page_or_closing_asks_to_save(qtbot: QtBot, window: MainWindow) -> None:
    ids = _seed(window.ctx.database())
    page = _page(window)
    page.open_contact(ids["ana"])
    asked: list[str] = []
    _edit_company(page, "Initech")
    _answer_unsaved(QMessageBox.StandardButton.Cancel, asked)
    window.show_page("today")
    assert window.current_page() is page
    assert asked and page.detail.is_dirty()

    _answer_unsaved(QMessageBox.StandardButton.Cancel, asked)
    assert not window.close()
    assert window.isVisible() and page.detail.is_dirty()

    _answer_unsaved(QMessageBox.StandardButton.Save, asked)
    assert window.close()
    assert get_contact(window.ctx.database(), ids["ana"]).company == "Initech"
    assert len(asked) == 3


def test_without_windows_unsaved_edits_are_saved(
    qtbot: QtBot, window: MainWindow, no_windows: None, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = _seed(window.ctx.database())
    page = _page(window)
    page.open_contact(ids["ana"])
    _edit_company(page, "Initech")
    window.show_page("today")
    assert window.current_page().key == "today"
    assert get_contact(window.ctx.database(), ids["ana"]).company == "Initech"
    assert "(answered save)" in capsys.readouterr().err


def test_bulk_messages_count_one_contact_in_the_singular(
    qtbot: QtBot, db: sqlite3.Connection, no_windows: None
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    ana = add_contact(db, ContactDraft(first_name="Ana"))
    bo = add_contact(db, ContactDraft(first_name="Bo"))
    actions = BulkActions(db, lambda: [ana], parent)
    messages: list[str] = []
    actions.message.connect(messages.append)
    actions.tag([ana], "conference")
    actions.status([ana, bo], "talking")
    actions.follow_up([ana], "2030-01-02", "Check in")
    actions.delete([ana], confirmed=True)
    assert messages == [
        "Tagged 1 contact “conference”",
        "Status of 2 contacts set to “talking”",
        "Follow-up on 2030-01-02 set for 1 contact",
        "Deleted 1 contact",
    ]
    assert contacts(1_024) == "1,024 contacts"


def test_the_first_showing_reads_the_contacts_order_once(window: MainWindow) -> None:
    """The table sorts as the model already reads, so enabling sorting reads nothing again
    (with thirty thousand contacts each reading is tens of milliseconds of the start)."""
    conn = window.ctx.database()
    _seed(conn)
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    page = _page(window)
    conn.set_trace_callback(None)
    orders = [s for s in statements if s.lstrip().startswith("SELECT c.id FROM")]
    assert len(orders) == 1, orders
    assert page.table.horizontalHeader().sortIndicatorSection() == 0
    assert page.model.query.sort == "name" and not page.model.query.descending
