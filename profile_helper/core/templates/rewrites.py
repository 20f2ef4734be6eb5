"""Rewrite suggestions for a profile: headline candidates, an About outline, a skills order.

Built from the person's own words and a job's keywords with the templates in
``resources/templates/rewrites/``. Inputs are plain values so that any caller (the audit, the
CLI, the GUI) can use it without this module knowing where they came from.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from profile_helper.core.resources import read_text
from profile_helper.core.templates.about_outline import outcome_phrase, sort_sentences
from profile_helper.core.templates.sandbox import render_source
from profile_helper.core.templates.skill_order import reorder_skills, skill_key

HEADLINE_MAX = 220
HEADLINE_VISIBLE = 60
ABOUT_MAX = 2600
REWRITES_FOLDER = "templates/rewrites"
HEADLINE_FORMULAS = ("headline_keywords", "headline_outcome", "headline_specialist")
PROOF_PLACEHOLDER = (
    "[Add one result with a number: what you improved, by how much (%, €, ×, a count) "
    "and for whom.]"
)
_SEPARATORS = re.compile(r"\s*(?:\||•|·|/|–|—| - |,)\s*")
# Headline openers the audit flags; such words are not kept in a suggestion.
_WEAK_HEADLINE = re.compile(
    r"^\s*(seeking|open to work|unemployed|looking for|currently looking)", re.IGNORECASE
)


@dataclass(frozen=True)
class Rewrites:
    headline: list[str]
    about: str
    skills: list[str]
    proposed_skills: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"headline": list(self.headline), "about": self.about, "skills": list(self.skills)}


def _render(name: str, variables: Mapping[str, Any]) -> str:
    source = read_text(f"{REWRITES_FOLDER}/{name}.j2")
    return render_source(source, f"rewrites/{name}.j2", variables).strip()


def _segments(headline: str) -> list[str]:
    return [s.strip() for s in _SEPARATORS.split(headline or "") if s.strip()]


def _short(text: str, limit: int) -> str:
    """Text cut at a word boundary to ``limit`` characters, so formulas keep room to work."""
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0].strip()


def _role(target_role: str, headline: str, keywords: list[str]) -> str:
    if target_role.strip():
        return _short(target_role, 80)
    segments = [s for s in _segments(headline) if not _WEAK_HEADLINE.match(s)]
    if segments:
        return _short(segments[0], 80)
    return _short(keywords[0], 80) if keywords else "Professional"


def _keywords(role: str, job_keywords: list[str], skills: list[str]) -> list[str]:
    """Up to five keywords for the headline: the job's first, then the person's own skills."""
    role_key = skill_key(role)
    chosen: list[str] = []
    for candidate in [*job_keywords, *skills]:
        kw = _short(candidate, 40)
        if kw and skill_key(kw) != role_key and skill_key(kw) not in map(skill_key, chosen):
            chosen.append(kw)
        if len(chosen) == 5:
            break
    return chosen


def _own_words(headline: str, role: str, keywords: list[str]) -> str:
    """What the person's headline says beyond the role and the keywords, if anything worth it."""
    taken = {skill_key(role), *(skill_key(k) for k in keywords)}
    for segment in _segments(headline):
        if skill_key(segment) in taken or _WEAK_HEADLINE.match(segment):
            continue
        if 8 <= len(segment) <= 100 and segment.upper() != segment:
            return segment
    return ""


def _fit(headline: str) -> str:
    """Cut a too-long headline at its last separator that fits (never mid-word)."""
    headline = re.sub(r"\s+", " ", headline).strip(" |")
    while len(headline) > HEADLINE_MAX and " | " in headline:
        headline = headline.rsplit(" | ", 1)[0]
    if len(headline) > HEADLINE_MAX:
        headline = headline[:HEADLINE_MAX].rsplit(" ", 1)[0]
    return headline


def headline_candidates(role: str, keywords: list[str], outcome: str, own_words: str) -> list[str]:
    variables = {"role": role, "keywords": keywords, "outcome": outcome, "own_words": own_words}
    names = list(HEADLINE_FORMULAS)
    if own_words and keywords:
        names.append("headline_own_words")
    found: list[str] = []
    for name in names:
        if not keywords or (name == "headline_outcome" and not outcome):
            continue
        text = _fit(_render(name, variables))
        if text and text not in found:
            found.append(text)
    # Fewer than three from the formulas (no keywords, no result): offer forms to complete.
    fallbacks = [
        f"{role} | [your top skill] | [a second skill] | [a third skill]",
        f"{role} | [who you help] | [the result you bring them]",
        f"{role} | {own_words}" if own_words else f"{role} | [a tool you are known for]",
    ]
    for text in fallbacks:
        if len(found) >= 3:
            break
        if _fit(text) not in found:
            found.append(_fit(text))
    return found


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def _listing(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def about_outline(about: str, role: str, keywords: list[str]) -> str:
    """Hook, what I do, proof, call to action, keeping the person's good sentences."""
    parts = sort_sentences(about)
    tools = _listing(keywords[:3])
    hook = parts.hook or (
        f"I'm {_article(role)} {role}" + (f" working with {tools}." if tools else ".")
    )
    what_i_do = parts.what_i_do[:3] or [
        (f"Day to day I work with {tools}. " if tools else "")
        + "[Add what you do, for whom, and the problems you solve.]"
    ]
    proof = parts.proof[:3] or [PROOF_PLACEHOLDER]
    topic = f" or working on {keywords[0]}" if keywords else ""
    cta = parts.call_to_action or (
        f"If you're hiring for {role} roles{topic}, I'd be glad to talk: send me a message here."
    )
    variables = {"hook": hook, "what_i_do": what_i_do, "proof": proof, "call_to_action": cta}
    text = _render("about", variables)
    while len(text) > ABOUT_MAX and len(variables["what_i_do"]) > 1:
        variables["what_i_do"] = variables["what_i_do"][:-1]
        text = _render("about", variables)
    return re.sub(r"\n{3,}", "\n\n", text)


def suggest_rewrites(  # noqa: PLR0917 - the agreed interface takes the six inputs in order
    headline: str,
    about: str,
    skills: list[str],
    job_keywords: list[str],
    missing_keywords: list[str],
    target_role: str,
) -> Rewrites:
    """Rewrite suggestions from the profile's own text and the job's ranked keywords."""
    role = _role(target_role, headline, job_keywords)
    keywords = _keywords(role, job_keywords, skills)
    candidates = headline_candidates(
        role, keywords, outcome_phrase(about), _own_words(headline, role, keywords)
    )
    ordered, proposed = reorder_skills(skills, job_keywords, missing_keywords)
    return Rewrites(
        headline=candidates,
        about=about_outline(about, role, keywords),
        skills=ordered,
        proposed_skills=proposed,
    )
