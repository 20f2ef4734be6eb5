"""The audit: a profile (and optionally a job) in, a deterministic result out.

:func:`audit` runs every rule, the job-keyword extraction and the match, and returns an
:class:`AuditResult` whose :meth:`AuditResult.to_json` is the shape the CLI prints. The result
also keeps what later features need (the ranked job keywords, the missing ones, the sections),
and has room for rewrite suggestions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from profile_helper.core.audit.extract import job_keywords_detailed
from profile_helper.core.audit.held_certifications import HeldCertifications
from profile_helper.core.audit.job_context import team_names
from profile_helper.core.audit.keyword import Keyword
from profile_helper.core.audit.match import (
    Match,
    SectionWords,
    match,
    profile_sections,
    profile_skill_names,
)
from profile_helper.core.audit.profile import EXPERIENCE, SECTIONS, Finding, Profile
from profile_helper.core.audit.rewrites.suggestions import Rewrites, suggest_rewrites
from profile_helper.core.audit.rules_about import check_about
from profile_helper.core.audit.rules_experience import check_experience
from profile_helper.core.audit.rules_headline import check_headline
from profile_helper.core.audit.rules_skills import check_match, check_skills
from profile_helper.core.audit.score import Cost, score
from profile_helper.core.errors import InputError
from profile_helper.core.my_profile.models import Position
from profile_helper.core.resources import limits

# Far beyond any real profile or job ad; refusing larger pastes keeps the audit fast and clear.
MAX_INPUT_CHARS = 200_000
SEVERITY_ORDER = {"error": 0, "warning": 1, "tip": 2, "info": 3}
SECTION_ORDER = {name: i for i, name in enumerate((*SECTIONS, EXPERIENCE, "match"))}
# Where a job keyword can be found, best first: shown in use, listed, held as a credential.
FOUND_IN = ("headline", "about", "skills", HeldCertifications.SECTION)


@dataclass(frozen=True)
class SectionResult:
    score: int
    length: int
    limit: int

    def to_json(self) -> dict[str, int]:
        return {"score": self.score, "length": self.length, "limit": self.limit}


@dataclass
class AuditResult:
    """Everything the audit found. ``to_json`` gives the documented shape; the rest is for UIs."""

    profile: Profile
    score: int
    sections: dict[str, SectionResult]
    findings: list[Finding]
    costs: list[Cost]
    profile_keywords: list[str]
    job_keywords: list[Keyword]  # ranked best first
    locations: dict[str, list[str]]  # job keyword name -> sections of the profile that have it
    match_rate: float | None
    rewrites: Rewrites | None = None
    # The person's target role the audit was given, so the rewrites can be made again.
    target_role_setting: str = ""
    # Filled by features that build on the audit (rewrite suggestions); in JSON only when set.
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def job_keyword_names(self) -> list[str]:
        """The job's keywords as written, best first (what rewrite suggestions start from)."""
        return [k.name for k in self.job_keywords]

    @property
    def target_role(self) -> str | None:
        """The job title the description names, if one was found."""
        return next((k.name for k in self.job_keywords if k.source == "role"), None)

    @property
    def skills_list(self) -> list[str]:
        """The profile's skills as listed, in order."""
        return [entry.text for entry in self.profile.skills]

    @property
    def matched(self) -> list[str]:
        return [k.name for k in self.job_keywords if self.locations.get(k.name)]

    @property
    def missing(self) -> list[str]:
        return [k.name for k in self.job_keywords if not self.locations.get(k.name)]

    def job_detail(self) -> list[dict[str, str]]:
        """Each job keyword with its kind, importance, the posting's part, and where you have it.

        ``found_in`` is the profile section that shows it best: headline, then About, then the
        skills list, then the certifications the person holds (for a certification or licence
        the posting asks for); ``none`` when the profile does not have it.
        """
        detail = []
        for k in self.job_keywords:
            where = self.locations.get(k.name, [])
            found_in = next((s for s in FOUND_IN if s in where), "none")
            detail.append(
                {
                    "keyword": k.name,
                    "kind": k.kind,
                    "importance": k.importance,
                    "section": k.section,
                    "found_in": found_in,
                }
            )
        return detail

    def findings_for(self, section: str) -> list[Finding]:
        return [f for f in self.findings if f.section == section]

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "score": self.score,
            "sections": {name: s.to_json() for name, s in self.sections.items()},
            "findings": [f.to_json() for f in self.findings],
            "keywords": {
                "profile": list(self.profile_keywords),
                "job": [k.name for k in self.job_keywords],
                "matched": self.matched,
                "missing": self.missing,
                "job_detail": self.job_detail(),
            },
            "match_rate": self.match_rate,
        }
        if self.rewrites is not None:
            data["rewrites"] = self.rewrites.to_json()
        data.update(self.extras)
        return data


