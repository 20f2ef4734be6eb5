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

from profile_helper.core.audit.rewrites.about import (
    audience_phrase,
    outcome_phrase,
    sort_sentences,
)
from profile_helper.core.audit.rewrites.skills import mentions, reorder_skills, skill_key
from profile_helper.core.audit.word_lists import buzzword_hits
from profile_helper.core.resources import limits, read_text
from profile_helper.core.templates.sandbox import render_source

REWRITES_FOLDER = "templates/rewrites"
ROLE_MAX = 45
KEYWORD_MAX = 40
OWN_WORDS_MAX = 100
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
    # Short enough that the role and the top keyword both fit in the 60 characters search shows.
    if target_role.strip():
        return _short(target_role, ROLE_MAX)
    segments = [s for s in _segments(headline) if not _WEAK_HEADLINE.match(s)]
    if segments:
        return _short(re.split(r"\s+(?:at|@)\s+", segments[0])[0], ROLE_MAX)
    return _short(keywords[0], ROLE_MAX) if keywords else "Professional"


def _headline_case(keyword: str) -> str:
    """A lower-case phrase ("data contracts") capitalised as a headline segment; names with
    their own casing (dbt, iOS, pandas) are left as written."""
    if keyword.islower() and (" " in keyword or len(keyword) >= 8):
        return keyword[:1].upper() + keyword[1:]
    return keyword


def _overlaps(candidate: str, taken: list[str]) -> bool:
    """True when ``candidate`` names something already said, or is named by it.

    Compared through aliases and case, on whole words: "Engineer" repeats "Data Engineer",
    "JS" repeats "JavaScript", but "data quality" does not repeat "Data Engineer".
    """
    return any(mentions(candidate, other) or mentions(other, candidate) for other in taken)


def _keywords(role: str, job_keywords: list[str], skills: list[str]) -> list[str]:
    """Up to six keywords for the headline: the job's first, then the person's own skills.

    None repeats the role or another keyword, through aliases and case.
    """
    chosen: list[str] = []
    for candidate in [*job_keywords, *skills]:
        kw = _headline_case(_short(candidate, KEYWORD_MAX))
        # A buzzword ("leadership") is what the audit asks people to replace with evidence.
        if kw and not buzzword_hits(kw) and not _overlaps(kw, [role, *chosen]):
            chosen.append(kw)
        if len(chosen) == 6:
            break
    return chosen


def _own_words(headline: str, role: str, keywords: list[str]) -> str:
    """What the person's headline says beyond the role and the keywords, if worth keeping.

    Kept: a phrase of their own ("Building data platforms for fintech"). Skipped: another job
    title ("Backend Engineer at Acme"), job-seeking phrases, shouting, and anything that would
    repeat the role or the top keywords the candidate leads with.
    """
    head = role.rsplit(maxsplit=1)[-1] if role.split() else ""
    for segment in _segments(headline):
        if _WEAK_HEADLINE.match(segment) or segment.upper() == segment:
            continue
        if buzzword_hits(segment):  # the audit would flag it again
            continue
        if re.search(r"\s(?:at|@)\s", segment) or (head and mentions(head, segment)):
            continue
        if _overlaps(segment, [role, *keywords[:2]]):
            continue
        if 8 <= len(segment) <= OWN_WORDS_MAX:
            return segment
    return ""


def _fit(headline: str) -> str:
    """Cut a too-long headline at its last separator that fits (never mid-word)."""
    headline = re.sub(r"\s+", " ", headline).strip(" |")
    limit = limits()["headline"]["max_chars"]
    while len(headline) > limit and " | " in headline:
        headline = headline.rsplit(" | ", 1)[0]
    if len(headline) > limit:
        headline = headline[:limit].rsplit(" ", 1)[0]
    return headline


def _free(text: str, role: str, keywords: list[str]) -> bool:
    """A phrase of the person's that can share a headline with the role and these keywords."""
    return bool(text) and not _overlaps(text, [role, *keywords])


