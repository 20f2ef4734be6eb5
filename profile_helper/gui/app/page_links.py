"""The links between pages: an action on one page that continues on another.

Pages know nothing of each other; each exposes request signals (``write_message_requested``,
``audit_job_requested``, ``open_application_requested``) and entry points
(``compose_for_contact``, ``compose_for_application``, ``open_with_job``, ``open_application``),
and this module joins them when a page is built. It imports no page module itself: a page is
imported on its first visit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from profile_helper.gui.common.page import Page

if TYPE_CHECKING:
    from profile_helper.gui.applications.page import ApplicationsPage
    from profile_helper.gui.audit.page import AuditPage
    from profile_helper.gui.contacts.page import ContactsPage
    from profile_helper.gui.messages.page import MessagesPage
    from profile_helper.gui.today.page import TodayPage


class Navigator(Protocol):
    def show_page(self, key: str) -> Page: ...


def _messages(window: Navigator) -> MessagesPage:
    from profile_helper.gui.messages.page import MessagesPage

    page = window.show_page("messages")
    assert isinstance(page, MessagesPage)
    return page


def _audit(window: Navigator) -> AuditPage:
    from profile_helper.gui.audit.page import AuditPage

    page = window.show_page("audit")
    assert isinstance(page, AuditPage)
    return page


def _applications(window: Navigator) -> ApplicationsPage:
    from profile_helper.gui.applications.page import ApplicationsPage

    page = window.show_page("applications")
    assert isinstance(page, ApplicationsPage)
    return page


def link(page: Page, window: Navigator) -> None:
    """Connect the page's requests to the pages that fulfil them."""
    if page.key == "contacts":
        contacts: ContactsPage = page  # type: ignore[assignment]
        contacts.write_message_requested.connect(
            lambda contact_id: _messages(window).compose_for_contact(contact_id)
        )
    elif page.key == "applications":
        applications: ApplicationsPage = page  # type: ignore[assignment]
        applications.write_message_requested.connect(
            lambda application_id: _messages(window).compose_for_application(application_id)
        )
        applications.audit_job_requested.connect(lambda text: _audit(window).open_with_job(text))
    elif page.key == "today":
        today: TodayPage = page  # type: ignore[assignment]
        today.write_message_requested.connect(
            lambda application_id, template, follow_up_id: _messages(
                window
            ).compose_for_application(application_id, template or None, follow_up_id)
        )
        today.open_application_requested.connect(
            lambda application_id: _applications(window).open_application(application_id)
        )
