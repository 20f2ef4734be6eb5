"""Who the person says they are: their own title and credentials, read from their headline.

A rewrite keeps both as written ("Cardiovascular ICU Nurse, BSN, RN, CCRN"): a headline that
drops "CPA" or swaps the person's title for the posting's claims something they did not say.
Credentials are those of ``resources/audit/credentials.txt`` and "OSHA 30"-style cards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from profile_helper.core.audit.text import normalize
from profile_helper.core.audit.word_lists import word_list

# Headline parts: "|", bullets and dashes with spaces; commas split credentials off a title.
# The separators alone: each part is stripped after the split, and a leading "\s*" would make
# the split quadratic on a long run of white space.
_SEGMENTS = re.compile(r"\||•|·|▪| [–—-] ")
_AT = re.compile(r"\s+(?:at|@)\s+.*$", re.IGNORECASE)
_CARD = re.compile(r"^(?:OSHA|NIHSS)\s*\d*$")
# "HAZMAT & Tanker endorsements", "Forklift certified": a part naming what the person holds.
_HELD = re.compile(
    r"^[\w&/ -]{2,40}\b(?:endorsements?|licen[cs]ed?|certified|certificate|certification)$",
    re.IGNORECASE,
)
_JOB_SEEKING = re.compile(r"^(?:seeking|open to work|unemployed|looking for)", re.IGNORECASE)


@dataclass(frozen=True)
class Identity:
    """The person's own title (may be empty) and credentials, in the order they wrote them."""

    title: str
    credentials: tuple[str, ...]

    @property
    def held(self) -> tuple[str, ...]:
        """The credentials written as phrases ("HAZMAT & Tanker endorsements")."""
        return tuple(c for c in self.credentials if _HELD.match(c))

    def without_held(self) -> Identity:
        """The same person with only their letter credentials ("RN", "CPA", "OSHA 30")."""
        return Identity(self.title, tuple(c for c in self.credentials if c not in self.held))

    def role(self, title: str) -> str:
        """``title`` followed by the person's credentials ("Planner, AICP")."""
        return ", ".join([t for t in (title,) if t] + list(self.credentials))


def is_credential(text: str) -> bool:
    text = text.strip()
    return (
        normalize(text) in word_list("credentials")
        or bool(_CARD.match(text))
        or bool(_HELD.match(text))
    )


def _is_title(segment: str) -> bool:
    words = [normalize(w) for w in re.findall(r"[\w&'-]+", segment)]
    roles = word_list("roles")
    return bool(words) and len(words) <= 6 and any(w in roles for w in words)


def headline_parts(headline: str) -> list[str]:
    """The headline's parts between "|", bullets and spaced dashes (commas stay inside)."""
    return [s.strip() for s in _SEGMENTS.split(headline or "") if s.strip()]


def read_identity(headline: str) -> Identity:
    """The title and credentials the headline shows.

    The title is the first part naming a role noun ("Store Manager at Acme" gives "Store
    Manager"); credentials are every comma- or pipe-separated part that is one.
    """
    credentials: list[str] = []
    title = ""
    for segment in headline_parts(headline):
        parts = [p.strip() for p in segment.split(",") if p.strip()]
        rest = [p for p in parts if not is_credential(p)]
        credentials += [p for p in parts if is_credential(p)]
        if len(rest) > 1 or not rest or title or _JOB_SEEKING.match(rest[0]):
            continue
        name = _AT.sub("", rest[0]).strip()
        if _is_title(name):
            title = name
    unique: dict[str, str] = {}
    for credential in credentials:
        unique.setdefault(credential.lower(), credential)  # the first spelling wins
    return Identity(title, tuple(unique.values()))
