"""The Settings page."""

from __future__ import annotations

from profile_helper.gui.context import AppContext
from profile_helper.gui.pages.base import Page
from profile_helper.gui.settings_goals import GoalsSection
from profile_helper.gui.widgets import EmptyState


class SettingsPage(Page):
    key = "settings"
    title = "Settings"
    subtitle = "Your own profile, goals and where your data lives."
    icon_name = "settings"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.empty = EmptyState("Settings", "Your profile and preferences.")
        self.body.addWidget(self.empty, 1)
        self.body.addWidget(GoalsSection(ctx))
