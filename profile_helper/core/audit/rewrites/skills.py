"""The skills list reordered for a job: its keywords first, duplicates and aliases merged.

Skills are compared by a key that ignores case, spacing and known aliases (JS and JavaScript,
k8s and Kubernetes, from ``resources/templates/rewrites/skill_aliases.json``); where the job
spells a skill its own way, the job's spelling is kept, since ATS tools compare exact forms.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from typing import Any, cast

from profile_helper.core.resources import limits, read_json


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().strip(".,;").lower()


@cache
def _alias_keys() -> dict[str, str]:
    data = cast(dict[str, Any], read_json("templates/rewrites/skill_aliases.json"))
    keys: dict[str, str] = {}
    for group in data["groups"]:
        canonical = _plain(group[0])
        for name in group:
            keys[_plain(name)] = canonical
    return keys


@lru_cache(maxsize=4096)
def skill_key(skill: str) -> str:
    """What two spellings of the same skill have in common."""
    plain = _plain(skill)
    return _alias_keys().get(plain, plain)


def _clean(skill: str) -> str:
    return re.sub(r"\s+", " ", skill).strip()[: limits()["skills"]["max_chars"]]


def merge_duplicates(skills: Iterable[str]) -> list[str]:
    """The skills in their order, each skill once (the first spelling seen wins)."""
    seen: set[str] = set()
    result = []
    for skill in skills:
        cleaned = _clean(skill)
        key = skill_key(cleaned)
        if cleaned and key not in seen:
            seen.add(key)
            result.append(cleaned)
    return result


def by_endorsements(skills: list[str], endorsements: Mapping[str, int] | None) -> list[str]:
    """The skills, most endorsed first, when the counts are known; else as they are.

    Counts are looked up by skill key, so "JS" finds the endorsements of "JavaScript"; a skill
    without a count has none, and equal counts keep the person's order.
    """
    if not endorsements:
        return skills
    counts: dict[str, int] = {}
    for name, count in endorsements.items():
        key = skill_key(name)
        counts[key] = max(counts.get(key, 0), count)
    return sorted(skills, key=lambda s: -counts.get(skill_key(s), 0))


def reorder_skills(
    skills: Iterable[str],
    job_keywords: Iterable[str],
    missing_keywords: Iterable[str],
    endorsements: Mapping[str, int] | None = None,
) -> tuple[list[str], list[str]]:
    """The new skills list and, separately, the job skills it proposes adding.

    Order: the person's skills that the job asks for (in the job's ranking, in the job's
    spelling), then the rest: most endorsed first when ``endorsements`` (skill -> count, from
    LinkedIn) are known, else in the person's order. What the posting asks for decides first;
    endorsements, which recruiters see as proof, order the rest. The job's missing skills are
    proposed separately ("add if you have it"), never put into the list: the person adds what
    is true.
    """
    own = merge_duplicates(skills)
    own_keys = {skill_key(s): s for s in own}
    ranked = merge_duplicates(job_keywords)
    first = [kw for kw in ranked if skill_key(kw) in own_keys]
    used = {skill_key(kw) for kw in first}
    proposed = [
        kw
        for kw in merge_duplicates(missing_keywords)
        if skill_key(kw) not in own_keys and skill_key(kw) not in used
    ]
    rest = by_endorsements([s for s in own if skill_key(s) not in used], endorsements)
    room = max(0, limits()["skills"]["max_count"] - len(own))
    return (first + rest)[: limits()["skills"]["max_count"]], proposed[:room]


@cache
def _spellings() -> dict[str, tuple[str, ...]]:
    """Each alias key with every spelling of it, longest first (so "AWS" inside
    "Amazon Web Services (AWS)" counts once)."""
    data = cast(dict[str, Any], read_json("templates/rewrites/skill_aliases.json"))
    spellings: dict[str, tuple[str, ...]] = {}
    for group in data["groups"]:
        names = sorted({_plain(n) for n in group}, key=len, reverse=True)
        spellings[_plain(group[0])] = tuple(names)
    return spellings


def spellings(skill: str) -> tuple[str, ...]:
    """Every lower-case spelling of ``skill`` (its aliases), longest first."""
    return _spellings().get(skill_key(skill), (_plain(skill),))


def mentions(skill: str, text: str) -> int:
    """How many times ``text`` names ``skill`` in any of its spellings, as whole words.

    Whole words, and a dot inside a name joins it: "Go" is not found in "Google", "SQL" not in
    "PostgreSQL", "JS" not in "Node.js". Spans that overlap (an alias inside its long form)
    count once.
    """
    key = skill_key(skill)
    names = _spellings().get(key, (_plain(skill),))
    lowered = text.lower()
    spans: list[tuple[int, int]] = []
    for name in names:
        if not name:
            continue
        pattern = rf"(?<![\w+#.]){re.escape(name)}(?![\w+#]|\.\w)"
        for hit in re.finditer(pattern, lowered):
            if not any(hit.start() < end and start < hit.end() for start, end in spans):
                spans.append((hit.start(), hit.end()))
    return len(spans)
