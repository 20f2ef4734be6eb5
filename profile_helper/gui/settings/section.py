"""The base of every section on the Settings page: a card with a title and a line of help."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from profile_helper.gui.common.context import AppContext


class SettingsSection(QFrame):
    """A card on the Settings page; subclasses add their widgets to ``self.content``.

    ``load()`` is called each time the page is shown, to show what is stored now.
    """

    title: ClassVar[str] = ""
    description: ClassVar[str] = ""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("Card")
        self.setAccessibleName(f"{self.title} settings")
        heading = QLabel(self.title)
        heading.setObjectName("SectionTitle")
        help_text = QLabel(self.description)
        help_text.setObjectName("Muted")
        help_text.setWordWrap(True)
        self.content = QVBoxLayout(self)
        self.content.setContentsMargins(20, 16, 20, 18)
        self.content.setSpacing(8)
        self.content.addWidget(heading)
        self.content.addWidget(help_text)

    def load(self) -> None:
        """Show the stored values (called when the page is shown)."""
