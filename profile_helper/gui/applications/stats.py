"""The statistics of the job search: figures for the last 30 or 90 days, and two charts."""

from __future__ import annotations

import sqlite3
from datetime import date

from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from profile_helper.core.applications.stats import Stats, compute
from profile_helper.core.applications.statuses import LABELS, STAGES, STATUSES
from profile_helper.gui.applications.model import status_color
from profile_helper.gui.common.charts import BarChart, ColumnChart

PERIODS = (30, 90)


class _Figure(QFrame):
    """One number with what it means underneath."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.value = QLabel("–")
        self.value.setObjectName("FigureValue")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel(caption)
        self.caption.setObjectName("Muted")
        self.caption.setWordWrap(True)
        box = QVBoxLayout(self)
        box.setContentsMargins(14, 10, 14, 10)
        box.setSpacing(2)
        box.addWidget(self.value)
        box.addWidget(self.caption)

    def set_value(self, text: str, tooltip: str = "") -> None:
        self.value.setText(text)
        self.setToolTip(tooltip)
        self.setAccessibleName(f"{self.caption.text()}: {text}")


class StatisticsView(QWidget):
    """Figures and charts; :meth:`refresh` recomputes them from the store."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days = 30
        self.stats: Stats | None = None
        self.period_buttons: dict[int, QPushButton] = {}
        group = QButtonGroup(self)
        group.setExclusive(True)
        periods = QHBoxLayout()
        periods.addWidget(QLabel("Sent in the last"))
        for days in PERIODS:
            button = QPushButton(f"{days} days")
            button.setObjectName("Segment")
            button.setCheckable(True)
            button.setChecked(days == self.days)
            button.setToolTip(f"Applications sent in the last {days} days")
            button.clicked.connect(lambda _=False, d=days: self._set_days(d))
            group.addButton(button)
            periods.addWidget(button)
            self.period_buttons[days] = button
        periods.addStretch(1)

        self.sent = _Figure("applications sent")
        self.response_rate = _Figure("got an answer")
        self.interview_rate = _Figure("reached an interview")
        self.median = _Figure("median days to an answer")
        figures = QHBoxLayout()
        for figure in (self.sent, self.response_rate, self.interview_rate, self.median):
            figures.addWidget(figure, 1)

        self.per_week = ColumnChart("Applications per week")
        self.pipeline = BarChart("Pipeline now")
        self.rejections = BarChart("Rejections by stage")
        charts = QGridLayout()
        charts.setHorizontalSpacing(18)
        charts.setVerticalSpacing(14)
        charts.addWidget(self._card(self.per_week), 0, 0, 1, 2)
        charts.addWidget(self._card(self.pipeline), 1, 0)
        charts.addWidget(self._card(self.rejections), 1, 1)
        charts.setRowStretch(0, 1)
        charts.setRowStretch(1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addLayout(periods)
        layout.addLayout(figures)
        layout.addLayout(charts, 1)
        self._conn: sqlite3.Connection | None = None
        self._today: date | None = None

    @staticmethod
    def _card(chart: QWidget) -> QFrame:
        frame = QFrame()
        frame.setObjectName("Card")
        box = QVBoxLayout(frame)
        box.setContentsMargins(14, 12, 14, 12)
        box.addWidget(chart)
        return frame

    def _set_days(self, days: int) -> None:
        self.days = days
        self.period_buttons[days].setChecked(True)
        if self._conn is not None:
            self.refresh(self._conn, self._today)

    def refresh(self, conn: sqlite3.Connection, today: date | None = None) -> None:
        self._conn, self._today = conn, today
        stats = compute(conn, today or date.today(), self.days)
        self.stats = stats
        self.sent.set_value(str(stats.sent), f"From {stats.since} to {stats.until}")
        self.response_rate.set_value(
            f"{stats.response_rate:.0%}" if stats.sent else "–",
            f"{stats.responses} of {stats.sent} had an answer (a screen, interview, offer or no)",
        )
        self.interview_rate.set_value(
            f"{stats.interview_rate:.0%}" if stats.sent else "–",
            f"{stats.interviews} of {stats.sent} reached an interview",
        )
        median = stats.median_days_to_response
        self.median.set_value("–" if median is None else f"{median:g}")
        self.per_week.set_data(
            [(date.fromisoformat(w).strftime("%d %b"), n) for w, n in stats.per_week]
        )
        shown = [s for s in STATUSES if stats.pipeline.get(s)] or list(STATUSES[:5])
        self.pipeline.set_data(
            [(LABELS[s], stats.pipeline.get(s, 0)) for s in shown],
            [status_color(s) for s in shown],
        )
        self.rejections.set_data(
            [(stage.capitalize(), stats.rejections_by_stage.get(stage, 0)) for stage in STAGES],
            [status_color("rejected")] * len(STAGES),
        )
