"""The About outline beside the current About, with removed and added words marked.

The difference is taken sentence by sentence, and word by word inside a sentence that was only
edited (``difflib``), so a kept sentence reads as plain text on both sides, a dropped one is
struck through on the left and a new one is highlighted on the right. Colours come from the
theme, blended into the background so the text stays readable. ``difflib`` is imported when
first needed: the page is built at start-up.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QTextBrowser, QWidget

from profile_helper.gui.common import theme

_TOKEN = re.compile(r"\s+|[^\s]+")
# A sentence (up to its end mark or the line's end) with the spaces after it. A mark followed
# directly by a letter or digit ("Node.js", "3.5x") does not end it.
_SENTENCE = re.compile(r"\s*[^\s](?:[^.!?\n]|[.!?](?=\w))*(?:[.!?]+[\"')\]]*|(?=\n)|$)\s*")
# Below this word-level likeness two sentences are told apart as whole sentences: marking the
# few words they share would make a noisy patchwork.
SIMILAR = 0.5


@dataclass(frozen=True)
class Piece:
    """A run of text and how it differs: ``"same"``, ``"removed"`` or ``"added"``."""

    text: str
    kind: str


def _sentences(text: str) -> list[str]:
    found = _SENTENCE.findall(text)
    rest = text[sum(len(f) for f in found) :]
    return [*found, rest] if rest else found


def _words(old: str, new: str) -> tuple[list[Piece], list[Piece]]:
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    left: list[Piece] = []
    right: list[Piece] = []
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            left.append(Piece("".join(a[i1:i2]), "same"))
            right.append(Piece("".join(b[j1:j2]), "same"))
            continue
        if i2 > i1:
            left.append(Piece("".join(a[i1:i2]), "removed"))
        if j2 > j1:
            right.append(Piece("".join(b[j1:j2]), "added"))
    return left, right


def _likeness(old: str, new: str) -> float:
    return SequenceMatcher(None, old.split(), new.split(), autojunk=False).ratio()


def word_diff(old: str, new: str) -> tuple[list[Piece], list[Piece]]:
    """The old text's pieces (same or removed) and the new text's (same or added).

    Sentence by sentence first, since the outline keeps, drops and moves whole sentences; a
    sentence that was only edited is compared word by word.
    """
    a, b = _sentences(old), _sentences(new)
    left: list[Piece] = []
    right: list[Piece] = []
    matcher = SequenceMatcher(None, [x.strip() for x in a], [y.strip() for y in b], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            left.extend(Piece(x, "same") for x in a[i1:i2])
            right.extend(Piece(y, "same") for y in b[j1:j2])
            continue
        olds, news = a[i1:i2], b[j1:j2]
        # Pair each old sentence with the most alike new one (the outline moves sentences).
        pairs: dict[int, int] = {}
        for i, x in enumerate(olds):
            scores = [(_likeness(x, y), j) for j, y in enumerate(news) if j not in pairs.values()]
            best = max(scores, default=(0.0, -1))
            if best[0] >= SIMILAR:
                pairs[i] = best[1]
        by_new = {j: _words(olds[i], news[j]) for i, j in pairs.items()}
        for i, x in enumerate(olds):
            left.extend(by_new[pairs[i]][0] if i in pairs else [Piece(x, "removed")])
        for j, y in enumerate(news):
            right.extend(by_new[j][1] if j in by_new else [Piece(y, "added")])
    return left, right


def _blend(color: str, base: str, share: float) -> str:
    """``color`` mixed into ``base`` (share 0..1): a soft highlight that works in both themes."""
    c, b = QColor(color), QColor(base)
    pairs = ((c.red(), b.red()), (c.green(), b.green()), (c.blue(), b.blue()))
    red, green, blue = (round(share * x + (1 - share) * y) for x, y in pairs)
    return QColor(red, green, blue).name()


def _paragraphs(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def to_html(pieces: list[Piece]) -> str:
    """The pieces as rich text, removed and added runs marked."""
    colors = theme.current()
    removed = f"background:{_blend(colors.bad, colors.base, 0.18)}; color:{colors.bad};"
    removed += " text-decoration: line-through;"
    added = f"background:{_blend(colors.good, colors.base, 0.2)}; color:{colors.text};"
    out: list[str] = []
    for piece in pieces:
        if piece.kind == "same":
            out.append(_paragraphs(piece.text))
            continue
        style = removed if piece.kind == "removed" else added
        # One mark per line of the piece, spaces between its words included, so a changed
        # sentence reads as one block; spaces around it and line breaks stay unmarked.
        for part in re.split(r"(\n+)", piece.text):
            if not part.strip():
                out.append(_paragraphs(part))
                continue
            core = part.strip()
            lead = part[: len(part) - len(part.lstrip())]
            trail = part[len(part.rstrip()) :]
            out.append(f"{lead}<span style='{style}'>{html.escape(core)}</span>{trail}")
    return "".join(out)


class FittedBrowser(QTextBrowser):
    """Read-only rich text as tall as its content at the current width: the panel around it
    scrolls, so two columns never need two scroll bars of their own."""

    MIN_HEIGHT = 120

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)

    def _fit(self) -> None:
        margins = self.contentsMargins()
        height = int(self.document().size().height()) + margins.top() + margins.bottom() + 4
        height = max(height, self.MIN_HEIGHT)
        if height != self.height():
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()


class AboutDiff(QWidget):
    """Two columns: the About as it is, and the suggested outline."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        colors = theme.current()
        self.left = FittedBrowser()
        self.right = FittedBrowser()
        for view, name in ((self.left, "Your About now"), (self.right, "Suggested About")):
            view.setAccessibleName(name)
        soft_bad = _blend(colors.bad, colors.base, 0.18)
        soft_good = _blend(colors.good, colors.base, 0.2)
        now = QLabel(
            f"<b>Now</b> &nbsp;<span style='background:{soft_bad}; color:{colors.bad};"
            " text-decoration: line-through'>&nbsp;removed&nbsp;</span>"
        )
        suggested = QLabel(
            f"<b>Suggested</b> &nbsp;<span style='background:{soft_good}'>&nbsp;added&nbsp;</span>"
        )
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(10)
        layout.addWidget(now, 0, 0)
        layout.addWidget(suggested, 0, 1)
        layout.addWidget(self.left, 1, 0)
        layout.addWidget(self.right, 1, 1)
        layout.setColumnStretch(0, 1)
        layout.setColumnStretch(1, 1)
        layout.setAlignment(self.left, Qt.AlignmentFlag.AlignTop)
        layout.setAlignment(self.right, Qt.AlignmentFlag.AlignTop)
        self.pieces: tuple[list[Piece], list[Piece]] = ([], [])

    def show_texts(self, current: str, suggested: str) -> None:
        self.pieces = word_diff(current, suggested)
        left, right = self.pieces
        muted = theme.current().muted
        self.left.setHtml(
            to_html(left)
            if current.strip()
            else f"<span style='color:{muted}'>Your About is empty: the outline on the right "
            "is a start to fill in.</span>"
        )
        self.right.setHtml(to_html(right))
