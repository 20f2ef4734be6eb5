"""Which of a job's keywords a profile has, in which section, and a match rate.

Matching is on words and aliases: "k8s" in the profile matches "Kubernetes" in the job, and
"Tform" is never found inside "platform". A keyword found only in the skills list counts for
less than one used in the headline or About, so a profile that is only a list of the job's
keywords does not score as a perfect match.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from profile_helper.core.audit.extract import Keyword, vocabulary_keywords
from profile_helper.core.audit.profile import Profile
from profile_helper.core.audit.text import tokenize
from profile_helper.core.audit.vocabulary import default_vocabulary, fold
from profile_helper.core.audit.word_lists import word_list

# How much a keyword counts towards the match rate by where the profile has it.
WEIGHT_IN_CONTEXT = 1.0  # headline or About: shown in use
WEIGHT_SKILLS_ONLY = 0.6  # only listed: ATS finds it, a reader has no evidence


_VOWELS = frozenset("aeiou")


def stem(word: str) -> str:
    """A crude stem for comparing phrases: "modelled", "modeling", "models" all give "model"."""
    word = fold(word)
    for suffix in ("ing", "ed", "es", "e", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in _VOWELS:
        word = word[:-1]
    return word


@dataclass
class SectionWords:
    """A section's skills (canonical names) and the stems of its words, for phrase lookups."""

    skills: set[str] = field(default_factory=set)
    # Stemmed once here: every job keyword is looked up in every section.
    stems: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, text: str) -> SectionWords:
        skills: set[str] = set()
        for keyword in vocabulary_keywords(text):
            skills.add(keyword.skill)
            skills.update(keyword.alternatives)  # "HTML/CSS" has HTML and has CSS
        return cls(skills, [stem(t.norm) for t in tokenize(text)])

    def has(self, keyword: Keyword) -> bool:
        if keyword.source == "vocabulary":
            if keyword.alternatives:
                return any(skill in self.skills for skill in keyword.alternatives)
            return keyword.skill in self.skills
        # A phrase or a title: its words in a row, compared by stem ("modelled data" has "model
        # data"); a title's level ("Senior") is not required.
        filters = word_list("filters") if keyword.source == "role" else frozenset()
        wanted = [stem(t.norm) for t in tokenize(keyword.name) if t.norm not in filters]
        n = len(wanted)
        stems = self.stems
        return n > 0 and any(stems[i : i + n] == wanted for i in range(len(stems) - n + 1))


@dataclass
class Match:
    """Where each job keyword is in the profile; the ranked list, matched, missing, rate."""

    job: list[Keyword]
    locations: dict[str, list[str]]  # job keyword name -> sections that have it
    rate: float | None

    @property
    def matched(self) -> list[str]:
        return [k.name for k in self.job if self.locations[k.name]]

    @property
    def missing(self) -> list[str]:
        return [k.name for k in self.job if not self.locations[k.name]]


def profile_sections(profile: Profile) -> dict[str, SectionWords]:
    skills_text = "\n".join(entry.text for entry in profile.skills)
    return {
        "headline": SectionWords.of(profile.headline),
        "about": SectionWords.of(profile.about),
        "skills": SectionWords.of(skills_text),
    }


def match(job: list[Keyword], sections: dict[str, SectionWords]) -> Match:
    locations = {k.name: [name for name, words in sections.items() if words.has(k)] for k in job}
    if not job:
        return Match(job, locations, None)
    total = 0.0
    for keyword in job:
        where = locations[keyword.name]
        if "headline" in where or "about" in where:
            total += WEIGHT_IN_CONTEXT
        elif where:
            total += WEIGHT_SKILLS_ONLY
    return Match(job, locations, round(total / len(job), 4))


def profile_skill_names(profile: Profile) -> list[str]:
    """The skills a profile names anywhere, canonical, skills list first, without repeats."""
    vocab = default_vocabulary()
    found = [vocab.canonical(entry.text) or entry.text for entry in profile.skills]
    for text in (profile.headline, profile.about):
        found += [k.skill for k in sorted(vocabulary_keywords(text), key=lambda k: k.first)]
    names: list[str] = []
    seen: set[str] = set()
    for name in found:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name)
    return names
