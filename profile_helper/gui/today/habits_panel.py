"""The daily habits on the Today page: each goal's progress today, the streaks, and a skill log.

The clock and the time zone are given to the panel, so that "today" is the person's own day and
tests can fix it.
"""

from __future__ import annotations

from datetime import date, tzinfo

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from profile_helper.core.errors import ProfileHelperError
from profile_helper.core.today.habits import (
    GOAL_LABELS,
    GOAL_SETTINGS,
    Clock,
    GoalProgress,
    Streak,
    local_today,
    log_skill,
    progress,
    streaks,
    system_clock,
)
from profile_helper.gui.common import msgbox, theme
from profile_helper.gui.common.changes import Change
from profile_helper.gui.common.context import AppContext

_HINTS = {
    "applications": "Two or three quality applications a day: tailored, not sprayed.",
    "networking": "Reach out to one professional a day: any logged interaction counts.",
    "skills": "Learn one new skill a week, and note what it was.",
}


class GoalCard(QFrame):
    """One goal: done against target, a bar, and the streak."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.setObjectName("Card")
        self.title = QLabel(GOAL_LABELS[name])
        self.title.setObjectName("Muted")
        self.count = QLabel()
        font = self.count.font()
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        self.count.setFont(font)
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(8)
        self.streak = QLabel()
        self.streak.setObjectName("Muted")
        self.setToolTip(_HINTS[name])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.count)
        layout.addWidget(self.bar)
        self.footer = QHBoxLayout()
        self.footer.addWidget(self.streak, 1)
        layout.addLayout(self.footer)

    def show_progress(self, goal: GoalProgress, streak: Streak | None) -> None:
        c = theme.current()
        when = "this week" if goal.period == "week" else "today"
        if goal.target <= 0:
            self.count.setText(f"{goal.done}")
            self.title.setText(f"{GOAL_LABELS[self.name]} {when} (no goal set)")
        else:
            self.count.setText(f"{goal.done} / {goal.target}")
            self.title.setText(f"{GOAL_LABELS[self.name]} {when}")
        self.bar.setMaximum(max(goal.target, 1))
        self.bar.setValue(min(goal.done, max(goal.target, 1)))
        chunk = c.good if goal.met else c.accent
        self.bar.setStyleSheet(
            f"QProgressBar {{ border: none; border-radius: 4px; background: {c.border}; }}"
            f"QProgressBar::chunk {{ border-radius: 4px; background: {chunk}; }}"
        )
        if streak is None:
            text = ""
        elif streak.current:
            text = f"{streak.current}-{streak.unit.rstrip('s')} streak" + (
                f" · best {streak.best}" if streak.best > streak.current else " · your best"
            )
        else:
            text = f"No streak yet · best {streak.best}" if streak.best else "Start a streak today"
        self.streak.setText(text)
        done = "met" if goal.met else "not met yet"
        self.setAccessibleName(
            f"{GOAL_LABELS[self.name]}: {goal.done} of {goal.target} {when}, {done}. {text}"
        )


class HabitsPanel(QWidget):
    """The three goals side by side; refreshes when the store changes."""

    skill_logged = Signal(int)

    def __init__(
        self, ctx: AppContext, clock: Clock = system_clock, tz: tzinfo | None = None
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.clock = clock
        self.tz = tz
        self.setAccessibleName("Daily habits")
        heading = QLabel("Daily habits")
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
        self.cards = {name: GoalCard(name) for name in GOAL_SETTINGS}
        self.log_button = QPushButton("Log a skill…")
        self.log_button.setToolTip("Record what you learned this week")
        self.log_button.clicked.connect(self.ask_skill)
        # After the streak, which takes the room: the button keeps its own width, on the right.
        self.cards["skills"].footer.addWidget(self.log_button)
        row = QHBoxLayout()
        row.setSpacing(12)
        for card in self.cards.values():
            row.addWidget(card, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addLayout(row)
        # Read when the Today page is shown (it calls refresh), never while it is built.
        self._loaded = False
        ctx.data_changed.connect(self._data_changed)

    def showEvent(self, event: QShowEvent) -> None:
        # Every card's footer as tall as the one with the button, so that the cards line up.
        # Measured when shown: only then does the button have the window's style (its padding).
        for card in self.cards.values():
            card.streak.setMinimumHeight(self.log_button.sizeHint().height())
        super().showEvent(event)

    def _data_changed(self, _source: Change) -> None:
        if self._loaded:
            self.refresh()

    def today(self) -> date:
        """The person's own day, by the panel's clock and time zone."""
        return local_today(self.clock, self.tz)

    def refresh(self) -> None:
        conn = self.ctx.database()
        self._loaded = True
        day = self.today()
        self.show_habits(progress(conn, day), streaks(conn, day))

    def show_habits(self, goals: list[GoalProgress], runs: dict[str, Streak]) -> None:
        """Show each goal's progress and streak, as read for today."""
        self._loaded = True
        for goal in goals:
            self.cards[goal.name].show_progress(goal, runs.get(goal.name))

    def ask_skill(self) -> None:
        # Start-up: the dialog's module (its form and fields) loads when it is first asked for.
        from profile_helper.gui.today.skill_dialog import SkillDialog  # noqa: PLC0415

        dialog = SkillDialog(self)
        if dialog.exec():
            self.log_skill(dialog.skill.text(), dialog.note.text())

    def log_skill(self, skill: str, note: str = "") -> int | None:
        try:
            entry = log_skill(self.ctx.database(), skill, note, local_today(self.clock, self.tz))
        except ProfileHelperError as exc:
            msgbox.show_error(self, "Cannot log this skill", exc.message)
            return None
        self.skill_logged.emit(entry)
        self.ctx.data_changed.emit(Change.HABITS)
        return entry
