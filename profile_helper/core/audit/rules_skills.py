"""Rule checks on the skills list and on the match with a job description."""

from __future__ import annotations

from profile_helper.core.audit.keyword import Keyword
from profile_helper.core.audit.match import Match
from profile_helper.core.audit.posting import IMPORTANCE_ORDER
from profile_helper.core.audit.profile import Finding, Profile
from profile_helper.core.audit.text import normalize
from profile_helper.core.audit.vocabulary import default_vocabulary
from profile_helper.core.resources import limits

# How many of the job's best keywords the skills list is compared with.
TOP_JOB_SKILLS = 10
GOOD_MATCH = 0.6  # below this the match is low; about 0.8 is what ATS guides call good


def check_skills(profile: Profile, job_match: Match | None) -> list[Finding]:
    lim = limits()["skills"]
    entries = profile.skills
    if not entries:
        return [
            Finding(
                "skills.empty",
                "skills",
                "error",
                "Your skills list is empty; recruiters filter searches by skills.",
                None,
                f"Add at least {lim['min_count']} skills, the ones the jobs you want ask for.",
            )
        ]
    found: list[Finding] = []
    if len(entries) < lim["min_count"]:
        found.append(
            Finding(
                "skills.too_few",
                "skills",
                "warning",
                f"Only {len(entries)} skills listed; searches filter on skills.",
                None,
                f"List at least {lim['min_count']}: the tools and methods you use and want to "
                "be found for.",
            )
        )
    if len(entries) > lim["max_count"]:
        extra = entries[lim["max_count"]]
        found.append(
            Finding(
                "skills.too_many",
                "skills",
                "error",
                f"{len(entries)} skills listed; LinkedIn keeps {lim['max_count']}.",
                (extra.start, entries[-1].end),
                "Remove the ones least related to the work you want.",
            )
        )
    for entry in entries:
        if len(entry.text) > lim["max_chars"]:
            found.append(
                Finding(
                    "skills.too_long",
                    "skills",
                    "error",
                    f"“{entry.text[:40]}…” has {len(entry.text)} characters; a skill may have "
                    f"{lim['max_chars']}.",
                    (entry.start, entry.end),
                    "Name the skill in a few words; details belong in About or Experience.",
                )
            )
    vocab = default_vocabulary()
    seen: dict[str, str] = {}
    for entry in entries:
        key = (vocab.canonical(entry.text) or normalize(" ".join(entry.text.split()))).casefold()
        if key in seen:
            found.append(
                Finding(
                    "skills.duplicate",
                    "skills",
                    "warning",
                    f"“{entry.text}” repeats “{seen[key]}”.",
                    (entry.start, entry.end),
                    "Keep one of them (the form the job uses) and use the slot for another skill.",
                )
            )
        else:
            seen[key] = entry.text
    if job_match is not None:
        wanted = [k for k in job_match.job if k.source == "vocabulary"][:TOP_JOB_SKILLS]
        absent = [k.name for k in wanted if "skills" not in job_match.locations[k.name]]
        if absent:
            listed = ", ".join(absent[:8])
            found.append(
                Finding(
                    "skills.missing_from_job",
                    "skills",
                    "warning",
                    f"The job asks for skills your list lacks: {listed}.",
                    None,
                    f"Add the ones you have, in the job's wording: {listed}.",
                )
            )
    return found


def check_match(job_match: Match | None) -> list[Finding]:
    if job_match is None or job_match.rate is None:
        return []
    found: list[Finding] = []
    rate = job_match.rate
    if rate < GOOD_MATCH:
        found.append(
            Finding(
                "match.low",
                "match",
                "warning",
                f"Your profile matches {rate:.0%} of the job's keywords (about 80% is a good "
                "match).",
                None,
                "Use the missing keywords you really have in your headline and About, not only "
                "in the skills list.",
            )
        )
    missing = _missing_by_importance(job_match)
    if missing:
        top = ", ".join(k.name for k in missing[:10])
        required = sum(k.importance == "required" for k in missing)
        what = f"{required} required, " if required else ""
        found.append(
            Finding(
                "match.missing_keywords",
                "match",
                "warning" if rate < GOOD_MATCH else "tip",
                f"{len(missing)} of the job's {len(job_match.job)} keywords are missing from "
                f"your profile ({what}most important first): {top}.",
                None,
                "Where they are true for you: " + _where_each_goes(missing[:10]),
            )
        )
    return found


def _missing_by_importance(job_match: Match) -> list[Keyword]:
    missing = [k for k in job_match.job if not job_match.locations[k.name]]
    return sorted(missing, key=lambda k: IMPORTANCE_ORDER.get(k.importance, 0))


def _where_each_goes(missing: list[Keyword]) -> str:
    """Where each kind of keyword belongs in a profile, as one sentence."""
    places: dict[str, list[str]] = {}
    for keyword in missing:
        if keyword.kind == "title":
            place = "your headline"
        elif keyword.kind in {"certification", "licence"}:
            place = "your headline and skills"
        elif keyword.kind in {"duty", "knowledge"}:
            place = "your About, as something you did"
        else:
            place = "your skills and an About sentence that shows it in use"
        places.setdefault(place, []).append(keyword.name)
    return "; ".join(f"{', '.join(names)} in {place}" for place, names in places.items()) + "."
