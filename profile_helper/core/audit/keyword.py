"""One keyword of a text, as the extraction finds it and the match, rules and views use it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Keyword:
    """One keyword of a text: its name, how it was found, how often, and where first."""

    name: str  # as the text writes it ("k8s"), which is what a reader looks for
    skill: str  # the canonical skill ("Kubernetes"), or the phrase itself for YAKE's
    # "role" (the job title), "vocabulary", "acronym", "phrase" (a field) or "yake"
    source: str
    count: int
    first: int
    score: float
    # For "Unix/Linux": the skills any of which meets it.
    alternatives: tuple[str, ...] = ()
    # What the posting makes of it (see ``posting``): skill, tool, certification, licence,
    # title, knowledge or duty; required, preferred or duty; and the part it stands in.
    kind: str = "skill"
    importance: str = "required"
    section: str = "other"
    # The other keywords the posting offers in its place ("Tableau or Power BI").
    either: tuple[str, ...] = ()
