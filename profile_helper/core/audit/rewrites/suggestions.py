"""Rewrite suggestions for a profile: headline candidates, an About outline, a skills order.

Built from the person's own words and a job's keywords with the templates in
``resources/templates/rewrites/``. Inputs are plain values so that any caller (the audit, the
CLI, the GUI) can use it without this module knowing where they came from.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from profile_helper.core.audit.rewrites.about import audience_phrase, outcome_phrase
from profile_helper.core.audit.rewrites.about_edits import AboutEdit, rewrite_about
from profile_helper.core.audit.rewrites.identity import (
    Identity,
    headline_parts,
    is_credential,
    read_identity,
)
from profile_helper.core.audit.rewrites.skills import (
    mentions,
    reorder_skills,
    skill_key,
    spellings,
)
from profile_helper.core.audit.text import normalize
from profile_helper.core.audit.vocabulary import default_vocabulary
from profile_helper.core.audit.word_lists import buzzword_hits, is_benefit, is_degree, word_list
from profile_helper.core.resources import limits, read_text
from profile_helper.core.templates.sandbox import render_source

REWRITES_FOLDER = "templates/rewrites"
ROLE_MAX = 45
KEYWORD_MAX = 40
OWN_WORDS_MAX = 100
MIN_CANDIDATES = 3
MAX_CANDIDATES = 5
ADD_IF_TRUE_MAX = 8
# Kinds of job keyword a person can list as a skill; a title or a duty is not one.
PROPOSABLE_KINDS = frozenset({"skill", "tool", "certification", "licence", "knowledge"})
# Posting parts about the employer, not the work: their words are never proposed as skills.
NOT_SKILL_SECTIONS = frozenset({"benefits", "about", "eeo", "apply"})
_SEPARATORS = re.compile(r"\s*(?:\||•|·|/|–|—| - |,)\s*")
# Headline openers the audit flags; such words are not kept in a suggestion.
_WEAK_HEADLINE = re.compile(
    r"^\s*(seeking|open to work|unemployed|looking for|currently looking)", re.IGNORECASE
)


@dataclass(frozen=True)
class Rewrites:
    """Headline candidates, the About with its edits, the skills order and what to add if true.

    ``add_if_true`` are the job's keywords the profile does not show: offered for the person to
    tick (``confirmed`` in :func:`suggest_rewrites`), never put into a candidate unticked.
    ``needs_audience`` says a "who you help" field would give one more candidate.
    """

    headline: list[str]
    about: str
    skills: list[str]
    proposed_skills: list[str] = field(default_factory=list)
    add_if_true: list[str] = field(default_factory=list)
    about_edits: list[AboutEdit] = field(default_factory=list)
    about_notes: list[str] = field(default_factory=list)
    needs_audience: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "headline": list(self.headline),
            "about": self.about,
            "skills": list(self.skills),
            "proposed_skills": list(self.proposed_skills),
            "add_if_true": list(self.add_if_true),
            "about_edits": [e.to_json() for e in self.about_edits],
            "about_notes": list(self.about_notes),
            "needs_audience": self.needs_audience,
        }


def _render(name: str, variables: Mapping[str, Any]) -> str:
    source = read_text(f"{REWRITES_FOLDER}/{name}.j2")
    return render_source(source, f"rewrites/{name}.j2", variables).strip()


def _segments(headline: str) -> list[str]:
    return [s.strip() for s in _SEPARATORS.split(headline or "") if s.strip()]


def _short(text: str, limit: int) -> str:
    """Text cut at a word boundary to ``limit`` characters, so formulas keep room to work."""
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0].strip()


def _without_level(title: str) -> str:
    """A job title without its level words: "Senior Data Engineer" gives "Data Engineer"."""
    levels = word_list("seniority")
    words = [w for w in title.split() if normalize(w.strip(",.")) not in levels]
    return " ".join(words) or title


def _role(identity: Identity, target_role: str, job_title: str) -> str:
    """The role a candidate leads with, always with the person's credentials.

    The person's own words first: the role they set as their aim, else the title their
    headline shows, else the job's title without its level (a level the person never claimed
    is not put in their mouth).
    """
    title = _short(target_role, ROLE_MAX) if target_role.strip() else ""
    title = title or _short(identity.title, ROLE_MAX)
    if not title and job_title.strip():
        title = _short(_without_level(job_title), ROLE_MAX)
    return identity.role(title) or "Professional"


def _headline_case(keyword: str) -> str:
    """A keyword in its canonical casing ("Power BI", "NetSuite"), else capitalised when it is
    a lower-case phrase ("Month-end close"); names with their own casing (dbt, iOS) as written."""
    canonical = default_vocabulary().canonical(keyword)
    if canonical and canonical.lower() == keyword.lower():
        return canonical
    if keyword.islower():
        return keyword[:1].upper() + keyword[1:]
    return keyword


def _overlaps(candidate: str, taken: list[str]) -> bool:
    """True when ``candidate`` names something already said, or is named by it.

    Compared through aliases and case, on whole words: "Engineer" repeats "Data Engineer",
    "JS" repeats "JavaScript", but "data quality" does not repeat "Data Engineer".
    """
    return any(mentions(candidate, other) or mentions(other, candidate) for other in taken)


def _own_spelling(keyword: str, skills: list[str], own_text: str) -> str:
    """The job's spelling when the person writes it too (ATS tools compare exact forms), else
    the person's own spelling from their skills list ("k8s" for "Kubernetes")."""
    if re.search(rf"(?<!\w){re.escape(keyword)}(?!\w)", own_text, re.IGNORECASE):
        return keyword
    key = skill_key(keyword)
    for skill in skills:
        if skill_key(skill) == key:
            return skill
    return keyword


