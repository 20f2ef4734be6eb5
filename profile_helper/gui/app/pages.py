"""Each page's class, imported on the page's first visit rather than on the way to the first window.

The sidebar's text for every page lives in :data:`profile_helper.gui.common.page.PAGES`; this
module only knows how to build a page from its key.
"""

from __future__ import annotations

from collections.abc import Callable

from profile_helper.gui.common.page import Page

# PLC0415 is allowed in this file: each import below waits for the page's first visit.


def _today() -> type[Page]:
    from profile_helper.gui.today.page import TodayPage

    return TodayPage


def _audit() -> type[Page]:
    from profile_helper.gui.audit.page import AuditPage

    return AuditPage


def _contacts() -> type[Page]:
    from profile_helper.gui.contacts.page import ContactsPage

    return ContactsPage


def _applications() -> type[Page]:
    from profile_helper.gui.applications.page import ApplicationsPage

    return ApplicationsPage


def _messages() -> type[Page]:
    from profile_helper.gui.messages.page import MessagesPage

    return MessagesPage


def _settings() -> type[Page]:
    from profile_helper.gui.settings.page import SettingsPage

    return SettingsPage


PAGE_CLASSES: dict[str, Callable[[], type[Page]]] = {
    "today": _today,
    "audit": _audit,
    "contacts": _contacts,
    "applications": _applications,
    "messages": _messages,
    "settings": _settings,
}
