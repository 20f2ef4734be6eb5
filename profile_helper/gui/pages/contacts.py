"""The Contacts page."""

from __future__ import annotations

from profile_helper.gui.context import AppContext
from profile_helper.gui.pages.base import Page
from profile_helper.gui.widgets import EmptyState


class ContactsPage(Page):
    key = "contacts"
    title = "Contacts"
    subtitle = "Your network, follow-ups and the history of every conversation."
    icon_name = "contacts"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.empty = EmptyState(
            "No contacts yet", "Import your LinkedIn export or add the people you meet."
        )
        self.body.addWidget(self.empty, 1)
