"""Colours the audit's findings into an editor: buzzwords, weak openers, metrics, job keywords."""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from profile_helper.gui.common import theme

if TYPE_CHECKING:
    from profile_helper.core.audit.highlights import Highlight

# What each colour means: a short name for the legend, and a tooltip that explains it.
LEGEND = {
    "keyword": ("job keyword", "A keyword of the job description that your profile has"),
    "metric": ("number", "A number that proves a result: keep these"),
    "buzzword": ("overused word", "A word LinkedIn calls overused: prove it instead"),
    "weak_opener": ("duty, not result", "Describes a duty, not what you achieved"),
}


def formats() -> dict[str, QTextCharFormat]:
    colors = theme.current()
    result: dict[str, QTextCharFormat] = {}
    keyword = QTextCharFormat()
    keyword.setBackground(QColor(colors.accent).lighter(190 if not colors.dark else 60))
    result["keyword"] = keyword
    metric = QTextCharFormat()
    metric.setBackground(QColor(colors.good).lighter(230 if not colors.dark else 50))
    result["metric"] = metric
    buzz = QTextCharFormat()
    buzz.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    buzz.setUnderlineColor(QColor(colors.warn))
    result["buzzword"] = buzz
    weak = QTextCharFormat()
    weak.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    weak.setUnderlineColor(QColor(colors.bad))
    result["weak_opener"] = weak
    return result


class AuditHighlighter(QSyntaxHighlighter):
    """Applies ranges computed by the audit; only the blocks they touch are repainted."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._spans: list[Highlight] = []
        self._starts: list[int] = []
        self._formats = formats()

    def set_spans(self, spans: list[Highlight]) -> None:
        old = self._spans
        self._spans = spans
        self._starts = [h.start for h in spans]
        document = self.document()
        # Rehighlight only the blocks whose ranges changed, so a long text stays cheap.
        touched = {h.start for h in old} | {h.start for h in spans}
        blocks = {document.findBlock(pos).blockNumber() for pos in touched}
        for number in sorted(blocks):
            block = document.findBlockByNumber(number)
            if block.isValid():
                self.rehighlightBlock(block)

    def spans(self) -> list[Highlight]:
        return list(self._spans)

    def highlightBlock(self, text: str) -> None:
        if not self._spans:
            return
        block = self.currentBlock()
        start = block.position()
        end = start + len(text)
        # Spans are sorted by start: look only at those that can reach this block.
        last = bisect_right(self._starts, end)
        for span in self._spans[:last]:
            if span.end <= start or span.start >= end:
                continue
            first = max(span.start, start) - start
            length = min(span.end, end) - start - first
            fmt = self._formats.get(span.kind)
            if fmt is not None and length > 0:
                self.setFormat(first, length, fmt)
