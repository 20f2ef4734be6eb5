"""The Audit page."""

from __future__ import annotations

from profile_helper.gui.context import AppContext
from profile_helper.gui.pages.base import Page
from profile_helper.gui.widgets import EmptyState


class AuditPage(Page):
    key = "audit"
    title = "Audit"
    subtitle = "Check your headline, About and skills against LinkedIn's limits and a job you want."
    icon_name = "audit"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.empty = EmptyState(
            "Paste your profile to audit it",
            "Your headline, About section and skills, and the job description you target.",
        )
        self.body.addWidget(self.empty, 1)
