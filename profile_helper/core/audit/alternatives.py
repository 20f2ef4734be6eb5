"""Keywords a posting offers as alternatives: "Tableau or Power BI", "AWS, Azure or GCP".

A posting that asks for one of several tools asks for one requirement, not for each of them: a
profile that shows Power BI meets "Tableau or Power BI". Keywords written next to each other,
separated by commas, "or" or a slash, with at least one "or" or slash among the separators, are
one group of alternatives; "Excel, SQL and Python" is three requirements. A list that ends on
"or another" of their kind ("Adaptive Planning, Anaplan or another planning tool", "Klaviyo,
Braze or a similar platform") gives its names as examples, any of which will do, too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# What stands between two alternatives: ", ", " or ", ", or ", " / ".
_LINK = re.compile(r"\s*(?:,\s*(?:or\s+)?|/|or\s+)\s*", re.IGNORECASE)
_OR = re.compile(r"\bor\b|/", re.IGNORECASE)
# After a list: "or another planning tool", ", or a similar platform", "or equivalent".
_OR_ANOTHER = re.compile(
    r",?\s+or\s+(?:an?\s+)?(?:another|other|similar|equivalent|comparable)\b", re.IGNORECASE
)


def either_groups(names: Sequence[str], text: str) -> list[frozenset[str]]:
    """The groups of ``names`` that ``text`` offers as alternatives to each other."""
    by_folded = {name.casefold(): name for name in names if name.strip()}
    if not by_folded:
        return []
    # One pass over the text for every name, longest first where names share a start.
    choices = "|".join(re.escape(n) for n in sorted(by_folded, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{choices})(?!\w)", re.IGNORECASE)
    spans = [
        (m.start(), m.end(), by_folded[m.group(0).casefold()])
        for m in pattern.finditer(text)
        if m.group(0).casefold() in by_folded
    ]
    groups: list[frozenset[str]] = []
    chain: list[str] = []
    has_or = False
    end = -1
    for start, stop, name in spans:
        gap = text[end:start] if end >= 0 else ""
        if end >= 0 and start >= end and _LINK.fullmatch(gap) and name not in chain:
            chain.append(name)
            has_or = has_or or bool(_OR.search(gap))
        else:
            _close(groups, chain, has_or)
            chain, has_or = [name], False
        end = max(end, stop)
        has_or = has_or or bool(_OR_ANOTHER.match(text, end))
    _close(groups, chain, has_or)
    return groups


def _close(groups: list[frozenset[str]], chain: list[str], has_or: bool) -> None:
    if has_or and len(chain) > 1:
        groups.append(frozenset(chain))
