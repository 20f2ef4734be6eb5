"""The audit's results: the score with its parts, the findings by section, the keyword table."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from profile_helper.core.audit.keyword import Keyword
from profile_helper.core.audit.posting import IMPORTANCE_ORDER
from profile_helper.core.audit.profile import Finding
from profile_helper.core.audit.run import AuditResult
from profile_helper.gui.common import theme

SECTION_TITLES = {
    "headline": "Headline",
    "about": "About",
    "skills": "Skills",
    "experience": "Experience",
    "match": "Job match",
}
SEVERITY_LABELS = {"error": "Fix", "warning": "Improve", "tip": "Tip", "info": "Note"}
# Shown only when the audit had the person's positions.
OPTIONAL_SECTIONS = frozenset({"experience"})

Index = QModelIndex | QPersistentModelIndex


def score_color(score: float) -> str:
    colors = theme.current()
    if score >= 80:
        return colors.good
    if score >= 50:
        return colors.warn
    return colors.bad


class ScoreCard(QFrame):
    """The overall score, large, and a bar per section (and the job match when there is one)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.score_label = QLabel("–")
        self.score_label.setAccessibleName("Overall score")
        self.score_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.score_label.setMinimumWidth(96)
        self.caption = QLabel("score")
        self.caption.setObjectName("Muted")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        big = QVBoxLayout()
        big.addWidget(self.score_label)
        big.addWidget(self.caption)
        self.bars: dict[str, QProgressBar] = {}
        self.values: dict[str, QLabel] = {}
        self.titles: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setVerticalSpacing(6)
        for row, name in enumerate(("headline", "about", "skills", "experience", "match")):
            title = QLabel(SECTION_TITLES[name])
            self.titles[name] = title
            bar = QProgressBar()
            bar.setRange(0, 100)
            bar.setTextVisible(False)
            bar.setFixedHeight(8)
            bar.setAccessibleName(f"{SECTION_TITLES[name]} score")
            value = QLabel("–")
            value.setMinimumWidth(34)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(title, row, 0)
            grid.addWidget(bar, row, 1)
            grid.addWidget(value, row, 2)
            self.bars[name] = bar
            self.values[name] = value
        grid.setColumnStretch(1, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.addLayout(big)
        layout.addSpacing(12)
        layout.addLayout(grid, 1)
        self.show_result(None)

    def show_result(self, result: AuditResult | None) -> None:
        for name in OPTIONAL_SECTIONS:
            shown = result is not None and name in result.sections
            for widget in (self.titles[name], self.bars[name], self.values[name]):
                widget.setVisible(shown)
        if result is None:
            self.score_label.setText("–")
            self.score_label.setStyleSheet("font-size: 34px; font-weight: 700;")
            for name in self.bars:
                self.bars[name].setValue(0)
                self.values[name].setText("–")
            return
        color = score_color(result.score)
        self.score_label.setText(str(result.score))
        self.score_label.setStyleSheet(f"font-size: 34px; font-weight: 700; color: {color};")
        parts: dict[str, int | None] = {n: s.score for n, s in result.sections.items()}
        parts["match"] = None if result.match_rate is None else round(100 * result.match_rate)
        for name, value in parts.items():
            bar = self.bars[name]
            if value is None:
                bar.setValue(0)
                self.values[name].setText("no job")
                self.values[name].setToolTip("Paste a job description to see the match")
                continue
            bar.setValue(value)
            bar.setStyleSheet(f"QProgressBar::chunk {{ background: {score_color(value)}; }}")
            self.values[name].setText(f"{value}%" if name == "match" else str(value))
            self.values[name].setToolTip("")


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text at the column's current width."""

    def __init__(self, view: QTreeWidget) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        # Room taken by the branch indentation, the colour mark and the margins.
        width = self.view.viewport().width() - self.view.indentation() * (depth + 1) - 40
        metrics = QFontMetrics(option.font)
        rect = metrics.boundingRect(
            QRect(0, 0, max(width, 80), 100_000), int(Qt.TextFlag.TextWordWrap), text
        )
        return QSize(hint.width(), max(hint.height(), rect.height() + 8))


class FindingsView(QTreeWidget):
    """Findings grouped by section; activating one asks for its span to be selected."""

    finding_activated = Signal(object)  # Finding

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setUniformRowHeights(False)
        self.header().setStretchLastSection(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName("Findings")
        self.setRootIsDecorated(True)
        self.setIndentation(14)
        self.setItemDelegate(WrappingDelegate(self))
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Wrapped rows change height with the width.
        self.scheduleDelayedItemsLayout()

    def show_result(self, result: AuditResult | None) -> None:
        self.clear()
        if result is None:
            return
        colors = theme.current()
        severity_color = {
            "error": colors.bad,
            "warning": colors.warn,
            "tip": colors.accent,
            "info": colors.muted,
        }
        for section in ("headline", "about", "skills", "experience", "match"):
            findings = result.findings_for(section)
            if section == "match" and result.match_rate is None:
                continue
            if section in OPTIONAL_SECTIONS and section not in result.sections:
                continue
            title = SECTION_TITLES[section]
            count = len(findings)
            plural = "finding" if count == 1 else "findings"
            group = QTreeWidgetItem([f"{title} — {count} {plural}" if count else ""])
            if not findings:
                group.setText(0, f"{title} — nothing to fix")
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            self.addTopLevelItem(group)
            for finding in findings:
                label = SEVERITY_LABELS[finding.severity]
                text = f"{label}: {finding.message}"
                if finding.suggestion:
                    text += f"\n→ {finding.suggestion}"
                item = QTreeWidgetItem([text])
                item.setData(0, Qt.ItemDataRole.UserRole, finding)
                item.setForeground(0, QBrush(QColor(colors.text)))
                item.setData(
                    0, Qt.ItemDataRole.DecorationRole, QColor(severity_color[finding.severity])
                )
                if finding.span is not None:
                    item.setToolTip(0, "Click to select the text this is about.")
                group.addChild(item)
            group.setExpanded(True)

    def _items(self) -> list[QTreeWidgetItem]:
        items: list[QTreeWidgetItem] = []
        for i in range(self.topLevelItemCount()):
            group = self.topLevelItem(i)
            if group is None:
                continue
            for j in range(group.childCount()):
                item = group.child(j)
                if item is not None:
                    items.append(item)
        return items

    def findings(self) -> list[Finding]:
        return [item.data(0, Qt.ItemDataRole.UserRole) for item in self._items()]

    def item_for(self, finding_id: str) -> QTreeWidgetItem | None:
        for item in self._items():
            if item.data(0, Qt.ItemDataRole.UserRole).id == finding_id:
                return item
        return None

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        finding = item.data(0, Qt.ItemDataRole.UserRole)
        if finding is not None:
            self.finding_activated.emit(finding)


class KeywordModel(QAbstractTableModel):
    """The job's keywords, required first, with their kind and where the profile has each one."""

    # Three columns fit the results panel beside the editors at 1024 px: what the posting asks
    # is one column of two short lines ("required" over "certification"), and where the profile
    # has a keyword one column ("headline, about") rather than three of check marks.
    HEADERS = ("Job keyword", "Asked as", "In your profile")
    SECTIONS = ("headline", "about", "skills", "certifications")
    ASKED_COLUMN = 1
    STATUS_COLUMN = 2
    TOOLTIPS: ClassVar[dict[str, str]] = {
        "required": "The posting requires it: a recruiter screens on it.",
        "duty": "Part of the work the posting describes.",
        "preferred": "Nice to have: the posting prefers it but does not require it.",
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[Keyword, list[str]]] = []

    def set_result(self, result: AuditResult | None) -> None:
        self.beginResetModel()
        if result is None:
            self._rows = []
        else:
            rows = [(k, result.locations.get(k.name, [])) for k in result.job_keywords]
            self._rows = sorted(rows, key=lambda r: IMPORTANCE_ORDER.get(r[0].importance, 0))
        self.endResetModel()

    def keyword(self, row: int) -> Keyword:
        return self._rows[row][0]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        keyword, where = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(keyword, where, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS_COLUMN:
            colors = theme.current()
            return QBrush(QColor(colors.good if where else colors.bad))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(keyword, where, column)
        return None

    def _text(self, keyword: Keyword, where: list[str], column: int) -> str:
        if column == 0:
            return keyword.name
        if column == self.ASKED_COLUMN:
            return f"{keyword.importance}\n{keyword.kind}"
        return ", ".join(s for s in self.SECTIONS if s in where) if where else "missing"

    def _tooltip(self, keyword: Keyword, where: list[str], column: int) -> str | None:
        if column in (0, self.STATUS_COLUMN):
            return f"In your {', '.join(where)}" if where else "Not in your profile"
        if column == self.ASKED_COLUMN:
            return f"{self.TOOLTIPS.get(keyword.importance, '')} Kind: {keyword.kind}."
        return None
