"""The audit's inputs and findings: a profile's sections and what the rules say about them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

SEVERITIES = ("error", "warning", "tip")
SECTIONS = ("headline", "about", "skills")

# Skills are given one a line or separated by commas, semicolons or bullets.
_SKILL_SPLIT = re.compile(r"[^\n,;•·|]+")


@dataclass(frozen=True)
class Finding:
    """One thing a rule found: stable id, section, severity, message, span and suggestion.

    ``span`` is ``(start, end)`` in the section's own text (for skills, the skills text as
    given), or None when the finding is about the whole section or the match.
    """

    id: str
    section: str
    severity: str
    message: str
    span: tuple[int, int] | None = None
    suggestion: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "section": self.section,
            "severity": self.severity,
            "message": self.message,
            "span": list(self.span) if self.span is not None else None,
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True)
class SkillEntry:
    """One skill of the skills list, with where it sits in the skills text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Profile:
    """What is audited: the three profile sections and, optionally, a job description."""

    headline: str = ""
    about: str = ""
    skills_text: str = ""
    job: str = ""
    skills: list[SkillEntry] = field(default_factory=list, compare=False)

    @classmethod
    def create(
        cls, headline: str = "", about: str = "", skills: str = "", job: str = ""
    ) -> Profile:
        return cls(headline, about, skills, job, parse_skills(skills))

    def section_text(self, section: str) -> str:
        """The text a span of ``section`` points into."""
        return {"headline": self.headline, "about": self.about, "skills": self.skills_text}.get(
            section, ""
        )


def parse_skills(text: str) -> list[SkillEntry]:
    """The skills of a skills text: one per line, or separated by commas or bullets."""
    entries: list[SkillEntry] = []
    for match in _SKILL_SPLIT.finditer(text):
        raw = match.group(0)
        stripped = raw.strip(" \t-*\u2013\u2014")
        if stripped:
            start = match.start() + raw.index(stripped)
            entries.append(SkillEntry(stripped, start, start + len(stripped)))
    return entries
