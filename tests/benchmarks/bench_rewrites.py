"""Rewrites a person would use as they are, counted over the 24 occupation profiles.

Each profile in ``data/occupations/profiles/`` is audited against its ``posting`` and every
suggestion is checked:

- claims: a skill, tool, certification or seniority word in a headline candidate that the
  profile's headline, About and skills do not contain;
- dropped credentials: a credential (the profile's ``credentials`` label) that the person's own
  headline shows but a candidate leaves out;
- debris: brackets, "...", a number that is not one of the profile's whole numbers (cut in half),
  a vocabulary skill written all lower-case, punctuation left dangling;
- numbers kept: every ``numbers`` item still in the rewritten About;
- paragraph order: the About's paragraphs still in the person's order;
- not skills: a suggested or reordered skill that is a benefit, a degree, or a name from the
  posting's noise labels (employer, products, teams, benefits).

Run: ``python tests/benchmarks/run.py rewrites``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from profile_helper.core.audit.rewrites.skills import mentions
from profile_helper.core.audit.rewrites.suggestions import suggest_rewrites
from profile_helper.core.audit.run import audit
from profile_helper.core.audit.vocabulary import default_vocabulary
from tests.benchmarks.harness import Result, median_seconds

DATA = Path(__file__).resolve().parent / "data" / "occupations"
_DEBRIS = re.compile(r"[\[\]{}<>]|\.\.\.|…|:\s*\.|\s[.,;:]|\|\s*\||,\s*\||\|\s*,")
_TRAILING = re.compile(r"[\s.,;:&|/–—-]$")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_BENEFIT = re.compile(
    r"\b(insurance|401\(k\)|403\(b\)|pto|paid time off|holidays?|parental leave|reimbursement|"
    r"stipend|bonus|pension|discount|fees|wellness|employee assistance)\b",
    re.IGNORECASE,
)
_DEGREE = re.compile(
    r"\b(bachelor'?s?|master'?s?|degree|diploma|ged|bsn|msn|mba|phd|b\.?s\.?|b\.?a\.?)\b",
    re.IGNORECASE,
)
# Seniority words that, put in a headline, claim a level ("ii" etc. name grades, checked too).
_LEVEL_WORDS = ("senior", "sr", "junior", "lead", "principal", "chief", "head", "director")


@dataclass
class Counts:
    candidates: int = 0
    claims: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    debris: list[str] = field(default_factory=list)
    numbers: int = 0
    numbers_kept: int = 0
    abouts: int = 0
    order_kept: int = 0
    not_skills: list[str] = field(default_factory=list)


def _load(folder: str, name: str) -> Any:
    return json.loads((DATA / folder / name).read_text(encoding="utf-8"))


def profiles() -> list[dict[str, Any]]:
    return [_load("profiles", p.name) for p in sorted((DATA / "profiles").glob("*.json"))]


def _has(needle: str, text: str) -> bool:
    return bool(mentions(needle, text)) or needle.lower() in text.lower()


def _claims(candidate: str, source: str, job_keywords: list[str]) -> list[str]:
    found = [hit.text for hit in default_vocabulary().find(candidate)]
    found += [k for k in job_keywords if _has(k, candidate)]
    lowered = candidate.lower()
    found += [w for w in _LEVEL_WORDS if re.search(rf"\b{w}\b", lowered)]
    return sorted({f for f in found if not _has(f, source)})


def _debris(candidate: str, source: str) -> list[str]:
    found = [m.group() for m in _DEBRIS.finditer(candidate)]
    if _TRAILING.search(candidate):
        found.append(f"ends with {candidate[-1]!r}")
    whole = set(_NUMBER.findall(source))
    found += [f"number {n}" for n in _NUMBER.findall(candidate) if n not in whole]
    vocabulary = default_vocabulary()
    for segment in re.split(r"\s*[|&]\s*", candidate):
        skill = vocabulary.canonical(segment)
        if skill and segment.islower() and not skill.islower():
            found.append(f"lower-case {segment}")
    return found


def _paragraphs(text: str) -> list[set[str]]:
    return [set(re.findall(r"\w+", p.lower())) for p in re.split(r"\n\s*\n", text) if p.strip()]


def order_kept(original: str, rewritten: str) -> bool:
    """Every paragraph of the original found in the rewrite, in the same order."""
    new = _paragraphs(rewritten)
    last = -1
    for words in _paragraphs(original):
        scores = [len(words & other) / max(1, len(words)) for other in new]
        best = max(range(len(new)), key=lambda i: scores[i], default=-1)
        if best < 0 or scores[best] < 0.5 or best < last:
            return False
        last = best
    return True


def _not_skills(suggested: list[str], posting: dict[str, Any]) -> list[str]:
    noise = [n.lower() for n in [*posting.get("noise", []), posting.get("company", "")] if n]
    bad = []
    for skill in suggested:
        low = skill.lower()
        if (
            _BENEFIT.search(skill)
            or _DEGREE.search(skill)
            or any(n == low or (len(n) > 3 and n in low) for n in noise)
        ):
            bad.append(skill)
    return bad


def check(profile: dict[str, Any], counts: Counts) -> Any:
    posting = _load("postings", f"{profile['posting']}.json")
    job = (DATA / "postings" / f"{profile['posting']}.txt").read_text(encoding="utf-8")
    skills_text = "\n".join(profile["skills"])
    result = audit(profile["headline"], profile["about"], skills_text, job)
    rewrites = result.rewrites
    assert rewrites is not None
    source = "\n".join([profile["headline"], profile["about"], skills_text])
    shown = [c for c in profile["credentials"] if c.lower() in profile["headline"].lower()]
    for candidate in rewrites.headline:
        counts.candidates += 1
        tag = f"{profile['id']}: {candidate}"
        counts.claims += [f"{tag} -> {c}" for c in _claims(candidate, source, result.matched)]
        counts.claims += [
            f"{tag} -> {k}" for k in result.missing if _has(k, candidate) and not _has(k, source)
        ]
        counts.dropped += [f"{tag} -> {c}" for c in shown if c.lower() not in candidate.lower()]
        counts.debris += [f"{tag} -> {d}" for d in _debris(candidate, source)]
    counts.abouts += 1
    for number in profile["numbers"]:
        counts.numbers += 1
        counts.numbers_kept += number in rewrites.about
    counts.order_kept += order_kept(profile["about"], rewrites.about)
    own = {s.lower() for s in profile["skills"]}
    suggested = list(
        dict.fromkeys(
            [s for s in rewrites.skills if s.lower() not in own] + rewrites.proposed_skills
        )
    )
    counts.not_skills += [f"{profile['id']}: {s}" for s in _not_skills(suggested, posting)]
    return result


def measure() -> Counts:
    counts = Counts()
    for profile in profiles():
        check(profile, counts)
    return counts


def run(verbose: bool = False) -> list[Result]:
    counts = measure()
    if verbose:
        for name in ("claims", "dropped", "debris", "not_skills"):
            for line in getattr(counts, name):
                print(f"{name}: {line}")
    first = profiles()[0]
    job = (DATA / "postings" / f"{first['posting']}.txt").read_text(encoding="utf-8")
    result = audit(first["headline"], first["about"], "\n".join(first["skills"]), job)

    def rewrite() -> object:
        return suggest_rewrites(
            first["headline"],
            first["about"],
            result.skills_list,
            result.job_keyword_names,
            result.missing,
            result.target_role or "",
        )

    warm = median_seconds(rewrite, 50) * 1000
    n = counts.candidates
    pct_numbers = 100 * counts.numbers_kept / max(1, counts.numbers)
    pct_order = 100 * counts.order_kept / max(1, counts.abouts)
    note = f"{n} headline candidates, 24 profiles"
    return [
        Result(
            "rewrites: claims not in the profile",
            len(counts.claims),
            "",
            None,
            "",
            "0",
            not counts.claims,
            note,
        ),
        Result(
            "rewrites: headline credentials dropped",
            len(counts.dropped),
            "",
            None,
            "",
            "0",
            not counts.dropped,
            note,
        ),
        Result(
            "rewrites: placeholders or debris",
            len(counts.debris),
            "",
            None,
            "",
            "0",
            not counts.debris,
            note,
        ),
        Result(
            "rewrites: About numbers kept",
            pct_numbers,
            "%",
            None,
            "",
            "100 %",
            pct_numbers == 100,
            f"{counts.numbers} numbers",
        ),
        Result(
            "rewrites: About paragraph order kept",
            pct_order,
            "%",
            None,
            "",
            "100 %",
            pct_order == 100,
            f"{counts.abouts} Abouts",
        ),
        Result(
            "rewrites: suggested skills that are not skills",
            len(counts.not_skills),
            "",
            None,
            "",
            "0",
            not counts.not_skills,
            "benefits, degrees, employer names",
        ),
        Result(
            "rewrites: suggest_rewrites warm",
            warm,
            "ms",
            None,
            "",
            "< 10 ms",
            warm < 10,
            "median of 50",
        ),
    ]


if __name__ == "__main__":
    import sys

    from tests.benchmarks.harness import print_table

    print_table(run(verbose="-v" in sys.argv))
