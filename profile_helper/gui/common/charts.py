"""Small charts drawn with QPainter: columns over time and horizontal bars by category.

QtCharts is not part of PySide6-Essentials, and these two shapes are all the statistics need.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from profile_helper.gui.common import theme


class _Chart(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.setAccessibleName(title)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._points: list[tuple[str, int, QColor | None]] = []

    def set_data(self, points: Sequence[tuple[str, int]], colors: Sequence[QColor] = ()) -> None:
        """``(label, value)`` pairs in order; optional colours, one per bar."""
        self._points = [
            (label, int(value), colors[i] if i < len(colors) else None)
            for i, (label, value) in enumerate(points)
        ]
        self.setAccessibleDescription(
            ", ".join(f"{label}: {value}" for label, value, _ in self._points)
        )
        self.update()

    def values(self) -> list[tuple[str, int]]:
        return [(label, value) for label, value, _ in self._points]

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 170)

    def _begin(self, painter: QPainter) -> QRectF:
        """Draw the title and return the rectangle left for the plot."""
        c = theme.current()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bold = painter.font()
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QColor(c.text))
        line = painter.fontMetrics().height()
        painter.drawText(QRectF(0, 0, self.width(), line), Qt.AlignmentFlag.AlignLeft, self.title)
        plain = painter.font()
        plain.setBold(False)
        painter.setFont(plain)
        return QRectF(0, line + 10, self.width(), self.height() - line - 10)


class ColumnChart(_Chart):
    """Vertical bars left to right, such as applications per week."""

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        c = theme.current()
        area = self._begin(painter)
        metrics = painter.fontMetrics()
        line = metrics.height()
        plot = area.adjusted(28, 4, -4, -(line + 6))
        top = max((v for _, v, _ in self._points), default=0)
        scale = max(top, 1)
        painter.setPen(QPen(QColor(c.border), 1))
        for fraction in (0.0, 0.5, 1.0):
            y = plot.bottom() - fraction * plot.height()
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(QColor(c.muted))
            painter.drawText(
                QRectF(0, y - line / 2, 24, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{scale * fraction:.0f}" if scale * fraction == int(scale * fraction) else "",
            )
            painter.setPen(QPen(QColor(c.border), 1))
        count = len(self._points)
        if count == 0:
            painter.end()
            return
        slot = plot.width() / count
        width = min(36.0, slot * 0.62)
        every = max(1, int(metrics.horizontalAdvance("00 Mmm") / slot) + 1)
        for i, (label, value, color) in enumerate(self._points):
            height = plot.height() * value / scale
            x = plot.left() + i * slot + (slot - width) / 2
            bar = QRectF(x, plot.bottom() - height, width, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color or QColor(c.accent))
            painter.drawRoundedRect(bar, 3, 3)
            if value:
                painter.setPen(QColor(c.text))
                painter.drawText(
                    QRectF(x - 10, bar.top() - line - 1, width + 20, line),
                    Qt.AlignmentFlag.AlignCenter,
                    str(value),
                )
            if i % every == 0:
                painter.setPen(QColor(c.muted))
                painter.drawText(
                    QRectF(plot.left() + i * slot - 20, plot.bottom() + 4, slot + 40, line),
                    Qt.AlignmentFlag.AlignCenter,
                    label,
                )
        painter.end()


class BarChart(_Chart):
    """Horizontal bars top to bottom with their labels, such as the pipeline by status."""

    def minimumSizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        return QSize(240, (line + 10) * (len(self._points) + 1) + 10)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        c = theme.current()
        area = self._begin(painter)
        metrics = painter.fontMetrics()
        line = metrics.height()
        count = len(self._points)
        if count == 0:
            painter.end()
            return
        label_width = max(metrics.horizontalAdvance(label) for label, _, _ in self._points) + 12
        value_width = metrics.horizontalAdvance("0000") + 6
        row = min(area.height() / count, line + 14.0)
        top = max([1] + [v for _, v, _ in self._points])
        plot_width = max(area.width() - label_width - value_width, 10)
        for i, (label, value, color) in enumerate(self._points):
            y = area.top() + i * row
            painter.setPen(QColor(c.text))
            painter.drawText(
                QRectF(0, y, label_width - 8, row),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(c.alt_base if not c.dark else c.border))
            track = QRectF(label_width, y + row * 0.2, plot_width, row * 0.6)
            painter.drawRoundedRect(track, 3, 3)
            painter.setBrush(color or QColor(c.accent))
            if value:
                painter.drawRoundedRect(
                    QRectF(
                        track.left(),
                        track.top(),
                        max(4.0, plot_width * value / top),
                        track.height(),
                    ),
                    3,
                    3,
                )
            painter.setPen(QColor(c.muted))
            painter.drawText(
                QRectF(label_width + plot_width + 6, y, value_width, row),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                str(value),
            )
        painter.end()
