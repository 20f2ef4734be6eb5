"""The Audit page's left side: the four editors with their limits, and the colour legend."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from profile_helper.core.resources import limits as read_limits
from profile_helper.gui.audit.editors import CountedEditor, SkillsEditor
from profile_helper.gui.audit.highlighter import LEGEND, formats
from profile_helper.gui.common import theme

# A job ad longer than this is pasted by mistake; the counter is hidden below it.
JOB_SOFT_LIMIT = 20_000


@dataclass(frozen=True)
class Limits:
    """LinkedIn's limits the editors and the rewrites count against (``resources/limits.json``)."""

    headline: int
    headline_visible: int
    about: int
    skills: int
    skills_min: int
    see_more_mobile: int
    see_more_desktop: int

    @classmethod
    def load(cls) -> Limits:
        data = read_limits()
        return cls(
            headline=int(data["headline"]["max_chars"]),
            headline_visible=int(data["headline"]["visible_in_search"]),
            about=int(data["about"]["max_chars"]),
            skills=int(data["skills"]["max_count"]),
            skills_min=int(data["skills"]["min_count"]),
            see_more_mobile=int(data["about"]["see_more_mobile"]),
            see_more_desktop=int(data["about"]["see_more_desktop"]),
        )


class ProfileInputs(QWidget):
    """Headline, About, skills and the target job, each with its counter; then the legend."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        limits = Limits.load()
        self.headline = CountedEditor(
            "Headline",
            limits.headline,
            placeholder="Role | skill | skill | skill — e.g. “Data Engineer | Python | AWS | dbt”",
            lines=2,
            single_line=True,
        )
        self.about = CountedEditor(
            "About",
            limits.about,
            placeholder="Paste your About section. The marks show where LinkedIn cuts it with "
            "“see more” on mobile and desktop.",
            lines=9,
        )
        mobile, desktop = limits.see_more_mobile, limits.see_more_desktop
        self.about.editor.see_more = [(mobile, "mobile"), (desktop, "desktop")]
        self.about.set_hint(
            f"<span style='color:{theme.current().warn}'>▼</span> “see more” cuts after "
            f"{mobile} characters on mobile, {desktop} on desktop"
        )
        self.skills = SkillsEditor(
            "Skills",
            limits.skills,
            unit="skills",
            placeholder="One skill a line, or separated by commas",
            minimum=limits.skills_min,
            lines=4,
        )
        self.job = CountedEditor(
            "Target job description (optional)",
            JOB_SOFT_LIMIT,
            placeholder="Paste the job ad you are aiming for to see which of its keywords you "
            "lack and where to put them.",
            lines=6,
        )
        self.job.counter.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.setSpacing(10)
        layout.addWidget(self.headline, 2)
        layout.addWidget(self.about, 6)
        layout.addWidget(self.skills, 3)
        layout.addWidget(self.job, 4)
        layout.addWidget(legend())

    def all(self) -> list[CountedEditor]:
        return [self.headline, self.about, self.skills, self.job]


def legend() -> QWidget:
    """What the colours in the editors mean, with a tooltip on each."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(14)
    fmt = formats()
    colors = theme.current()
    for kind, (text, tip) in LEGEND.items():
        style = fmt[kind]
        if style.background().style() != Qt.BrushStyle.NoBrush:
            css = f"background: {style.background().color().name()};"
            label = QLabel(f"<span style='{css}'>&nbsp;{text}&nbsp;</span>")
        else:
            line = colors.warn if kind == "buzzword" else colors.bad
            label = QLabel(f"<span style='color:{line}; text-decoration: underline'>{text}</span>")
        label.setObjectName("Muted")
        label.setToolTip(tip)
        row.addWidget(label)
    row.addStretch(1)
    return box
