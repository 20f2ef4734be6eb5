"""The Today page."""

from __future__ import annotations

from profile_helper.gui.context import AppContext
from profile_helper.gui.habits_panel import HabitsPanel
from profile_helper.gui.pages.base import Page
from profile_helper.gui.widgets import EmptyState


class TodayPage(Page):
    key = "today"
    title = "Today"
    subtitle = "What is due now and how today's habits are going."
    icon_name = "today"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.empty = EmptyState(
            "Nothing is due today",
            "Follow-ups you set on contacts and applications appear here, with your daily goals.",
        )
        self.body.addWidget(self.empty, 1)
        self.habits = HabitsPanel(ctx)
        self.body.insertWidget(1, self.habits)

    def page_shown(self) -> None:
        self.habits.refresh()
