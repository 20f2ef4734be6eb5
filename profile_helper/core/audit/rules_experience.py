"""Rule checks on the Experience section: each position's description, the current title
against the headline's, and gaps between positions (noted, never judged).

Findings have no span: a position's description is not one of the texts the audit's editors
show, so each message names the position it is about instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from profile_helper.core.audit.career_gaps import gaps
from profile_helper.core.audit.match import title_words
from profile_helper.core.audit.profile import EXPERIENCE, Finding
from profile_helper.core.audit.rewrites.identity import headline_parts, read_identity
from profile_helper.core.audit.word_lists import has_metric, opens_weakly, word_list
from profile_helper.core.my_profile.models import Position
from profile_helper.core.resources import limits

# A stretch between positions longer than this many months is mentioned, as a fact only.
GAP_MONTHS = 6


def check_experience(positions: Sequence[Position], headline: str) -> list[Finding]:
    """Findings for the positions given (none without positions)."""
    found: list[Finding] = []
    for position in positions:
        found += _description(position)
    found += _title_agrees(positions, headline)
    found += [_gap_note(gap.before, gap.after, gap.months) for gap in gaps(positions, GAP_MONTHS)]
    return found


def name(position: Position) -> str:
    """How a message names a position: "Data Engineer at Acme"."""
    title = position.title.strip() or "Your position"
    return f"{title} at {position.company.strip()}" if position.company.strip() else title


def _description(position: Position) -> list[Finding]:
    text = position.description
    if not text.strip():
        return [
            Finding(
                "experience.no_description",
                EXPERIENCE,
                "warning" if position.current else "tip",
                f"{name(position)} has no description: a recruiter sees a title and dates only.",
                None,
                "Add two or three lines: what you did, with which tools, and one result with a "
                "number.",
            )
        ]
    found: list[Finding] = []
    limit = limits()["experience"]["description_max_chars"]
    if len(text) > limit:
        found.append(
            Finding(
                "experience.too_long",
                EXPERIENCE,
                "error",
                f"The description of {name(position)} has {len(text):,} characters; LinkedIn "
                f"keeps {limit:,}.",
                None,
                "Keep the three or four results that matter most for the job you want.",
            )
        )
    if not has_metric(text):
        found.append(
            Finding(
                "experience.no_metrics",
                EXPERIENCE,
                "warning",
                f"The description of {name(position)} has no result with a number.",
                None,
                "Add one: how much, how many or how fast, e.g. “cut month-end close from 8 to "
                "5 days”.",
            )
        )
    weak = [line.strip() for line in text.splitlines() if opens_weakly(line)]
    if weak:
        verbs = ", ".join(sorted(word_list("strong_verbs"))[:6])
        found.append(
            Finding(
                "experience.weak_opener",
                EXPERIENCE,
                "warning",
                f"The description of {name(position)} starts with a duty (“{weak[0][:40]}”), "
                "not with what you did.",
                None,
                f"Start each line with what you did and its result, using a verb such as {verbs}.",
            )
        )
    return found


def _plain_title(text: str) -> set[str]:
    """A title's words without their level, abbreviations spelled out, stemmed."""
    levels = set(title_words(" ".join(word_list("seniority"))))
    return {w for w in title_words(text) if w not in levels}


def titles_agree(position_title: str, headline: str) -> bool:
    """True when the headline names the position's title, allowing for case, abbreviations
    ("Sr.", "HR") and level words, or the headline's own title is part of the position's."""
    wanted = _plain_title(position_title)
    if not wanted:
        return True  # nothing to compare
    if wanted <= set(title_words(headline)):
        return True
    own = _plain_title(read_identity(headline).title)
    return bool(own) and own <= wanted


def _title_agrees(positions: Sequence[Position], headline: str) -> list[Finding]:
    current = [p for p in positions if p.current and p.title.strip()]
    if not headline.strip() or not current:
        return []
    if any(titles_agree(p.title, headline) for p in current):
        return []
    parts = headline_parts(headline)
    shown = read_identity(headline).title or (parts[0] if parts else headline.strip())
    return [
        Finding(
            "experience.title_mismatch",
            EXPERIENCE,
            "tip",
            f"Your headline says “{shown}” but your current position is “{current[0].title}”; "
            "recruiters compare the two.",
            None,
            "Use the same title in both, or, if you aim for a new role, say so in the headline: "
            f"“{current[0].title} moving into <role>”.",
        )
    ]


def _gap_note(before: Position, after: Position, months: int) -> Finding:
    return Finding(
        "experience.gap",
        EXPERIENCE,
        "info",
        f"Between {name(before)} (until {before.finished_on}) and {name(after)} (from "
        f"{after.started_on}) there are {months} months with no position listed.",
        None,
        "Nothing to fix. If you like, LinkedIn's career break entry can say what you did in "
        "that time.",
    )