def _check_input(name: str, text: str) -> None:
    if not isinstance(text, str):
        raise InputError(f"The {name} must be text.")
    if len(text) > MAX_INPUT_CHARS:
        raise InputError(
            f"The {name} has {len(text):,} characters; the audit reads at most "
            f"{MAX_INPUT_CHARS:,}. Paste only that section."
        )
    if "\x00" in text:
        raise InputError(f"The {name} contains binary data; paste plain text.")


def audit(
    headline: str = "",
    about: str = "",
    skills: str = "",
    job: str = "",
    *,
    target_role: str = "",
    company: str = "",
    with_rewrites: bool = True,
    positions: Sequence[Position] = (),
    certifications: Sequence[str] = (),
    endorsements: Mapping[str, int] | None = None,
) -> AuditResult:
    """Audit a profile against LinkedIn's limits and, when given, a job description.

    ``skills`` is the skills list as typed: one per line, or separated by commas. Raises
    :class:`InputError` for input that is not text or is far too large to be a profile.
    ``target_role`` is the role the person aims for (their setting), used by the rewrite
    suggestions when the job names none. ``company`` is the employer's name when known (an
    application's), which is never a keyword.

    From the person's stored profile or LinkedIn export, when known: ``positions`` are audited
    as the experience section (scored only when given), ``certifications`` (names held) count
    as found for the certifications and licences the job asks for, and ``endorsements`` (per
    skill) rank the suggested skills order.
    """
    for name, text in (("headline", headline), ("About", about), ("skills", skills), ("job", job)):
        _check_input(name, text)
    for position in positions:
        _check_input("position description", position.description)
    profile = Profile.create(
        headline,
        about,
        skills,
        job,
        positions=positions,
        certifications=certifications,
        endorsements=endorsements,
    )
    job_keywords = job_keywords_detailed(job, company=company) if job.strip() else []
    job_match: Match | None = None
    if job_keywords:
        job_match = match(job_keywords, _sections(profile))
    findings = [
        *check_headline(headline, job_keywords),
        *check_about(about),
        *check_skills(profile, job_match),
        *check_experience(profile.positions, headline),
        *check_match(job_match),
    ]
    findings.sort(
        key=lambda f: (
            SECTION_ORDER[f.section],
            SEVERITY_ORDER[f.severity],
            f.span[0] if f.span else -1,
            f.id,
        )
    )
    rate = job_match.rate if job_match else None
    scored = (*SECTIONS, EXPERIENCE) if profile.positions else SECTIONS
    scores = score(findings, rate, scored)
    lim = limits()
    sections = {
        "headline": SectionResult(
            scores.sections["headline"], len(headline), lim["headline"]["max_chars"]
        ),
        "about": SectionResult(scores.sections["about"], len(about), lim["about"]["max_chars"]),
        "skills": SectionResult(
            scores.sections["skills"], len(profile.skills), lim["skills"]["max_count"]
        ),
    }
    if profile.positions:
        # The longest description against LinkedIn's limit for one.
        longest = max(len(p.description) for p in profile.positions)
        sections[EXPERIENCE] = SectionResult(
            scores.sections[EXPERIENCE], longest, lim["experience"]["description_max_chars"]
        )
    result = AuditResult(
        profile=profile,
        score=scores.overall,
        sections=sections,
        findings=findings,
        costs=scores.costs,
        profile_keywords=profile_skill_names(profile),
        job_keywords=job_keywords,
        locations=job_match.locations if job_match else {},
        match_rate=rate,
    )
    result.target_role_setting = target_role
    if with_rewrites:
        result.rewrites = rewrites_for(result)
    return result


def _sections(profile: Profile) -> dict[str, SectionWords]:
    """Where the match looks: the profile's texts and, when known, the certifications held."""
    sections = profile_sections(profile)
    if profile.certifications:
        sections[HeldCertifications.SECTION] = HeldCertifications.of_names(profile.certifications)
    return sections


def rewrites_for(
    result: AuditResult, *, confirmed: Sequence[str] = (), audience: str = ""
) -> Rewrites:
    """The rewrite suggestions for an audit, again with the job keywords the person ticked as
    true (``confirmed``) and who they help (``audience``), when they give them."""
    profile = result.profile
    names = [k.name for k in result.job_keywords]
    # Departments the hire works with are named in the ad, but they are not skills.
    teams = team_names(profile.job, names)
    return suggest_rewrites(
        profile.headline,
        profile.about,
        result.skills_list,
        names,
        result.missing,
        result.target_role_setting,
        job_title=result.target_role or "",
        kinds={k.name: k.kind for k in result.job_keywords},
        sections={k.name: "about" if k.name in teams else k.section for k in result.job_keywords},
        confirmed=confirmed,
        audience=audience,
        endorsements=profile.endorsements,
    )
