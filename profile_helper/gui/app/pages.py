"""Each page's class, imported on the page's first visit rather than on the way to the first window.

The sidebar's text for every page lives in :data:`profile_helper.gui.common.page.PAGES`; this
module only knows how to get a page's class from its key. Each loader is typed with its page's
class, so that callers (the window, the links between pages) can check what they were given.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from profile_helper.gui.common.page import Page

if TYPE_CHECKING:
    from profile_helper.gui.applications.page import ApplicationsPage
    from profile_helper.gui.audit.page import AuditPage
    from profile_helper.gui.contacts.page import ContactsPage
    from profile_helper.gui.messages.page import MessagesPage
    from profile_helper.gui.settings.page import SettingsPage
    from profile_helper.gui.today.page import TodayPage


def today_page() -> type[TodayPage]:
    from profile_helper.gui.today.page import TodayPage  # noqa: PLC0415 - on first visit

    return TodayPage


def audit_page() -> type[AuditPage]:
    from profile_helper.gui.audit.page import AuditPage  # noqa: PLC0415 - on first visit

    return AuditPage


def contacts_page() -> type[ContactsPage]:
    from profile_helper.gui.contacts.page import ContactsPage  # noqa: PLC0415 - on first visit

    return ContactsPage


def applications_page() -> type[ApplicationsPage]:
    from profile_helper.gui.applications.page import (  # noqa: PLC0415 - on first visit
        ApplicationsPage,
    )

    return ApplicationsPage


def messages_page() -> type[MessagesPage]:
    from profile_helper.gui.messages.page import MessagesPage  # noqa: PLC0415 - on first visit

    return MessagesPage


def settings_page() -> type[SettingsPage]:
    from profile_helper.gui.settings.page import SettingsPage  # noqa: PLC0415 - on first visit

    return SettingsPage


PAGE_CLASSES: dict[str, Callable[[], type[Page]]] = {
    "today": today_page,
    "audit": audit_page,
    "contacts": contacts_page,
    "applications": applications_page,
    "messages": messages_page,
    "settings": settings_page,
}
