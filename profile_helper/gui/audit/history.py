"""Saved audits: save the current one under a name, see the score over time, restore any."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from profile_helper.gui.common import theme
from profile_helper.gui.common.widgets import FieldError

if TYPE_CHECKING:
    from profile_helper.core.audit.history import SavedAudit


class ScoreChart(QWidget):
    """A small line chart of saved scores, oldest to newest, drawn with QPainter."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scores: list[int] = []
        self.setMinimumHeight(120)
        self.setAccessibleName("Score over time")

    def sizeHint(self) -> QSize:
        return QSize(320, 140)

    def set_scores(self, scores: list[int]) -> None:
        self.scores = list(scores)
        self.setToolTip(
            "Scores of your saved audits, oldest first: " + ", ".join(map(str, scores))
            if scores
            else "Save audits to see your score over time"
        )
        self.update()

    def points(self) -> list[QPointF]:
        area = QRectF(self.rect()).adjusted(30, 22, -22, -10)
        n = len(self.scores)
        if n == 0:
            return []
        step = area.width() / (n - 1) if n > 1 else 0.0
        return [
            QPointF(
                area.left() + (i * step if n > 1 else area.width() / 2),
                area.bottom() - area.height() * score / 100,
            )
            for i, score in enumerate(self.scores)
        ]

    def paintEvent(self, event: QPaintEvent) -> None:
        colors = theme.current()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(30, 22, -22, -10)
        painter.setPen(QColor(colors.muted))
        for value in (0, 50, 100):
            y = area.bottom() - area.height() * value / 100
            painter.setPen(QPen(QColor(colors.border), 1))
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.setPen(QColor(colors.muted))
            painter.drawText(
                QRectF(0, y - 8, 26, 16),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                str(value),
            )
        points = self.points()
        if not points:
            painter.setPen(QColor(colors.muted))
            painter.drawText(area, int(Qt.AlignmentFlag.AlignCenter), "No saved audits yet")
            painter.end()
            return
        path = QPainterPath(points[0])
        for point in points[1:]:
            path.lineTo(point)
        painter.setPen(QPen(QColor(colors.accent), 2))
        painter.drawPath(path)
        painter.setBrush(QColor(colors.accent))
        for point in points:
            painter.drawEllipse(point, 3.5, 3.5)
        painter.setPen(QColor(colors.text))
        for point, score in zip(points, self.scores, strict=True):
            # The value above its point, kept inside the widget at the top.
            painter.drawText(
                QRectF(point.x() - 20, max(0.0, point.y() - 20), 40, 14),
                int(Qt.AlignmentFlag.AlignCenter),
                str(score),
            )
        painter.end()


class HistoryPanel(QWidget):
    """Name and save the current audit; a chart and a list of saved ones to restore or delete."""

    save_requested = Signal(str)
    restore_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("Name this audit, e.g. “Acme data engineer, v2”")
        self.name_edit.setAccessibleName("Audit name")
        self.save_button = QPushButton("Save audit")
        self.save_button.setObjectName("Primary")
        self.save_button.setToolTip("Save the texts and score under this name (Ctrl+S)")
        self.error_label = FieldError()
        self.chart = ScoreChart()
        self.list = QListWidget()
        self.list.setAccessibleName("Saved audits")
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.restore_button = QPushButton("Restore")
        self.restore_button.setToolTip("Put the saved texts back in the editors")
        self.delete_button = QPushButton("Delete…")
        save_row = QHBoxLayout()
        save_row.addWidget(self.name_edit, 1)
        save_row.addWidget(self.save_button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(save_row)
        layout.addWidget(self.error_label)
        layout.addWidget(self.chart)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self._save)
        self.name_edit.returnPressed.connect(self._save)
        self.name_edit.textChanged.connect(lambda _: self.error_label.hide())
        self.restore_button.clicked.connect(self._restore)
        self.list.itemActivated.connect(lambda _: self._restore())
        self.delete_button.clicked.connect(self._delete)
        self.list.currentRowChanged.connect(lambda _: self._update_buttons())
        self._update_buttons()

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def set_audits(self, audits: list[SavedAudit]) -> None:
        self.chart.set_scores([a.score for a in audits])
        self.list.clear()
        for saved in reversed(audits):  # newest first in the list
            when = saved.created.astimezone().strftime("%d %b %Y, %H:%M")
            match = "" if saved.match_rate is None else f" · match {saved.match_rate:.0%}"
            item = QListWidgetItem(f"{saved.name}\nScore {saved.score} · {when}{match}")
            item.setToolTip("Double-click or press Restore to put these texts back")
            item.setData(Qt.ItemDataRole.UserRole, saved.id)
            self.list.addItem(item)
        self._update_buttons()

    def _selected_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def _update_buttons(self) -> None:
        selected = self._selected_id() is not None
        self.restore_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)

    def _save(self) -> None:
        self.save_requested.emit(self.name_edit.text())

    def _restore(self) -> None:
        audit_id = self._selected_id()
        if audit_id is not None:
            self.restore_requested.emit(audit_id)

    def _delete(self) -> None:
        audit_id = self._selected_id()
        if audit_id is not None:
            self.delete_requested.emit(audit_id)
