"""The base class of every page in the main window."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from profile_helper.gui.context import AppContext
from profile_helper.gui.pages import page_info
from profile_helper.gui.widgets import PageHeader


class Page(QWidget):
    """A page: a header, a body, a badge count for the sidebar, and a hook when it is shown.

    Subclasses set ``key`` (their title and subtitle come from the registry in
    ``gui/pages/__init__.py``) and build their body in ``__init__`` below the header
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

    def badge(self) -> int:
        """The number shown beside the page's name in the sidebar (0 shows none)."""
        return 0
