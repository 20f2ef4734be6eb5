"""The Settings page: a scrolling list of sections, each its own widget module.

A new section is a :class:`~profile_helper.gui.settings.section.SettingsSection` subclass in its
own module of this folder, listed in :data:`SECTIONS` in display order.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from profile_helper.gui.common.context import AppContext
from profile_helper.gui.common.page import Page
from profile_helper.gui.settings.appearance import AppearanceSection
from profile_helper.gui.settings.cadences import CadencesSection
from profile_helper.gui.settings.data import DataSection
from profile_helper.gui.settings.goals import GoalsSection
from profile_helper.gui.settings.privacy import PrivacySection
from profile_helper.gui.settings.profile import ProfileSection
from profile_helper.gui.settings.section import SettingsSection

SECTIONS: tuple[type[SettingsSection], ...] = (
    ProfileSection,
    GoalsSection,
    CadencesSection,
    AppearanceSection,
    DataSection,
    PrivacySection,
)


class SettingsPage(Page):
    key = "settings"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.sections: list[SettingsSection] = []
        column = QWidget()
        box = QVBoxLayout(column)
        box.setContentsMargins(0, 0, 12, 0)
        box.setSpacing(14)
        for section_class in SECTIONS:
            section = section_class(ctx)
            self.sections.append(section)
            box.addWidget(section)
        box.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(column)
        self.body.addWidget(scroll, 1)

    def section(self, cls: type[SettingsSection]) -> SettingsSection:
        return next(s for s in self.sections if isinstance(s, cls))

    def page_shown(self) -> None:
        for section in self.sections:
            section.load()
