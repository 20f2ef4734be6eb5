"""Company and role guessed from a pasted job description, when the text says them plainly.

Job boards lay the top of a posting out in a few common ways: labelled lines ("Company: Acme",
"Job title: Data Engineer"), a title line then a company line ("Acme · Berlin · 2 days ago", as
LinkedIn copies), "Data Engineer at Acme", "Acme is hiring a Data Engineer", "About Acme". A
guess that cannot be made stays empty rather than wrong: the person fills it in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LABEL_COMPANY = re.compile(
    r"^\s*(?:company|company name|employer|organi[sz]ation|hiring company)\s*[:\-–]\s*(.+)$",
    re.IGNORECASE,
)
_LABEL_ROLE = re.compile(
    r"^\s*(?:job title|title|role|position|job|vacancy|we are hiring|we're hiring)"
    r"\s*[:\-–]\s*(.+)$",
    re.IGNORECASE,
)
_AT = re.compile(r"^(?P<role>.{3,80}?)\s+(?:at|@|-|–|—|\|)\s+(?P<company>[^|·•,]{2,60})$")
_HIRING = re.compile(
    r"^(?P<company>[A-Z][\w&.'\- ]{1,60}?)\s+is\s+(?:hiring|looking for|seeking)\s+"
    r"(?:an?\s+|our\s+next\s+)?(?P<role>[^.,!\n]{3,80})",
)
_ABOUT = re.compile(
    r"^\s*About\s+(?!the\s+(?:job|role|position|team|company)\b|us\b|you\b)"
    r"(?P<company>[^:\n]{2,60}?)\s*:?\s*$",
    re.IGNORECASE,
)
_JOIN = re.compile(r"\b(?i:join)\s+(?P<company>[A-Z][\w&.'\-]*(?:\s+[A-Z][\w&.'\-]*){0,3})")
_SEPARATORS = re.compile(r"\s*[·•|]\s*")
# Words that make a line a role title rather than a sentence or a heading.
_ROLE_WORDS = re.compile(
    r"\b(engineer|developer|manager|designer|analyst|scientist|architect|lead|director|"
    r"consultant|specialist|administrator|officer|coordinator|intern|head|associate|"
    r"researcher|writer|recruiter|accountant|technician|owner|strategist|advocate|"
    r"representative|executive|programmer|tester|devops|sre)\b",
    re.IGNORECASE,
)
_NOT_COMPANY = re.compile(
    r"\b(remote|hybrid|on-site|onsite|full[- ]time|part[- ]time|ago|applicants?|"
    r"promoted|reposted|easy apply|\d+)\b",
    re.IGNORECASE,
)


@dataclass
class JobGuess:
    company: str = ""
    role: str = ""


def _clean(text: str) -> str:
    return " ".join(text.strip(" \t*#-–—:|").split())


def _looks_like_role(line: str) -> bool:
    return len(line) <= 90 and bool(_ROLE_WORDS.search(line)) and not line.endswith(".")


def guess(text: str) -> JobGuess:
    """The company and the role a job description names, each empty when not found."""
    lines = [_clean(line) for line in text.splitlines()]
    lines = [line for line in lines if line]
    result = JobGuess()
    for line in lines:
        if not result.company and (m := _LABEL_COMPANY.match(line)):
            result.company = _clean(m.group(1))
        elif not result.role and (m := _LABEL_ROLE.match(line)):
            result.role = _clean(m.group(1))
    head = lines[:6]
    for i, line in enumerate(head):
        if result.role and result.company:
            break
        if not result.role and (m := _AT.match(line)) and _looks_like_role(m.group("role")):
            result.role = _clean(m.group("role"))
            result.company = result.company or _clean(m.group("company"))
            continue
        if not result.role and _looks_like_role(line) and not _HIRING.match(line):
            result.role = line
            # LinkedIn puts the company right under the title: "Acme · Berlin · 2 days ago".
            if not result.company and i + 1 < len(head):
                first = _SEPARATORS.split(head[i + 1])[0]
                if first and not _NOT_COMPANY.search(first) and len(first) <= 60:
                    result.company = _clean(first)
    for line in lines:
        if result.role and result.company:
            break
        if (m := _HIRING.match(line)) is not None:
            result.company = result.company or _clean(m.group("company"))
            result.role = result.role or _clean(m.group("role"))
    for line in lines:
        if result.company:
            break
        if (m := _ABOUT.match(line)) is not None:
            result.company = _clean(m.group("company"))
    if not result.company and (m := _JOIN.search(text)) is not None:
        result.company = _clean(m.group("company"))
    return result
