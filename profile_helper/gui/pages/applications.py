"""The Applications page."""

from __future__ import annotations

from profile_helper.gui.context import AppContext
from profile_helper.gui.pages.base import Page
from profile_helper.gui.widgets import EmptyState


class ApplicationsPage(Page):
    key = "applications"
    title = "Applications"
    subtitle = "Every job you applied to, its status and what to do next."
    icon_name = "applications"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.empty = EmptyState(
            "No applications yet", "Track each application and its responses here."
        )
        self.body.addWidget(self.empty, 1)
