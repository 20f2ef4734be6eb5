"""The Settings page: a scrolling list of sections, each its own widget module.

A new section is a :class:`~profile_helper.gui.settings_section.SettingsSection` subclass in
``profile_helper/gui/settings_<name>.py`` listed in :data:`SECTIONS`, in display order.
"""

from __future__ import annotations

import importlib
from typing import cast

from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from profile_helper.gui.context import AppContext
from profile_helper.gui.pages.base import Page
from profile_helper.gui.settings_section import SettingsSection

SECTIONS: tuple[tuple[str, str], ...] = (
    ("settings_profile", "ProfileSection"),
    ("settings_goals", "GoalsSection"),
    ("settings_cadences", "CadencesSection"),
    ("settings_data", "DataSection"),
    ("settings_privacy", "PrivacySection"),
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
        for module_name, class_name in SECTIONS:
            module = importlib.import_module(f"profile_helper.gui.{module_name}")
            section = cast(type[SettingsSection], getattr(module, class_name))(ctx)
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
