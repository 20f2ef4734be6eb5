"""The Audit page's rewrite suggestions: headline candidates, the About outline, the skills.

Each suggestion has a "Use this" button that asks the page to put it into the matching editor
(as one undoable edit there); the panel itself never touches the editors. It follows the audit:
every new result replaces what it shows.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from profile_helper.gui.audit.about_diff import AboutDiff
from profile_helper.gui.audit.editors import counter_state
from profile_helper.gui.audit.inputs import Limits
from profile_helper.gui.audit.skill_chips import ChipList, SkillsModel
from profile_helper.gui.common import theme
from profile_helper.gui.common.widgets import EmptyState

if TYPE_CHECKING:
    from profile_helper.core.audit.run import AuditResult

MAX_CANDIDATES = 5
_PLACEHOLDER = re.compile(r"\[[^\]]*\]")


def replace_undoably(editor: QPlainTextEdit, text: str) -> None:
    """Replace the editor's text as one edit on its undo stack (``setPlainText`` would clear
    the stack, and with it the way back)."""
    cursor = editor.textCursor()
    cursor.beginEditBlock()
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.insertText(text)
    cursor.endEditBlock()
    editor.setTextCursor(cursor)


def headline_html(text: str) -> str:
    """The candidate as rich text: the part search shows in full colour, the rest muted, and
    [placeholders] to fill in set apart in italics."""
    colors = theme.current()
    visible = Limits.load().headline_visible
    out: list[str] = []
    pos = 0
    spans = [(m.start(), m.end(), True) for m in _PLACEHOLDER.finditer(text)]
    runs: list[tuple[int, int, bool]] = []
    for start, end, is_placeholder in spans:
        if start > pos:
            runs.append((pos, start, False))
        runs.append((start, end, is_placeholder))
        pos = end
    if pos < len(text):
        runs.append((pos, len(text), False))
    for start, end, is_placeholder in runs:
        for lo, hi in ((start, min(end, visible)), (max(start, visible), end)):
            if lo >= hi:
                continue
            shown = hi <= visible
            color = colors.text if shown else colors.muted
            style = f"color:{colors.accent if is_placeholder and shown else color};"
            if is_placeholder:
                style += " font-style: italic;"
            out.append(f"<span style='{style}'>{html.escape(text[lo:hi])}</span>")
    return "".join(out)


class SectionTitle(QWidget):
    """A section's bold title with a muted line under it saying how to read what follows."""

    def __init__(self, text: str, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(2)
        self.title = QLabel(f"<b style='font-size:14px'>{text}</b>")
        self.note = QLabel(caption)
        self.note.setObjectName("Muted")
        self.note.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.note)


def _length_label(value: int, limit: int) -> tuple[str, str]:
    colors = theme.current()
    color = {"ok": colors.muted, "near": colors.warn, "over": colors.bad}[
        counter_state(value, limit)
    ]
    return f"{value:,} / {limit:,}", f"color:{color};"


class HeadlineCard(QFrame):
    """One headline candidate, its length against the limit, and "Use this"."""

    use = Signal(str)

    def __init__(self, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.text = ""
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.length = QLabel()
        limits = Limits.load()
        limit, visible = limits.headline, limits.headline_visible
        self.length.setToolTip(
            f"LinkedIn keeps {limit} characters; search results show about the first "
            f"{visible} (the darker part)."
        )
        self.button = QPushButton("Use this")
        self.button.setAccessibleName(f"Use headline {number}")
        self.button.setToolTip("Put this headline into the editor (Ctrl+Z there undoes it)")
        self.button.clicked.connect(lambda: self.use.emit(self.text))
        side = QVBoxLayout()
        side.addWidget(self.button)
        side.addWidget(self.length, 0, Qt.AlignmentFlag.AlignRight)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 10, 8)
        layout.addWidget(self.label, 1)
        layout.addLayout(side)

    def set_text(self, text: str) -> None:
        self.text = text
        self.label.setText(headline_html(text))
        self.label.setAccessibleName(text)
        value, style = _length_label(len(text), Limits.load().headline)
        self.length.setText(value)
        self.length.setStyleSheet(style)


