"""The pages of the main window: what the sidebar shows of each, and their base class.

The sidebar is drawn from :data:`PAGES` alone, so that no page module is imported on the way to
the first window (``gui/app/pages.py`` imports each page's class on its first visit).
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from profile_helper.gui.common.context import AppContext
from profile_helper.gui.common.widgets import PageHeader


class PageInfo(NamedTuple):
    key: str
    title: str
    subtitle: str


PAGES: tuple[PageInfo, ...] = (
    PageInfo("today", "Today", "What is due now and how today's habits are going."),
    PageInfo(
        "audit",
        "Audit",
        "Check your headline, About and skills against LinkedIn's limits and a job you want.",
    ),
    PageInfo(
        "contacts",
        "Contacts",
        "Your network, follow-ups and the history of every conversation.",
    ),
    PageInfo(
        "applications",
        "Applications",
        "Every job you applied to, its status and what to do next.",
    ),
    PageInfo(
        "messages",
        "Messages",
        "Outreach, referral and feedback requests written from templates.",
    ),
    PageInfo("settings", "Settings", "Your own profile, goals and where your data lives."),
)


def page_info(key: str) -> PageInfo:
    for info in PAGES:
        if info.key == key:
            return info
    raise KeyError(key)


class Page(QWidget):
    """A page: a header, a body, a badge count for the sidebar, and a hook when it is shown.

    Subclasses set ``key`` (their title and subtitle come from the registry in
    :data:`PAGES`) and build their body in ``__init__`` below the header
    (``self.body`` is the page's layout).
    """

    key: ClassVar[str] = ""

    badge_changed = Signal(int)
    status_message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        info = page_info(self.key)
        self.title = info.title
        self.subtitle = info.subtitle
        self.setAccessibleName(f"{self.title} page")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(28, 22, 28, 16)
        self.body.setSpacing(12)
        self.header = PageHeader(self.title, self.subtitle)
        self.body.addWidget(self.header)

    def page_shown(self) -> None:
        """Called each time the page becomes the visible one; refresh what may be stale."""

    def can_leave(self) -> bool:
        """Called before another page is shown or the window closes; False keeps the person here.

        A page with unsaved edits asks whether to save them (``msgbox.ask_unsaved``).
        """
        return True

    def badge(self) -> int:
        """The number shown beside the page's name in the sidebar (0 shows none)."""
        return 0