def _repeats(text: str, items: list[str]) -> bool:
    """True when ``text`` names one of ``items`` twice (through aliases and case)."""
    return any(mentions(item, text) > 1 for item in items if item.strip())


def headline_candidates(  # noqa: PLR0917 - the parts a headline is made of
    role: str,
    keywords: list[str],
    outcome: str,
    own_words: str,
    audience: str = "",
    avoid: list[str] | None = None,
) -> list[str]:
    """At least three distinct headlines on the formulas ``Role | Skill | Skill | Skill`` and
    ``Role | who I help | outcome``, the role and top keyword always first.

    No candidate names the role, a keyword or any of ``avoid`` (the job's keywords and the
    person's skills) twice.
    """
    top = keywords[:1]
    found: list[str] = []
    items = [role, *keywords, *(avoid or [])]

    def add(name: str, **variables: Any) -> None:
        text = _fit(_render(name, {"role": role, **variables}))
        if not text or _repeats(text, items):
            return
        if text.lower() not in (f.lower() for f in found):
            found.append(text)

    if len(keywords) >= 2:
        add("headline_keywords", keywords=keywords[:3])
    # Role | who I help | outcome, with the top keyword in front of the audience so it stays
    # within the first 60 characters. Placeholders show what to fill in where the About had
    # nothing to take.
    who = audience if _free(audience, role, top) else ""
    result = outcome if _free(outcome, role, [*top, who] if who else keywords[:2]) else ""
    if top and (who or result):
        add(
            "headline_outcome",
            keywords=top if who else keywords[:2],
            audience=who or "[who you help]",
            outcome=result or "[the result you bring, with a number]",
        )
    if own_words and len(keywords) >= 2:
        add("headline_own_words", keywords=keywords[:2], own_words=own_words)
    if len(keywords) >= 5:
        # The same formula with the job's next keywords: recruiters search for those too.
        add("headline_keywords", keywords=[keywords[0], *keywords[3:5]])
    first = top[0] if top else "[your top skill]"
    second = keywords[1] if len(keywords) >= 2 else "[a second skill]"
    fallbacks = [
        f"{role} | {first} for [who you help] | [the result you bring, with a number]",
        f"{role} | {first} | {second} | [what you are known for, in your own words]",
        f"{role} | {first} | [a tool or method you are known for]",
    ]
    for text in fallbacks:
        if len(found) >= 3:
            break
        if _fit(text).lower() not in (f.lower() for f in found):
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
    parts = sort_sentences(about, role)
    tools = _listing(keywords[:3])
    hook = parts.hook or (
        f"I'm {_article(role)} {role}" + (f" working with {tools}." if tools else ".")
    )
    # Name the tools once: in the hook when it is ours, else in what I do.
    more = keywords[3:6] if not parts.hook else keywords[:3]
    what_i_do = parts.what_i_do[:3] or [
        "[Add what you do, for whom, and the problems you solve"
        + (f", and where you use {_listing(more)}.]" if more else ".]")
    ]
    proof = parts.proof[:3] or [PROOF_PLACEHOLDER]
    topic = f" or working on {keywords[0]}" if keywords else ""
    cta = parts.call_to_action or (
        f"If you're hiring for {role} roles{topic}, I'd be glad to talk: send me a message here."
    )
    variables = {"hook": hook, "what_i_do": what_i_do, "proof": proof, "call_to_action": cta}
    text = _render("about", variables)
    while len(text) > limits()["about"]["max_chars"] and len(variables["what_i_do"]) > 1:
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
        role,
        keywords,
        outcome_phrase(about),
        _own_words(headline, role, keywords),
        audience_phrase(about),
        avoid=[*job_keywords, *skills],
    )
    # The job title is what the person is, not a skill to list.
    role_key = skill_key(role)
    ordered, proposed = reorder_skills(
        skills,
        [k for k in job_keywords if skill_key(k) != role_key],
        [k for k in missing_keywords if skill_key(k) != role_key],
    )
    return Rewrites(
        headline=candidates,
        about=about_outline(about, role, keywords),
        skills=ordered,
        proposed_skills=proposed,
    )
