"""Company and role guessed from a pasted job description, when the text says them plainly.

Job boards lay the top of a posting out in a few common ways: labelled lines ("Company: Acme",
"Job title: Data Engineer"), a title line then a company line ("Acme · Berlin · 2 days ago", as
LinkedIn copies), "Data Engineer at Acme", "Acme is hiring a Data Engineer". Failing those, the
company is the one the audit reads from the posting's body (``core.audit.posting.company_name``:
"About Acme", "At Acme, we", "Join Acme", the "The Acme team" sign-off). A guess that cannot be
made stays empty rather than wrong: the person fills it in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from profile_helper.core.audit.posting import company_name

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


def _from_labels(lines: list[str], result: JobGuess) -> None:
    """ "Company: Acme", "Job title: Data Engineer"."""
    for line in lines:
        if not result.company and (m := _LABEL_COMPANY.match(line)):
            result.company = _clean(m.group(1))
        elif not result.role and (m := _LABEL_ROLE.match(line)):
            result.role = _clean(m.group(1))


def _company_line(line: str) -> str:
    """The company from the line under a title ("Acme · Berlin · 2 days ago"), or ``""``."""
    first = _SEPARATORS.split(line)[0]
    sentence = first.endswith((".", "!", "?")) or len(first.split()) > 6
    if first and not sentence and not _NOT_COMPANY.search(first) and len(first) <= 60:
        return _clean(first)
    return ""


def _from_head(head: list[str], result: JobGuess) -> None:
    """ "Data Engineer at Acme", or a title line with the company under it, near the top."""
    for i, line in enumerate(head):
        if result.role and result.company:
            return
        if result.role:
            continue
        if (m := _AT.match(line)) and _looks_like_role(m.group("role")):
            result.role = _clean(m.group("role"))
            result.company = result.company or _clean(m.group("company"))
        elif _looks_like_role(line) and not _HIRING.match(line):
            result.role = line
            # LinkedIn puts the company right under the title.
            if not result.company and i + 1 < len(head):
                result.company = _company_line(head[i + 1])


def _from_hiring(lines: list[str], result: JobGuess) -> None:
    """ "Acme is hiring a Data Engineer"."""
    for line in lines:
        if result.role and result.company:
            return
        if (m := _HIRING.match(line)) is not None:
            result.company = result.company or _clean(m.group("company"))
            result.role = result.role or _clean(m.group("role"))


def guess(text: str) -> JobGuess:
    """The company and the role a job description names, each empty when not found."""
    lines = [_clean(line) for line in text.splitlines()]
    lines = [line for line in lines if line]
    result = JobGuess()
    _from_labels(lines, result)
    _from_head(lines[:6], result)
    _from_hiring(lines, result)
    if not result.company:
        result.company = company_name(text) or ""
    return result
