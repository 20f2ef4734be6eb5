"""The Messages page driven with qtbot: pick a template, fill it, copy it, edit templates."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from profile_helper.core.settings import set_setting
from profile_helper.core.templates.catalog import list_templates
from profile_helper.gui.app.main_window import MainWindow
from profile_helper.gui.common.changes import Change
from profile_helper.gui.common.context import AppContext
from profile_helper.gui.messages.composer import mailto_url
from profile_helper.gui.messages.page import MessagesPage
from profile_helper.gui.messages.template_editor import TemplateEditor
from profile_helper.gui.messages.template_model import (
    TEMPLATE_ROLE,
    TemplateFilterModel,
    TemplateListModel,
)

CONTACT = {
    "id": 1,
    "first_name": "Alex",
    "last_name": "Kim",
    "full_name": "Alex Kim",
    "company": "Northwind",
    "position": "CTO",
    "email": "alex@northwind.example",
}


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext, window: MainWindow) -> MessagesPage:
    conn = ctx.database()
    set_setting(conn, "profile.name", "Jane Doe")
    set_setting(conn, "profile.target_role", "Data Engineer")
    shown = window.show_page("messages")
    assert isinstance(shown, MessagesPage)
    return shown


def test_template_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = TemplateListModel()
    model.set_templates(list_templates(None))
    qtmodeltester.check(model)
    proxy = TemplateFilterModel()
    proxy.setSourceModel(model)
    proxy.setFilterFixedString("interview")
    qtmodeltester.check(proxy)
    assert model.rowCount() >= 4  # categories
    ids = {
        model.index(r, 0, model.index(c, 0)).data(TEMPLATE_ROLE)
        for c in range(model.rowCount())
        for r in range(model.rowCount(model.index(c, 0)))
    }
    assert "feedback_request" in ids and "connection_note" in ids


def test_search_filters_templates_by_title_and_description(
    qtbot: QtBot, page: MessagesPage
) -> None:
    qtbot.keyClicks(page.search, "referral")
    visible = [
        page.proxy.index(r, 0, page.proxy.index(c, 0)).data(TEMPLATE_ROLE)
        for c in range(page.proxy.rowCount())
        for r in range(page.proxy.rowCount(page.proxy.index(c, 0)))
    ]
    assert visible == ["referral_request"]
    current = page.current_template()
    assert current is not None and current.id == "referral_request"


def test_pick_fill_preview_counter_and_copy(qtbot: QtBot, page: MessagesPage) -> None:
    assert page.select_template("connection_note_after_event")
    composer = page.composer
    composer.set_contact(CONTACT)
    assert "event" in composer.form.edits
    assert not composer.copy_button.isEnabled()  # "[event]" still in the text
    assert "Fill in" in composer.problem.text()
    qtbot.keyClicks(composer.form.edits["event"], "PyCon Berlin")
    body = composer.body.toPlainText()
    assert body.startswith("Hi Alex, great to meet you at PyCon Berlin.")
    assert body.endswith("Jane")
    assert composer.counter.text() == f"{len(body)} / 200 characters"
    assert composer.copy_button.isEnabled() and composer.sent_button.isEnabled()
    qtbot.mouseClick(composer.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == body


def test_free_editing_is_kept_until_reset(qtbot: QtBot, page: MessagesPage) -> None:
    page.select_template("congratulate")
    composer = page.composer
    qtbot.keyClicks(composer.form.edits["news"], "the launch")
    composer.body.selectAll()
    composer.body.insertPlainText("x" * 8000)  # as a paste: one edit
    qtbot.keyClicks(composer.body, "x")
    assert composer.reset_button.isVisible()
    assert "over" in composer.counter.text()
    # Changing a variable no longer overwrites the person's own words.
    qtbot.keyClicks(composer.form.edits["news"], "!")
    assert composer.body.toPlainText() == "x" * 8001
    qtbot.mouseClick(composer.reset_button, Qt.MouseButton.LeftButton)
    assert "Congratulations on the launch!" in composer.body.toPlainText()
    assert not composer.reset_button.isVisible()


def test_channel_change_changes_the_limit(qtbot: QtBot, page: MessagesPage) -> None:
    page.select_template("reconnect")
    composer = page.composer
    assert composer.limit() == 8000 and not composer.subject.isVisible()
    composer.channel.setCurrentIndex(composer.channel.findData("inmail"))
    assert composer.limit() == 2000 and composer.subject.isVisible()
    assert not composer.sent_button.isEnabled()  # no contact chosen yet
    assert composer.email_button.isHidden()


def test_premium_setting_raises_the_connection_note_limit(
    ctx: AppContext, page: MessagesPage
) -> None:
    page.select_template("connection_note")
    assert page.composer.limit() == 200
    set_setting(ctx.database(), "linkedin.premium", True)
    ctx.data_changed.emit(Change.SETTINGS)
    assert page.composer.limit() == 300


def test_mailto_url_carries_subject_and_body() -> None:
    url = mailto_url("a@b.example", "Hi & thanks", "Line 1\nLine 2 — ü")
    encoded = bytes(url.toEncoded().data()).decode("ascii")
    assert encoded.startswith("mailto:a@b.example?subject=Hi%20%26%20thanks&body=Line%201%0ALine")
    assert encoded.endswith("%E2%80%94%20%C3%BC")
    assert url.scheme() == "mailto" and url.isValid()


def test_template_editor_shows_errors_at_their_line_and_saves(
    qtbot: QtBot, page: MessagesPage, data_dir: Path
) -> None:
    editor = TemplateEditor(data_dir / "templates", None, {"name": "Jane"}, ["Mine"], page)
    qtbot.addWidget(editor)
    editor.source.setPlainText("Hi {{ contact.first_name }},\n\n{% if x %}\nno end")
    assert "syntax" in editor.status.text().lower()
    assert editor.status.text().startswith("Line ")
    assert editor.error_line() >= 3
    editor.source.setPlainText("Hi {{ contact.first_name }},\n\n{{ contact.__class__ }}")
    assert editor.status.text().startswith("Line 3:") and editor.error_line() == 3
    editor.source.setPlainText("Hi {{ contact.first_name }}, about {{ topic }}?")
    assert editor.preview.toPlainText() == "Hi Alex, about [topic]?"
    assert editor.error_line() == 0

    editor.id_edit.setText("Not An Id")
    editor.save()
    assert not editor.id_error.isHidden() and editor.result() == 0
    editor.id_edit.setText("coffee_chat")
    editor.title_edit.setText("Coffee chat")
    editor.save()
    assert editor.saved_id == "coffee_chat"
    saved = (data_dir / "templates" / "coffee_chat.j2").read_text(encoding="utf-8")
    assert "title: Coffee chat" in saved and saved.endswith("about {{ topic }}?")

    page.reload_templates(select="coffee_chat")
    current = page.current_template()
    assert current is not None and current.source == "user"
    assert "topic" in page.composer.form.edits


def test_editing_a_builtin_saves_an_overriding_copy(
    qtbot: QtBot, page: MessagesPage, data_dir: Path
) -> None:
    page.select_template("congratulate")
    info = page.current_template()
    assert info is not None and info.source == "builtin"
    editor = TemplateEditor(data_dir / "templates", info, {}, [], page)
    qtbot.addWidget(editor)
    assert editor.id_edit.isReadOnly() and editor.id_edit.text() == "congratulate"
    editor.source.setPlainText("Bravo on {{ news }}!")
    editor.save()
    page.reload_templates()
    current = page.current_template()
    assert current is not None and current.id == "congratulate" and current.source == "user"
    qtbot.keyClicks(page.composer.form.edits["news"], "the book")
    assert page.composer.body.toPlainText() == "Bravo on the book!"


def test_a_long_typing_session_keeps_none_alive(qtbot: QtBot, page: MessagesPage) -> None:
    """Each keystroke makes a dozen Qt calls; a binding that leaks None would abort the app."""
    page.select_template("congratulate")
    edit = page.composer.form.edits["news"]
    qtbot.keyClicks(edit, "warm up")
    # Garbage left by earlier tests, collected mid-measure, would drop None's count honestly.
    gc.collect()
    gc.disable()
    try:
        before = sys.getrefcount(None)
        qtbot.keyClicks(edit, "x" * 300)
        after = sys.getrefcount(None)
    finally:
        gc.enable()
    assert after >= before - 50
