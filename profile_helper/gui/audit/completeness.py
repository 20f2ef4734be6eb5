"""The Audit page's profile completeness: how many of LinkedIn's profile-strength items the
profile has, the advice for each one it lacks, and the photo box the person ticks.

It shows :class:`~profile_helper.core.my_profile.completeness.Completeness` and reports the
photo box through ``photo_changed``; the page stores the setting and works the items out again.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from profile_helper.core.my_profile.completeness import Completeness


class CompletenessPanel(QWidget):
    """ "4 of 7 done", then what to do for the rest, then "My profile has a photo"."""

    photo_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel("Paste or load your profile to see how complete it is.")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Profile completeness")
        self.advice = QListWidget()
        self.advice.setAccessibleName("What to add to your profile")
        self.advice.setWordWrap(True)
        self.photo = QCheckBox("My LinkedIn profile has a photo")
        self.photo.setToolTip(
            "The LinkedIn export does not include your photo: tick this once your profile has "
            "one. Profiles with a photo get many more views."
        )
        self.photo.toggled.connect(self.photo_changed)
        self.completeness: Completeness | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 8, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.advice, 1)
        layout.addWidget(self.photo)

    def show_completeness(self, completeness: Completeness) -> None:
        self.completeness = completeness
        self.summary.setText(
            f"<b>{completeness.done} of {completeness.total}</b> parts of a complete profile. "
            + (
                "Your profile has them all."
                if not completeness.missing
                else "Add these, in any order:"
            )
        )
        self.advice.clear()
        for item in completeness.missing:
            row = QListWidgetItem(f"• {item.advice}")
            row.setData(Qt.ItemDataRole.UserRole, item.id)
            self.advice.addItem(row)
        self.advice.setVisible(bool(completeness.missing))
        photo = next((i.done for i in completeness.items if i.id == "photo"), False)
        self.set_photo(photo)

    def set_photo(self, has_photo: bool) -> None:
        """Tick the box without reporting it as the person's change."""
        self.photo.blockSignals(True)
        self.photo.setChecked(has_photo)
        self.photo.blockSignals(False)

    def completeness_json(self) -> dict[str, Any]:
        return {} if self.completeness is None else self.completeness.to_json()

    def advice_ids(self) -> list[str]:
        return [
            str(self.advice.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.advice.count())
        ]
