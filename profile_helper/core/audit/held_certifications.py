"""The certifications and licences the person holds, as one more place the match looks.

A posting's certification or licence keyword ("PMP", "CDL Class A", "RN licence") counts as
found, in ``certifications``, when the person holds it: their Licenses & Certifications section
shows it to a recruiter and to an ATS, as the skills list shows a skill. Only keywords of those
two kinds are looked for here, so a certification's name ("AWS Certified Solutions Architect")
does not also claim a skill ("AWS") the profile's own text does not show. A keyword is one of
them when the posting asks for it as one, or when the broad vocabulary lists it as one ("PMP",
which the hand-kept skills list also names).
"""

from __future__ import annotations

from collections.abc import Sequence

from profile_helper.core.audit.keyword import Keyword
from profile_helper.core.audit.match import SectionWords
from profile_helper.core.audit.taxonomy import load_taxonomy

KINDS = frozenset({"certification", "licence"})


class HeldCertifications(SectionWords):
    """The words of the held certifications' names, that answer only for credentials."""

    SECTION = "certifications"

    @classmethod
    def of_names(cls, names: Sequence[str]) -> HeldCertifications:
        words = SectionWords.of("\n".join(names))
        return cls(words.skills, words.stems, words.titles)

    def has(self, keyword: Keyword) -> bool:
        return is_credential(keyword) and super().has(keyword)

    def has_title_without_level(self, keyword: Keyword) -> bool:
        return False  # a certification is not a job title


def is_credential(keyword: Keyword) -> bool:
    """True for a certification or licence, as the posting asks for it or the vocabulary knows
    it."""
    if keyword.kind in KINDS:
        return True
    return any(m.term.kind in KINDS for m in load_taxonomy().lookup(keyword.skill))
