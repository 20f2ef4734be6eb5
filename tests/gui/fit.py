"""Whether everything a window shows fits: no label's text cut, no widget past its parent's edge.

Used by the layout tests that open every page and dialog at the smallest supported size. A
person sees a cut label as a bug even when every test of its behaviour passes.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QLabel,
    QLineEdit,
    QTabBar,
    QWidget,
)

# Rounding of fractional font metrics: a pixel either way is not a cut letter.
SLACK = 1


def _name(widget: QWidget) -> str:
    """Class, name and text of a widget and its ancestors, to find it in the code."""
    parts: list[str] = []
    current: QWidget | None = widget
    while current is not None and len(parts) < 4:
        label = current.objectName() or current.accessibleName()
        parts.append(f"{type(current).__name__}({label})" if label else type(current).__name__)
        current = current.parentWidget()
    text = widget.text() if isinstance(widget, QLabel) else ""
    return " < ".join(parts) + (f" {text[:60]!r}" if text else "")


def _shown_text(label: QLabel) -> str:
    text = label.text()
    if label.buddy() is not None:  # "&Name" shows as "Name" with an underline
        text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text


def text_width(label: QLabel) -> int:
    """How wide the label's text is laid out on one line (rich text measured as Qt lays it out)."""
    text = _shown_text(label)
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
    )
    if rich:
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setDocumentMargin(0)
        document.setHtml(text)
        return int(document.idealWidth() + 0.5)
    metrics = label.fontMetrics()
    return max(metrics.horizontalAdvance(line) for line in text.split("\n"))


def label_problem(label: QLabel) -> str | None:
    """Why a label's text does not fit: a line wider than the label, or wrapped lines taller."""
    if not label.text() or not label.pixmap().isNull():
        return None
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + SLACK:
            return f"{_name(label)}: wrapped text {needed}px high in {label.height()}px"
        return None
    room = label.contentsRect().width() - 2 * label.margin() - max(label.indent(), 0)
    needed = text_width(label)
    if needed > room + SLACK:
        return f"{_name(label)}: text {needed}px wide in {room}px"
    return None


def _scrolls(parent: QWidget) -> bool:
    """Whether the parent is a scroll area's viewport, where children are meant to overhang."""
    area = parent.parentWidget()
    return isinstance(area, QAbstractScrollArea) and area.viewport() is parent


def overhang_problem(widget: QWidget) -> str | None:
    """Why a widget sticks out of its parent's rectangle (and is cut there), or None.

    In a scroll area a widget may be larger than the viewport, except sideways where the area
    never scrolls sideways: there what is wider is cut.
    """
    parent = widget.parentWidget()
    if parent is None or widget.isWindow():
        return None
    if _scrolls(parent):
        area = parent.parentWidget()
        assert isinstance(area, QAbstractScrollArea)
        never = area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        if never and widget.width() > parent.width() + SLACK:
            return f"{_name(widget)}: {widget.width()}px wide in a {parent.width()}px view"
        return None
    if parent.rect().contains(widget.geometry()):
        return None
    g, r = widget.geometry(), parent.rect()
    return (
        f"{_name(widget)}: at {g.x()},{g.y()} {g.width()}x{g.height()} in {r.width()}x{r.height()}"
    )


def columns_problem(view: QWidget) -> str | None:
    """Why a list or table makes the person scroll sideways to see its columns, or None."""
    if not isinstance(view, QAbstractItemView) or not view.horizontalScrollBar().isVisible():
        return None
    bar = view.horizontalScrollBar()
    return (
        f"{_name(view)}: its columns scroll sideways by {bar.maximum()}px "
        f"in a {view.viewport().width()}px view"
    )


def tabs_problem(bar: QWidget) -> str | None:
    """Why a row of tabs hides some behind scroll arrows, or None."""
    if not isinstance(bar, QTabBar) or bar.count() == 0:
        return None
    needed = sum(bar.tabSizeHint(i).width() for i in range(bar.count()))
    if needed > bar.width() + SLACK:
        return f"{_name(bar)}: tabs {needed}px wide in {bar.width()}px"
    return None


def field_problem(edit: QWidget) -> str | None:
    """Why a field too short for its value shows the value's end rather than its start."""
    if not isinstance(edit, QLineEdit) or edit.hasFocus() or edit.cursorPosition() == 0:
        return None
    if edit.fontMetrics().horizontalAdvance(edit.text()) <= edit.width() - 16:
        return None
    return f"{_name(edit)}: shows the end of {edit.text()[:40]!r}"


def problems(top: QWidget) -> list[str]:
    """Everything cut in ``top`` and its visible descendants."""
    found = []
    for widget in (top, *top.findChildren(QWidget)):
        if not widget.isVisible():
            continue
        for problem in (
            label_problem(widget) if isinstance(widget, QLabel) else None,
            overhang_problem(widget),
            columns_problem(widget),
            tabs_problem(widget),
            field_problem(widget),
        ):
            if problem:
                found.append(problem)
    return found


def screenshot_dir(default: Path) -> Path:
    """Where screenshots go: ``PROFILE_HELPER_SCREENSHOTS`` if set, else ``default``."""
    folder = Path(os.environ.get("PROFILE_HELPER_SCREENSHOTS") or default)
    folder.mkdir(parents=True, exist_ok=True)
    return folder
