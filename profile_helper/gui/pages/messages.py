"""The Messages page."""

from __future__ import annotations

from profile_helper.gui.context import AppContext
from profile_helper.gui.pages.base import Page
from profile_helper.gui.widgets import EmptyState


class MessagesPage(Page):
    key = "messages"
    title = "Messages"
    subtitle = "Outreach, referral and feedback requests written from templates."
    icon_name = "messages"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.empty = EmptyState(
            "No message yet", "Pick a template and a contact to write a message."
        )
        self.body.addWidget(self.empty, 1)
