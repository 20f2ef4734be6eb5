"""Actions that start on one page and continue on another, through the real window."""

from __future__ import annotations

from profile_helper.core.applications.events import change_status, new_application
from profile_helper.core.applications.models import ApplicationDraft
from profile_helper.core.contacts import store
from profile_helper.core.contacts.models import ContactDraft
from profile_helper.gui.app.main_window import MainWindow
from profile_helper.gui.applications.page import ApplicationsPage
from profile_helper.gui.audit.page import AuditPage
from profile_helper.gui.messages.page import MessagesPage

JOB = "Senior Data Engineer at Nordlicht Energy. You will build pipelines in Python and SQL."


def test_write_message_on_a_rejected_application_asks_the_interviewer_for_feedback(
    window: MainWindow,
) -> None:
    conn = window.ctx.database()
    interviewer = store.add_contact(conn, ContactDraft(first_name="Mira", last_name="Okafor"))
    application_id = new_application(
        conn,
        ApplicationDraft(company="Nordlicht Energy", role="Data Engineer", job_text=JOB),
        applied_on="2026-10-01",
        contacts=[(interviewer, "interviewer")],
    )
    change_status(conn, application_id, "interviewing", on="2026-10-10")
    change_status(conn, application_id, "rejected", on="2026-10-20")
    applications = window.show_page("applications")
    assert isinstance(applications, ApplicationsPage)
    applications.write_message_requested.emit(application_id)
    messages = window.current_page()
    assert isinstance(messages, MessagesPage)
    current = messages.current_template()
    assert current is not None and current.id == "feedback_request"
    assert "Mira Okafor" in messages.picker.chosen_label.text()
    body = messages.composer.body.toPlainText()
    assert "Data Engineer" in body and "Nordlicht Energy" in body


def test_write_message_from_a_contact_is_not_about_an_old_application(
    window: MainWindow,
) -> None:
    conn = window.ctx.database()
    contact_id = store.add_contact(conn, ContactDraft(first_name="Ola", company="Fjord AS"))
    application_id = new_application(conn, ApplicationDraft(company="Acme", role="Analyst"))
    messages = window.show_page("messages")
    assert isinstance(messages, MessagesPage)
    messages.compose_for_application(application_id)
    assert messages.composer.job is not None
    messages.compose_for_contact(contact_id)
    assert messages.composer.job is None


def test_audit_against_this_job_opens_the_audit_with_the_job_text(window: MainWindow) -> None:
    applications = window.show_page("applications")
    assert isinstance(applications, ApplicationsPage)
    applications.audit_job_requested.emit(JOB)
    audit = window.current_page()
    assert isinstance(audit, AuditPage)
    assert audit.job.text() == JOB
