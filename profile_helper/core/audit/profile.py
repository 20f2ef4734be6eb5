"""The audit's inputs and findings: a profile's sections and what the rules say about them."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from profile_helper.core.my_profile.models import Position

# "info" notes a fact without judging it (a gap between positions): it costs no points.
SEVERITIES = ("error", "warning", "tip", "info")
SECTIONS = ("headline", "about", "skills")
# Audited, and scored, only when the person's positions are given.
EXPERIENCE = "experience"

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
    """What is audited: the three profile sections and, optionally, a job description.

    Optional too, from the person's stored LinkedIn profile or its export: their ``positions``
    (the experience section), the names of the ``certifications`` they hold, and how many
    ``endorsements`` each skill has (by skill name, as LinkedIn writes it).
    """

    headline: str = ""
    about: str = ""
    skills_text: str = ""
    job: str = ""
    skills: list[SkillEntry] = field(default_factory=list, compare=False)
    positions: tuple[Position, ...] = ()
    certifications: tuple[str, ...] = ()
    endorsements: Mapping[str, int] = field(default_factory=dict, compare=False)

    @classmethod
    def create(
        cls,
        headline: str = "",
        about: str = "",
        skills: str = "",
        job: str = "",
        *,
        positions: Sequence[Position] = (),
        certifications: Sequence[str] = (),
        endorsements: Mapping[str, int] | None = None,
    ) -> Profile:
        return cls(
            headline,
            about,
            skills,
            job,
            parse_skills(skills),
            tuple(positions),
            tuple(c.strip() for c in certifications if c.strip()),
            dict(endorsements or {}),
        )

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
