"""The audit's input editors: each with a live counter against LinkedIn's limit.

The counter turns amber near the limit and red past it. The About editor also marks where
LinkedIn cuts the text with "see more" on mobile and on desktop.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent, QPen, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from profile_helper.core.audit.profile import parse_skills
from profile_helper.gui.audit.highlighter import AuditHighlighter
from profile_helper.gui.common import theme

AMBER_SHARE = 0.9  # the counter turns amber at 90% of the limit


def counter_state(value: int, limit: int, minimum: int = 0) -> str:
    """``"ok"``, ``"near"`` (amber) or ``"over"`` (red) for a count against its limit."""
    if value > limit:
        return "over"
    if value >= AMBER_SHARE * limit or (0 < value < minimum):
        return "near"
    return "ok"


class TextEditor(QPlainTextEdit):
    """A plain-text editor with the audit's highlighter and optional "see more" marks."""

    def __init__(self, parent: QWidget | None = None, *, single_line: bool = False) -> None:
        super().__init__(parent)
        self.highlighter = AuditHighlighter(self.document())
        self.see_more: list[tuple[int, str]] = []  # (character position, label)
        self.single_line = single_line
        self.setTabChangesFocus(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # A headline is one line: Enter does not break it.
        if self.single_line and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if self.single_line and source.hasText():
            self.insertPlainText(" ".join(source.text().split()))
            return
        super().insertFromMimeData(source)

    def select_span(self, start: int, end: int) -> None:
        """Select characters start..end (clamped to the text) and show them."""
        length = len(self.toPlainText())
        cursor = self.textCursor()
        cursor.setPosition(max(0, min(start, length)))
        cursor.setPosition(max(0, min(end, length)), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.see_more:
            return
        length = self.document().characterCount() - 1
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colors = theme.current()
        for position, _label in self.see_more:
            if position >= length:
                continue
            cursor = QTextCursor(self.document())
            cursor.setPosition(position)
            rect = self.cursorRect(cursor)
            if not self.viewport().rect().intersects(rect):
                continue
            # A bar at the cut with a small flag on top; the meaning is in the tooltip and the
            # hint above the editor, so no label covers the text.
            x = rect.left()
            painter.setPen(QPen(QColor(colors.warn), 2))
            painter.drawLine(x, rect.top(), x, rect.bottom())
            painter.setBrush(QColor(colors.warn))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawPolygon(
                [
                    QPoint(x - 4, rect.top() - 1),
                    QPoint(x + 4, rect.top() - 1),
                    QPoint(x, rect.top() + 4),
                ]
            )
        painter.end()


class CountedEditor(QWidget):
    """A labelled editor with a counter ("187 / 220") that turns amber, then red."""

    changed = Signal()

    def __init__(
        self,
        label: str,
        limit: int,
        *,
        unit: str = "characters",
        placeholder: str = "",
        minimum: int = 0,
        lines: int = 4,
        single_line: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.limit = limit
        self.minimum = minimum
        self.unit = unit
        self.title = QLabel(f"<b>{label}</b>")
        self.counter = QLabel()
        self.counter.setAccessibleName(f"{label} length")
        self.editor = TextEditor(single_line=single_line)
        self.editor.setPlaceholderText(placeholder)
        self.editor.setAccessibleName(label)
        line = self.editor.fontMetrics().lineSpacing()
        self.editor.setMinimumHeight(line * lines + 16)
        self.title.setBuddy(self.editor)
        # The hint has a line of its own under the title: beside it, it ran into the counter in
        # a narrow window.
        self.hint = QLabel()
        self.hint.setObjectName("Muted")
        self.hint.setWordWrap(True)
        self.hint.hide()
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.counter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(self.editor, 1)
        self._last_text = ""
        self.editor.textChanged.connect(self._on_text_changed)
        self._update_counter()

    def set_hint(self, text: str) -> None:
        """A short muted note under the title (e.g. what the marks in the editor mean)."""
        self.hint.setText(text)
        self.hint.setVisible(bool(text))

    def text(self) -> str:
        return self.editor.toPlainText()

    def set_text(self, text: str) -> None:
        self.editor.setPlainText(text)

    def count(self) -> int:
        return len(self.text())

    def state(self) -> str:
        return counter_state(self.count(), self.limit, self.minimum)

    def _on_text_changed(self) -> None:
        # Qt also reports a change when only the highlighting's formats change: ignore those.
        text = self.text()
        if text == self._last_text:
            return
        self._last_text = text
        self._update_counter()
        self.changed.emit()

    def _update_counter(self) -> None:
        colors = theme.current()
        value = self.count()
        state = self.state()
        color = {"ok": colors.muted, "near": colors.warn, "over": colors.bad}[state]
        self.counter.setText(f"{value:,} / {self.limit:,}")
        self.counter.setStyleSheet(f"color: {color}; font-weight: {600 if state != 'ok' else 400};")
        tip = f"{value:,} of LinkedIn's {self.limit:,} {self.unit}"
        if state == "over":
            tip += f": {value - self.limit:,} too many"
        self.counter.setToolTip(tip)


class SkillsEditor(CountedEditor):
    """The skills list: one a line or comma-separated; the counter counts skills."""

    def count(self) -> int:
        text = self.text()
        if len(text) > 20_000:
            # Far past any real list: an estimate keeps typing fast in a huge paste.
            return sum(text.count(sep) for sep in "\n,;") + 1
        return len(parse_skills(text))
