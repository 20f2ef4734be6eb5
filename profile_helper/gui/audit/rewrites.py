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
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from profile_helper.core.audit.rewrites.about_edits import AboutEdit, apply_edits
from profile_helper.core.audit.run import rewrites_for
from profile_helper.gui.audit.about_diff import AboutDiff
from profile_helper.gui.audit.editors import counter_state
from profile_helper.gui.audit.inputs import Limits
from profile_helper.gui.audit.rewrite_choices import ChoiceList
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


def _edit_label(edit: AboutEdit) -> str:
    before, after = edit.before.strip(), edit.after.strip()
    if not before:
        return f"Add: “{after}”"
    if not after:
        return f"Drop “{before}”"
    return f"“{before}” → “{after}”"


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
        self._result: AuditResult | None = None
        self._offered: list[str] = []
        self._edits: list[AboutEdit] = []
        # Job keywords the profile does not show: used in a headline only once ticked as true.
        self.add_if_true = ChoiceList("Job keywords to add if true", wrap=True)
        self.add_if_true.changed.connect(self._refresh_headlines)
        # Who the person helps, when the About does not say: one more formula can use it.
        self.audience = QLineEdit()
        self.audience.setPlaceholderText("Who you help, e.g. “logistics teams” (optional)")
        self.audience.setAccessibleName("Who you help")
        self.audience.setClearButtonEnabled(True)
        self.audience.editingFinished.connect(self._refresh_headlines)
        self.about_edit_list = ChoiceList("Changes to your About", wrap=False)
        self.about_edit_list.changed.connect(self._refresh_about)
        self.about_notes = QLabel()
        self.about_notes.setObjectName("Muted")
        self.about_notes.setWordWrap(True)

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
        self.use_about = QPushButton("Use this About")
        self.use_about.setObjectName("Primary")
        self.use_about.setToolTip(
            "Replace your About with the ticked changes made (Ctrl+Z there undoes it)"
        )
        self.use_about.clicked.connect(lambda: self.use_requested.emit("about", self.about_text))
        self.about_length = QLabel()

    def _build_skills(self) -> None:
        self.skill_model = SkillsModel(self)
        self.skill_view = ChipList()
        self.skill_view.setModel(self.skill_model)
        self.skill_view.setAccessibleName("Suggested skills")
        self.use_skills = QPushButton("Use this")
        self.use_skills.setToolTip("Replace your skills with this list, ticked + ones included")
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
                "Your title, credentials and skills, with the job's keywords you show. The "
                "darker part is what search results and invitations show.",
            )
        )
        for card in self.cards:
            layout.addWidget(card)
        self.add_if_true_title = QLabel("The job also asks for these: tick the ones that are true.")
        self.add_if_true_title.setObjectName("Muted")
        layout.addWidget(self.add_if_true_title)
        layout.addWidget(self.add_if_true)
        layout.addWidget(self.audience)
        layout.addWidget(
            SectionTitle(
                "About",
                "Your paragraphs in your order; only what the audit flags is changed. Untick a "
                "change to undo it.",
            )
        )
        layout.addWidget(self.about_edit_list)
        layout.addWidget(self.about_notes)
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
            self._result = None
            self.setCurrentWidget(self.empty)
            self.skill_model.set_skills([], [])
            return
        self.setCurrentWidget(self.suggestions)
        self._result = result
        self._offered = list(rewrites.add_if_true)
        self.add_if_true.set_choices(self._offered, checked=False)
        self.add_if_true_title.setVisible(bool(self._offered))
        self.audience.setVisible(rewrites.needs_audience or bool(self.audience.text().strip()))
        self._show_headlines(rewrites.headline)
        self._edits = list(rewrites.about_edits)
        self.about_edit_list.set_choices(
            [_edit_label(e) for e in self._edits],
            checked=True,
            tips=[e.reason for e in self._edits],
        )
        self.about_notes.setText(" ".join(rewrites.about_notes))
        self.about_notes.setVisible(bool(rewrites.about_notes))
        self._show_about(rewrites.about)
        proposed_list = list(rewrites.proposed_skills)
        self.skill_model.set_skills([*rewrites.skills, *proposed_list], proposed_list)
        self.skill_view.fit()
        count, proposed = len(rewrites.skills), len(proposed_list)
        note = f"{count} skill{'s' if count != 1 else ''}, the job's keywords first, duplicates "
        note += "merged."
        if proposed:
            note += (
                f" {proposed} marked + are in the job but not in your profile: add them only if "
                "you have them."
            )
        self.skills_title.note.setText(note)
        self.use_skills.setEnabled(count + proposed > 0)
        self.use_own_skills.setVisible(proposed > 0)

    def _show_headlines(self, headlines: list[str]) -> None:
        for number, card in enumerate(self.cards):
            text = headlines[number] if number < len(headlines) else ""
            card.set_text(text)
            card.setVisible(bool(text))

    def _show_about(self, text: str) -> None:
        original = self._result.profile.about if self._result is not None else ""
        self.about_text = text
        self.diff.show_texts(original, text)
        value, style = _length_label(len(text), Limits.load().about)
        self.about_length.setText(value)
        self.about_length.setStyleSheet(style)
        self.use_about.setEnabled(text.strip() != original.strip())

    def _refresh_headlines(self) -> None:
        """The candidates again, with the ticked keywords and who the person helps."""
        if self._result is None:
            return
        ticked = [self._offered[row] for row in self.add_if_true.checked_rows()]
        again = rewrites_for(self._result, confirmed=ticked, audience=self.audience.text())
        self._show_headlines(again.headline)

    def _refresh_about(self) -> None:
        """The About with only the ticked changes: unticking one undoes just that one."""
        if self._result is None:
            return
        kept = [self._edits[row] for row in self.about_edit_list.checked_rows()]
        self._show_about(apply_edits(self._result.profile.about, kept))

    def _use_skills(self, *, with_proposed: bool) -> None:
        skills = self.skill_model.skills(with_proposed=with_proposed)
        self.use_requested.emit("skills", "\n".join(skills))
