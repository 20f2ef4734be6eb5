"""The links between pages: an action on one page that continues on another.

Pages know nothing of each other; each exposes request signals (``write_message_requested``,
``audit_job_requested``, ``open_application_requested``, ``referral_requested``) and entry points
(``compose_for_contact``, ``compose_for_application``, ``open_with_job``, ``open_application``),
and this module joins them when a page is built. It imports no page module itself: a page's
class comes from :mod:`profile_helper.gui.app.pages`, which imports it on the page's first visit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from profile_helper.gui.app.pages import (
    applications_page,
    audit_page,
    contacts_page,
    messages_page,
    today_page,
)
from profile_helper.gui.common.page import Page

if TYPE_CHECKING:
    from profile_helper.gui.applications.page import ApplicationsPage
    from profile_helper.gui.audit.page import AuditPage
    from profile_helper.gui.messages.page import MessagesPage


# What "Ask for a referral" on an application writes.
REFERRAL_TEMPLATE = "referral_request"


class Navigator(Protocol):
    def show_page(self, key: str) -> Page: ...


def _messages(window: Navigator) -> MessagesPage:
    page = window.show_page("messages")
    assert isinstance(page, messages_page())
    return page


def _audit(window: Navigator) -> AuditPage:
    page = window.show_page("audit")
    assert isinstance(page, audit_page())
    return page


def _applications(window: Navigator) -> ApplicationsPage:
    page = window.show_page("applications")
    assert isinstance(page, applications_page())
    return page


def link(page: Page, window: Navigator) -> None:
    """Connect the page's requests to the pages that fulfil them.

    The key is checked before the class: asking for another page's class would import it.
    """
    if page.key == "contacts":
        assert isinstance(page, contacts_page())
        page.write_message_requested.connect(
            lambda contact_id: _messages(window).compose_for_contact(contact_id)
        )
    elif page.key == "applications":
        assert isinstance(page, applications_page())
        page.write_message_requested.connect(
            lambda application_id: _messages(window).compose_for_application(application_id)
        )
        page.audit_job_requested.connect(lambda text: _audit(window).open_with_job(text))
        page.referral_requested.connect(
            lambda application_id, contact_id: _messages(window).compose_for_application(
                application_id, REFERRAL_TEMPLATE, to_contact=contact_id
            )
        )
    elif page.key == "today":
        assert isinstance(page, today_page())
        page.write_message_requested.connect(
            lambda application_id, template, follow_up_id: _messages(
                window
            ).compose_for_application(application_id, template or None, follow_up_id)
        )
        page.write_to_contact_requested.connect(
            lambda contact_id: _messages(window).compose_for_contact(contact_id)
        )
        page.open_application_requested.connect(
            lambda application_id: _applications(window).open_application(application_id)
        )