class RewritesPanel(QStackedWidget):
    """Headline candidates, the About outline against the current About, the skills order."""

    use_requested = Signal(str, str)  # section ("headline", "about", "skills"), text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Rewrite suggestions")
        self.about_text = ""

        self.cards = [HeadlineCard(n + 1) for n in range(MAX_CANDIDATES)]
        for card in self.cards:
            card.use.connect(lambda text: self.use_requested.emit("headline", text))
        self._build_about()
        self._build_skills()
        self.empty = EmptyState(
            "Suggestions appear as you type",
            "Paste your profile, and the job you aim for, to get headlines built on its "
            "keywords, an About outline and your skills in the order recruiters search them.",
        )
        # The suggestions scroll; the empty state does not (it centres in the whole tab).
        self.suggestions = QScrollArea()
        self.suggestions.setWidgetResizable(True)
        self.suggestions.setFrameShape(QFrame.Shape.NoFrame)
        self.suggestions.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.suggestions.setWidget(self._build_content())
        self.addWidget(self.empty)
        self.addWidget(self.suggestions)

    # -- building -------------------------------------------------------------------------
    def _build_about(self) -> None:
        self.diff = AboutDiff()
        self.use_about = QPushButton("Use this outline")
        self.use_about.setObjectName("Primary")
        self.use_about.setToolTip("Replace your About with the outline (Ctrl+Z there undoes it)")
        self.use_about.clicked.connect(lambda: self.use_requested.emit("about", self.about_text))
        self.about_length = QLabel()

    def _build_skills(self) -> None:
        self.skill_model = SkillsModel(self)
        self.skill_view = ChipList()
        self.skill_view.setModel(self.skill_model)
        self.skill_view.setAccessibleName("Suggested skills")
        self.use_skills = QPushButton("Use this")
        self.use_skills.setToolTip("Replace your skills with this list, proposed ones included")
        self.use_skills.clicked.connect(lambda: self._use_skills(with_proposed=True))
        self.use_own_skills = QPushButton("Use without proposed")
        self.use_own_skills.setToolTip("Reorder your own skills only; add nothing from the job")
        self.use_own_skills.clicked.connect(lambda: self._use_skills(with_proposed=False))

    def _build_content(self) -> QWidget:
        """Headline candidates, then the About outline, then the skills, one under the other."""
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(2, 4, 10, 10)
        layout.setSpacing(8)
        layout.addWidget(
            SectionTitle(
                "Headline",
                "The darker part is what search results and invitations show. "
                "[Brackets] mark words to fill in.",
            )
        )
        for card in self.cards:
            layout.addWidget(card)
        layout.addWidget(
            SectionTitle(
                "About outline",
                "Hook, what you do, proof with a number, call to action. Your strong sentences "
                "are kept; weak openers and buzzwords are dropped.",
            )
        )
        layout.addWidget(self.diff)
        about_row = QHBoxLayout()
        about_row.addWidget(self.about_length)
        about_row.addStretch(1)
        about_row.addWidget(self.use_about)
        layout.addLayout(about_row)
        self.skills_title = SectionTitle("Skills", "")
        layout.addWidget(self.skills_title)
        layout.addWidget(self.skill_view)
        skills_row = QHBoxLayout()
        skills_row.addStretch(1)
        skills_row.addWidget(self.use_own_skills)
        skills_row.addWidget(self.use_skills)
        layout.addLayout(skills_row)
        layout.addStretch(1)
        return content

    def show_result(self, result: AuditResult | None) -> None:
        """Show the suggestions of ``result`` (or the empty state)."""
        rewrites = None if result is None else result.rewrites
        if result is None or rewrites is None:
            self.setCurrentWidget(self.empty)
            self.skill_model.set_skills([], [])
            return
        self.setCurrentWidget(self.suggestions)
        for number, card in enumerate(self.cards):
            text = rewrites.headline[number] if number < len(rewrites.headline) else ""
            card.set_text(text)
            card.setVisible(bool(text))
        self.about_text = rewrites.about
        self.diff.show_texts(result.profile.about, rewrites.about)
        value, style = _length_label(len(rewrites.about), Limits.load().about)
        self.about_length.setText(value)
        self.about_length.setStyleSheet(style)
        self.use_about.setEnabled(rewrites.about.strip() != result.profile.about.strip())
        self.skill_model.set_skills(rewrites.skills, rewrites.proposed_skills)
        self.skill_view.fit()
        count, proposed = len(rewrites.skills), len(rewrites.proposed_skills)
        note = f"{count} skill{'s' if count != 1 else ''}, the job's keywords first, duplicates "
        note += "merged."
        if proposed:
            note += (
                f" {proposed} marked + are proposed from the job: keep them only if you have them."
            )
        self.skills_title.note.setText(note)
        self.use_skills.setEnabled(count > 0)
        self.use_own_skills.setVisible(proposed > 0)

    def _use_skills(self, *, with_proposed: bool) -> None:
        skills = self.skill_model.skills(with_proposed=with_proposed)
        self.use_requested.emit("skills", "\n".join(skills))