def _keywords(role: str, shown: list[str], skills: list[str]) -> list[str]:
    """Up to six keywords for the headline, all of them things the profile shows: the job's
    keywords the person has (in the job's ranking), then the person's own skills.

    None repeats the role or another keyword, through aliases and case; none is a buzzword.
    """
    chosen: list[str] = []
    for candidate in [*shown, *skills]:
        kw = _headline_case(_short(candidate, KEYWORD_MAX))
        if not kw or is_credential(kw) or is_degree(kw) or buzzword_hits(kw):
            continue
        if not _overlaps(kw, [role, *chosen]):
            chosen.append(kw)
        if len(chosen) == 6:
            break
    return chosen


def _own_words(headline: str, role: str, keywords: list[str]) -> str:
    """What the person's headline says beyond the role and the keywords, if worth keeping.

    Kept: a phrase of their own ("Building data platforms for fintech"). Skipped: another job
    title ("Backend Engineer at Acme"), job-seeking phrases, shouting, credentials, and
    anything that would repeat the role or the top keywords the candidate leads with.
    """
    head = role.split(",", maxsplit=1)[0].rsplit(maxsplit=1)[-1] if role.split() else ""
    for segment in headline_parts(headline):
        if _WEAK_HEADLINE.match(segment) or segment.upper() == segment or is_credential(segment):
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
    return headline.rstrip(" .,;:&|/-")


def _free(text: str, role: str, keywords: list[str]) -> bool:
    """A phrase of the person's that can share a headline with the role and these keywords."""
    return bool(text) and not _overlaps(text, [role, *keywords])


def _repeats(text: str, items: list[str]) -> bool:
    """True when ``text`` names one of ``items`` twice (through aliases and case)."""
    lowered = text.lower()
    # Whole-word mentions never outnumber plain substring hits: most items are skipped cheaply.
    return any(
        mentions(item, text) > 1
        for item in items
        if item.strip() and sum(lowered.count(n) for n in spellings(item) if n) > 1
    )


def headline_candidates(  # noqa: PLR0917 - the parts a headline is made of
    role: str,
    keywords: list[str],
    outcome: str,
    own_words: str,
    audience: str = "",
    avoid: list[str] | None = None,
) -> list[str]:
    """Three to five distinct headlines on the formulas ``Role | Skill | Skill | Skill`` and
    ``Role | who I help | outcome``, the role and top keyword always first.

    Built only from what it is given (the person's title, skills they show, their result and
    audience): no placeholder is ever left in a candidate. No candidate names the role, a
    keyword or any of ``avoid`` twice.
    """
    found: list[str] = []
    items = [role, *keywords, *(avoid or [])]
    formulas = _formulas(role, keywords, outcome, own_words, audience)
    for name, variables in formulas:
        if name == "fill" and len(found) >= MIN_CANDIDATES:
            continue
        if len(found) >= MAX_CANDIDATES:
            break
        text = _fit(
            _render(name if name != "fill" else "headline_keywords", {"role": role, **variables})
        )
        if text and not _repeats(text, items) and text.lower() not in (f.lower() for f in found):
            found.append(text)
    if own_words and not keywords and len(found) < MAX_CANDIDATES:
        text = _fit(_render("headline_keywords", {"role": role, "keywords": [own_words]}))
        if text and not _repeats(text, items) and text.lower() not in (f.lower() for f in found):
            found.append(text)
    if not found:
        found.append(_fit(role))
    return found


def _formulas(
    role: str, keywords: list[str], outcome: str, own_words: str, audience: str
) -> list[tuple[str, dict[str, Any]]]:
    """The formulas to try, best first, with what fills each. "fill" entries are shorter forms
    and the second keyword first, tried only while fewer than three candidates stand."""
    top = keywords[:1]
    tried: list[tuple[str, dict[str, Any]]] = []
    if len(keywords) >= 2:
        tried.append(("headline_keywords", {"keywords": keywords[:3]}))
    who = audience if _free(audience, role, top) else ""
    result = outcome if _free(outcome, role, [*top, who] if who else keywords[:2]) else ""
    if top and who and result:
        tried.append(("headline_outcome", {"keywords": top, "audience": who, "outcome": result}))
    if top and result:
        tried.append(
            ("headline_outcome", {"keywords": keywords[:2], "audience": "", "outcome": result})
        )
    if own_words and keywords:
        tried.append(("headline_own_words", {"keywords": keywords[:2], "own_words": own_words}))
    if len(keywords) >= 5:
        # The same formula with the next keywords: recruiters search for those too.
        tried.append(("headline_keywords", {"keywords": [keywords[0], *keywords[3:5]]}))
    if len(keywords) >= 4:
        tried.append(("headline_keywords", {"keywords": [keywords[0], keywords[1], keywords[3]]}))
    tried += [
        ("fill", {"keywords": picked})
        for picked in (keywords[:2], keywords[:1], keywords[1::-1])
        if picked
    ]
    return tried


