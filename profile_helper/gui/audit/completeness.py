"""The Audit page's profile completeness: how many of LinkedIn's profile-strength items the
profile has, the advice for each one it lacks, and the photo box the person ticks.

It is one line under the score ("4 of 7 parts of a complete profile", "What to add (3)") that
opens onto the advice and the photo box, so that it costs the narrow results column little
room. It shows :class:`~profile_helper.core.my_profile.completeness.Completeness` and reports
the photo box through ``photo_changed``; the page stores the setting and works the items out
again.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from profile_helper.core.my_profile.completeness import Completeness

# Rows of advice shown before the list scrolls.
ADVICE_ROWS = 4


class CompletenessPanel(QWidget):
    """ "4 of 7 parts", a button that shows what to add, and "My profile has a photo"."""

    photo_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.completeness: Completeness | None = None
        self.summary = QLabel("Profile completeness: paste or load your profile.")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Profile completeness")
        self.summary.setToolTip("Like LinkedIn's profile strength, from what this app knows")
        self.toggle = QPushButton("What to add")
        self.toggle.setCheckable(True)
        self.toggle.setToolTip("Show or hide what your profile lacks, and the photo box")
        self.toggle.toggled.connect(self._show_details)
        self.advice = QListWidget()
        self.advice.setAccessibleName("What to add to your profile")
        self.advice.setWordWrap(True)
        self.photo = QCheckBox("My LinkedIn profile has a photo")
        self.photo.setToolTip(
            "LinkedIn's export does not include your photo: tick this once your profile has one."
        )
        self.photo.toggled.connect(self.photo_changed)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.summary, 1)
        top.addWidget(self.toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.advice)
        layout.addWidget(self.photo)
        self._show_details(False)

    def _show_details(self, shown: bool) -> None:
        self.advice.setVisible(shown and self.advice.count() > 0)
        self.photo.setVisible(shown)

    def show_completeness(self, completeness: Completeness) -> None:
        self.completeness = completeness
        self.summary.setText(
            f"Profile: <b>{completeness.done} of {completeness.total}</b> parts of a complete "
            "profile"
        )
        self.advice.clear()
        for item in completeness.missing:
            row = QListWidgetItem(f"• {item.advice}")
            row.setData(Qt.ItemDataRole.UserRole, item.id)
            self.advice.addItem(row)
        missing = len(completeness.missing)
        self.toggle.setText(f"What to add ({missing})" if missing else "Details")
        row_height = self.advice.fontMetrics().lineSpacing() * 2 + 4
        self.advice.setFixedHeight(min(max(missing, 1), ADVICE_ROWS) * row_height + 6)
        self._show_details(self.toggle.isChecked())
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
        items = (self.advice.item(i) for i in range(self.advice.count()))
        return [str(item.data(Qt.ItemDataRole.UserRole)) for item in items]
