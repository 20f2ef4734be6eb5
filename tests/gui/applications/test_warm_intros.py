"""The application pane's "People you know at <company>" and its "Ask for a referral"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from profile_helper.core.applications.events import new_application
from profile_helper.core.applications.models import ApplicationDraft
from profile_helper.core.contacts.models import ContactDraft
from profile_helper.core.contacts.store import add_contact
from profile_helper.gui.app.main_window import MainWindow
from profile_helper.gui.applications.page import ApplicationsPage
from profile_helper.gui.messages.page import MessagesPage


def _open(window: MainWindow, application_id: int) -> ApplicationsPage:
    page = window.show_page("applications")
    assert isinstance(page, ApplicationsPage)
    page.open_application(application_id)
    return page


def test_people_at_the_company_each_with_a_referral_button(
    qtbot: QtBot, window: MainWindow
) -> None:
    conn = window.ctx.database()
    lea = add_contact(
        conn, ContactDraft("Léa", "Martin", "Data Lead", "Société Générale S.A.", tier=1)
    )
    add_contact(conn, ContactDraft("Tom", "Other", "Analyst", "Contoso"))
    app_id = new_application(conn, ApplicationDraft("Societe Generale", "Data Engineer"))
    known = _open(window, app_id).detail.known
    assert known.title.text() == "People you know at Societe Generale"
    assert list(known.buttons) == [lea]
    assert known.empty.isHidden()
    button = known.buttons[lea]
    assert button.accessibleName() == "Ask Léa Martin for a referral"
    assert button.toolTip()

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    messages = window.current_page()
    assert isinstance(messages, MessagesPage)
    template = messages.current_template()
    assert template is not None and template.id == "referral_request"
    assert "Léa Martin" in messages.picker.chosen_label.text()
    body = messages.composer.body.toPlainText()
    assert body.startswith("Hi Léa") and "Data Engineer" in body and "Societe Generale" in body


def test_nobody_known_shows_what_to_do(window: MainWindow) -> None:
    conn = window.ctx.database()
    add_contact(conn, ContactDraft("Tom", "Other", "Analyst", "Contoso"))
    app_id = new_application(conn, ApplicationDraft("Initech", "Analyst"))
    known = _open(window, app_id).detail.known
    assert known.buttons == {}
    assert not known.empty.isHidden()
    assert "None of your contacts works at Initech" in known.empty.text()
    assert "import your LinkedIn connections" in known.empty.text()
