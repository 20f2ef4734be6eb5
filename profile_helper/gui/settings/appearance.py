"""Settings, "Appearance": the theme, System (follows the computer), Light or Dark.

The choice is applied at once and kept with the window's size and place (view state beside the
data, not in the encrypted database), so that the next start shows it before unlocking.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QButtonGroup, QHBoxLayout, QRadioButton, QWidget

from profile_helper.gui.common import theme
from profile_helper.gui.common.context import AppContext
from profile_helper.gui.settings.section import SettingsSection

_LABELS = (
    (theme.SYSTEM, "&System", "Follow your computer's light or dark setting"),
    (theme.LIGHT_CHOICE, "&Light", "Dark text on light backgrounds"),
    (theme.DARK_CHOICE, "Dar&k", "Light text on dark backgrounds"),
)


class AppearanceSection(SettingsSection):
    title = "Appearance"
    description = "The theme changes at once and is kept for the next start."

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.buttons: dict[str, QRadioButton] = {}
        self.group = QButtonGroup(self)
        row = QHBoxLayout()
        for choice, label, tip in _LABELS:
            button = QRadioButton(label)
            button.setToolTip(tip)
            button.setAccessibleName(f"{label.replace('&', '')} theme")
            button.toggled.connect(lambda on, c=choice: self._toggled(on, c))
            self.group.addButton(button)
            self.buttons[choice] = button
            row.addWidget(button)
        row.addStretch(1)
        self.content.addLayout(row)

    def load(self) -> None:
        button = self.buttons[theme.chosen()]
        button.blockSignals(True)
        button.setChecked(True)
        button.blockSignals(False)

    def _toggled(self, on: bool, choice: str) -> None:
        if on:
            self.choose(choice)

    def choose(self, choice: str) -> None:
        """Apply the theme now and keep it for the next start."""
        if choice == theme.chosen():
            return
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.choose(app, choice)
        theme.store_choice(self.ctx.view_settings(), choice)
