"""Scores from 0 to 100, overall and per section, explained by the findings that cost points.

Each section starts at 100 and loses points per finding by severity; a rule that fires many
times (one buzzword after another) costs at most twice its price, so that one habit does not sink
a section. Without a job the overall score is the weighted mean of the sections; with one, the
match rate is a quarter of it. The experience section counts only when the person's positions
were audited; its weight then joins the others' and the mean is taken over all four.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from profile_helper.core.audit.profile import EXPERIENCE, SECTIONS, Finding

COST = {"error": 40, "warning": 15, "tip": 5, "info": 0}
# An empty section has nothing to score.
EMPTY_IDS = frozenset({"headline.empty", "about.empty", "skills.empty"})
SECTION_WEIGHTS = {"headline": 0.25, "about": 0.4, "skills": 0.35, EXPERIENCE: 0.3}
MATCH_WEIGHT = 0.25


@dataclass(frozen=True)
class Cost:
    """The points one finding took from its section's score."""

    finding: Finding
    points: int


@dataclass(frozen=True)
class Scores:
    overall: int
    sections: dict[str, int]
    costs: list[Cost]


def score(
    findings: list[Finding], match_rate: float | None, sections: Sequence[str] = SECTIONS
) -> Scores:
    """The scores of ``sections`` (the three always audited, by default) and overall."""
    spent: dict[tuple[str, str], int] = defaultdict(int)
    costs: list[Cost] = []
    lost: dict[str, int] = defaultdict(int)
    for finding in findings:
        if finding.section not in sections:
            continue  # match findings are priced through the match rate
        base = 100 if finding.id in EMPTY_IDS else COST[finding.severity]
        if base == 0:
            continue  # a note ("info"), not a fault: it costs nothing and explains no loss
        key = (finding.section, finding.id)
        points = max(0, min(base, 2 * base - spent[key]))
        spent[key] += points
        lost[finding.section] += points
        costs.append(Cost(finding, points))
    scores = {name: max(0, 100 - lost[name]) for name in sections}
    weights = sum(SECTION_WEIGHTS[name] for name in sections)
    profile = sum(SECTION_WEIGHTS[name] * scores[name] for name in sections) / weights
    if match_rate is None:
        overall = profile
    else:
        overall = (1 - MATCH_WEIGHT) * profile + MATCH_WEIGHT * 100 * match_rate
    return Scores(round(overall), scores, costs)
