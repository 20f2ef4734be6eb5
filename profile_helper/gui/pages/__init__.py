"""The pages of the main window, in sidebar order.

Each page lives in its own module ``profile_helper.gui.pages.<key>`` as a
:class:`~.base.Page` subclass. What the sidebar shows of a page is listed here, so that the
window can draw its sidebar without importing any page: a page's module is imported the first
time it is shown.
"""

from typing import NamedTuple


class PageInfo(NamedTuple):
    key: str
    class_name: str
    title: str
    subtitle: str


PAGES: tuple[PageInfo, ...] = (
    PageInfo("today", "TodayPage", "Today", "What is due now and how today's habits are going."),
    PageInfo(
        "audit",
        "AuditPage",
        "Audit",
        "Check your headline, About and skills against LinkedIn's limits and a job you want.",
    ),
    PageInfo(
        "contacts",
        "ContactsPage",
        "Contacts",
        "Your network, follow-ups and the history of every conversation.",
    ),
    PageInfo(
        "applications",
        "ApplicationsPage",
        "Applications",
        "Every job you applied to, its status and what to do next.",
    ),
    PageInfo(
        "messages",
        "MessagesPage",
        "Messages",
        "Outreach, referral and feedback requests written from templates.",
    ),
    PageInfo(
        "settings", "SettingsPage", "Settings", "Your own profile, goals and where your data lives."
    ),
)


def page_info(key: str) -> PageInfo:
    for info in PAGES:
        if info.key == key:
            return info
    raise KeyError(key)