def _proposable(keyword: str, kinds: Mapping[str, str], sections: Mapping[str, str]) -> bool:
    """A job keyword worth proposing as a skill: not a benefit, degree, title, or a word from the
    posting's parts about the employer, its benefits or how to apply."""
    if kinds.get(keyword, "skill") not in PROPOSABLE_KINDS:
        return False
    if sections.get(keyword, "requirements") in NOT_SKILL_SECTIONS:
        return False
    if len(keyword) < 3 or normalize(keyword) in word_list("seniority"):
        return False  # "II", "AB": a grade or a fragment, not a skill
    return not (is_benefit(keyword) or is_degree(keyword) or buzzword_hits(keyword))


def suggest_rewrites(  # noqa: PLR0917 - the agreed six inputs in order, then options
    headline: str,
    about: str,
    skills: list[str],
    job_keywords: list[str],
    missing_keywords: list[str],
    target_role: str,
    *,
    job_title: str = "",
    kinds: Mapping[str, str] | None = None,
    sections: Mapping[str, str] | None = None,
    confirmed: Sequence[str] = (),
    audience: str = "",
    endorsements: Mapping[str, int] | None = None,
) -> Rewrites:
    """Rewrite suggestions from the profile's own text and the job's ranked keywords.

    ``target_role`` is the person's own aim (their setting); ``job_title`` the posting's title,
    used only when neither the headline nor the setting names a title. ``kinds`` and
    ``sections`` give each job keyword's kind and the posting part it came from.
    ``confirmed`` are keywords of ``add_if_true`` the person ticked; ``audience`` is who they
    help, typed in when the About does not say. ``endorsements`` (skill -> count) rank the
    skills the job does not ask for.
    """
    kinds = kinds or {}
    sections = sections or {}
    identity = read_identity(headline)
    role = _role(identity, target_role, job_title)
    ticked = {skill_key(k) for k in confirmed}
    missing_keys = {skill_key(k) for k in missing_keywords}
    # Only keywords the person writes themselves (or ticked): a keyword the audit matched
    # through a sense or a broader term is not theirs to put in a headline in the job's words.
    own_text = "\n".join([headline, about, *skills])
    shown = [
        k
        for k in job_keywords
        if kinds.get(k) != "title"
        and (skill_key(k) in ticked or (skill_key(k) not in missing_keys and mentions(k, own_text)))
    ]
    spelled = [k if skill_key(k) in ticked else _own_spelling(k, skills, own_text) for k in shown]
    keywords = _keywords(role, spelled, skills)
    visible = limits()["headline"]["visible_in_search"]
    if identity.held and keywords and len(f"{role} | {keywords[0]}") > visible:
        # "HAZMAT & Tanker endorsements" after the top keyword, so both fit in what search shows.
        role = _role(identity.without_held(), target_role, job_title)
        keywords = [keywords[0], ", ".join(identity.held), *keywords[1:5]]
    who = audience.strip() or audience_phrase(about)
    candidates = headline_candidates(
        role,
        keywords,
        outcome_phrase(about),
        _own_words(headline, role, keywords),
        who,
        avoid=[*job_keywords, *skills],
    )
    # Every candidate keeps every credential the person's headline shows.
    kept = [c for c in candidates if all(x.lower() in c.lower() for x in identity.credentials)]
    candidates = kept or candidates
    role_keys = {skill_key(role), skill_key(job_title), skill_key(identity.title)}
    proposable = [
        _headline_case(k)
        for k in missing_keywords
        if skill_key(k) not in role_keys and _proposable(k, kinds, sections)
    ]
    ordered, proposed = reorder_skills(
        skills,
        [k for k in job_keywords if skill_key(k) not in role_keys],
        proposable,
        endorsements,
    )
    add_if_true = [k for k in proposable if skill_key(k) not in ticked and not _overlaps(k, [role])]
    about_rewrite = rewrite_about(about, role.split(",")[0])
    return Rewrites(
        headline=candidates,
        about=about_rewrite.text,
        skills=ordered,
        proposed_skills=proposed,
        add_if_true=add_if_true[:ADD_IF_TRUE_MAX],
        about_edits=about_rewrite.edits,
        about_notes=about_rewrite.notes,
        needs_audience=not who,
    )
