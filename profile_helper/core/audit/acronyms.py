"""Acronyms a job posting asks for that no list names: regulations, systems, credentials."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from profile_helper.core.audit.job_context import clean
from profile_helper.core.audit.keyword import Keyword
from profile_helper.core.audit.posting import Posting
from profile_helper.core.audit.text import tokenize
from profile_helper.core.resources import read_text

# An acronym: two to six capitals, digits or "&" ("FMLA", "P&L", "NFPA"), with a plural "s".
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,5}s?")
# What the word after an acronym says it is: "NCIC certification", "CDL license".
_ACRONYM_KIND = (
    (re.compile(r"\s+(?:certification|certificate|certified|card)\b", re.I), "certification"),
    (re.compile(r"\s+(?:license|licence|licensure|endorsement)\b", re.I), "licence"),
)


def acronym_keywords(
    text: str, known: list[Keyword], posting: Posting | None = None
) -> list[Keyword]:
    """Acronyms the posting asks for that no list names: regulations, systems, credentials.

    In the duties, requirements and preferred parts an acronym is nearly always one ("FMLA",
    "PBIS", "RFIs", "FP&A"); elsewhere it as often names an institution or a programme. Places,
    times and the offer's ("TX", "PM", "PTO") are listed in ``not_acronyms``, and a word in a
    line written all in capitals is shouting, not an acronym.
    """
    cleaned = clean(text)
    have = {k.name.casefold() for k in known} | {k.skill.casefold() for k in known}
    taken = [(k.first, k.first + len(k.name)) for k in known]
    skip = _not_acronyms()
    # A posting that is one list without headings asks in its every line.
    asking = _ASKING_PARTS if posting is None or posting.headed else _ASKING_PARTS | {"other"}
    found: dict[str, Keyword] = {}
    for tok in tokenize(cleaned):
        word = tok.text
        if not _ACRONYM.fullmatch(word) or word.rstrip("s") in skip or word in skip:
            continue
        if sum(ch.isalpha() for ch in word) < 2 or word.casefold() in have:
            continue
        if any(a <= tok.start < b for a, b in taken) or word.rstrip("s").casefold() in have:
            continue
        if posting is not None and posting.kind_at(tok.start) not in asking:
            continue
        if _shouted(cleaned, tok.start):
            continue
        # "ASC 842", "OSHA 30", "ISO 9001": the number names which one; it stays with it.
        numbered = _NUMBER_AFTER.match(cleaned, tok.end)
        if numbered:
            word = cleaned[tok.start : numbered.end()]
        seen = found.get(word)
        if seen is not None:
            found[word] = replace(seen, count=seen.count + 1)
            continue
        kind = next((k for rx, k in _ACRONYM_KIND if rx.match(cleaned, tok.end)), "skill")
        found[word] = Keyword(word, word, "acronym", 1, tok.start, 0.0, kind=kind)
    return sorted(found.values(), key=lambda k: (-k.count, k.first, k.name))


_ASKING_PARTS = frozenset({"duties", "requirements", "preferred"})
_NUMBER_AFTER = re.compile(r" \d{1,5}(?![\d.,]?\d)\b")


def _shouted(text: str, at: int) -> bool:
    """True when the line around ``at`` has no lower-case letter at all."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end >= 0 else None]
    return not any(ch.islower() for ch in line)


@cache
def _not_acronyms() -> frozenset[str]:
    lines = read_text("audit/not_acronyms.txt").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))
