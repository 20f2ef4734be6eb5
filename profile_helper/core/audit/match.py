"""Which of a job's keywords a profile has, in which section, and a match rate.

Matching is on words and aliases: "k8s" in the profile matches "Kubernetes" in the job, and
"Tform" is never found inside "platform". A duty or a field the posting names in its own words
("inventory management", "manage inventory") is met by the same words in any order and any
form of the verb or its noun (:mod:`word_roots`): a profile written for a job says its duties
its own way. A keyword found only in the skills list counts for
less than one used in the headline or About, so a profile that is only a list of the job's
keywords does not score as a perfect match.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from profile_helper.core.audit.keyword import Keyword
from profile_helper.core.audit.named_skills import vocabulary_keywords
from profile_helper.core.audit.profile import Profile
from profile_helper.core.audit.terms import find_terms
from profile_helper.core.audit.text import Token, tokenize
from profile_helper.core.audit.vocabulary import default_vocabulary
from profile_helper.core.audit.word_lists import word_list
from profile_helper.core.audit.word_roots import root, stem
from profile_helper.core.resources import read_text

# How much a keyword counts towards the match rate by where the profile has it.
WEIGHT_IN_CONTEXT = 1.0  # headline or About: shown in use
WEIGHT_SKILLS_ONLY = 0.6  # only listed: ATS finds it, a reader has no evidence
# A title whose level ("Senior") the profile does not show: the right job, not the right level.
CREDIT_TITLE_WITHOUT_LEVEL = 0.5
# How much each keyword weighs by what the posting makes of it: what it requires decides.
IMPORTANCE_WEIGHT = {"required": 1.0, "duty": 0.6, "preferred": 0.4}
TITLE_WEIGHT = 1.5
KNOWLEDGE_WORD_SHARE = 0.5
# A phrase made from the posting's own words ("vendor master data", "planning principles") is
# its wording of a duty or a field, which a profile may well show in other words; a named
# skill, tool, licence or acronym is not.
PHRASE_SHARE = 0.5
COMPOSED_SOURCES = frozenset({"duty phrase", "phrase", "yake"})
# Such a phrase the profile does not show is weak evidence against it: the person may well say
# it in other words, which no rule on words can see. A missing one counts only this share of its
# weight. It is the least share at which showing a phrase can never lower the rate: one only
# listed in the skills adds WEIGHT_SKILLS_ONLY of its weight to what is met and this much more
# to the whole, so the rate, never above 1, can only rise.
UNMET_PHRASE_SHARE = 1.0 - WEIGHT_SKILLS_ONLY
# A soft skill ("communication skills", "attention to detail") is shown by what a profile tells,
# rarely named, and no recruiter screens on the words: it counts half.
SOFT_SKILL_SHARE = 0.5
# How often a posting names a keyword is its evidence that the keyword matters: what it names
# again (in its duties and its requirements, in two items, in the title and a requirement) is
# what it screens on; what it names once may be a word in passing ("prospect by phone, email and
# LinkedIn", "a freight company"). A keyword named once counts this share of one named again.
# The title is named once by nature and keeps its weight.
SINGLE_MENTION_SHARE = 0.6


@dataclass
class SectionWords:
    """A section's skills (canonical names), the stems and roots of its words, for phrase
    lookups; and where each word is, so that what meets a keyword can be shown."""

    skills: set[str] = field(default_factory=set)
    # Stemmed once here: every job keyword is looked up in every section.
    stems: list[str] = field(default_factory=list)
    # The words as job titles are compared: abbreviations spelled one way ("rn", "hr").
    titles: list[str] = field(default_factory=list)
    # The roots of its words (:func:`word_roots.root`): "manage" is "management".
    roots: list[str] = field(default_factory=list)
    # The text, its words (``stems`` and ``roots`` stand word for word with them), and the word
    # each of ``titles`` comes from (an abbreviation gives several).
    text: str = ""
    tokens: list[Token] = field(default_factory=list)
    title_tokens: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, text: str) -> SectionWords:
        skills: set[str] = set()
        for keyword in vocabulary_keywords(text):
            skills.add(keyword.skill)
            skills.update(keyword.alternatives)  # "HTML/CSS" has HTML and has CSS
        toks = tokenize(text)
        titles, title_tokens = _title_words_at(toks)
        return cls(
            skills,
            [stem(t.norm) for t in toks],
            titles,
            [root(t.norm) for t in toks],
            text,
            toks,
            title_tokens,
        )

    def has(self, keyword: Keyword) -> bool:
        if keyword.source == "role":
            return self.title_credit(keyword) == 1.0
        if keyword.source == "vocabulary":
            if keyword.alternatives:
                return any(skill in self.skills for skill in keyword.alternatives)
            return keyword.skill in self.skills or (
                _common_noun_phrase(keyword) and self._has_duty(keyword.name)
            )
        if keyword.source in COMPOSED_SOURCES:
            return self._has_duty(keyword.name)
        return self._has_words([t.norm for t in tokenize(keyword.name)])

    def spans(self, keyword: Keyword) -> list[tuple[int, int]]:
        """Where the section meets the keyword, as :meth:`has` reads it: character spans of the
        text, from the first word that meets it to the last ("I manage inventory" for
        "inventory management"). None when :meth:`has` finds the keyword missing."""
        if not self.has(keyword):
            return []
        if keyword.source == "role":
            runs = _windows(self.titles, title_words(keyword.name))
            runs = [(self.title_tokens[i], self.title_tokens[j]) for i, j in runs]
        elif keyword.source == "vocabulary":
            named = self._skill_spans(keyword)
            if named or not _common_noun_phrase(keyword):
                return named
            runs = self._duty_runs(keyword.name)
        elif keyword.source in COMPOSED_SOURCES:
            runs = self._duty_runs(keyword.name)
        else:
            runs = self._word_runs([t.norm for t in tokenize(keyword.name)])
        toks = self.tokens
        return sorted({(toks[i].start, toks[j].end) for i, j in runs})

    def _skill_spans(self, keyword: Keyword) -> list[tuple[int, int]]:
        """Where the text names the skill, or one of the alternatives it stands for."""
        wanted = set(keyword.alternatives) or {keyword.skill}
        hits = [
            (hit.start, hit.end)
            for hit in default_vocabulary().find(self.text, self.tokens)
            if hit.skill in wanted or wanted.intersection(hit.alternatives)
        ]
        hits += [
            (hit.start, hit.end)
            for hit in find_terms(self.text, self.tokens, hits)
            if hit.name in wanted
        ]
        return sorted(hits)

    def _has_duty(self, phrase: str) -> bool:
        """True when the section names a duty or a field as the phrase does, in other words.

        Its words compare by root and in any order, close together: "inventory management" is
        met by "I manage inventory", "lesson plans" by "planned lessons", "vendor invoices" by
        "invoices from vendors". A phrase of three words or more less a word at either end
        names the same thing ("vendor master" for "vendor master data").
        """
        return bool(self._duty_runs(phrase, first_only=True))

    def _duty_runs(self, phrase: str, *, first_only: bool = False) -> list[tuple[int, int]]:
        """The runs of words (first and last index) that meet a duty (see :meth:`_has_duty`)."""
        roots = [root(t.norm) for t in tokenize(phrase)]
        if len(roots) < 2:
            return self._word_runs([t.norm for t in tokenize(phrase)])
        shorter = [roots[1:], roots[:-1]] if len(roots) > 2 else []
        runs: list[tuple[int, int]] = []
        for wanted in [roots, *shorter]:
            runs += _windows(self.roots, wanted, window=PHRASE_WINDOW, first_only=first_only)
            if runs and first_only:
                break
        return runs

    def has_title_without_level(self, keyword: Keyword) -> bool:
        """True when the title is here but for its level ("Marketing Manager" for "Senior
        Marketing Manager"), or under a near name of the same job."""
        return 0 < self.title_credit(keyword) < 1.0

    def title_credit(self, keyword: Keyword) -> float:
        """1 when the section names the job title; a half for the same job at another level
        or under a near name ("Accounts Payable Specialist" for "... Clerk"); else 0.

        A title is named when its words stand close together in any order ("Warehouse
        Operations Supervisor" names "Warehouse Supervisor"); abbreviations count as the words
        they stand for ("HR Generalist", "BSN, RN ... ICU Nurse").
        """
        levels = {stem(w) for w in word_list("seniority")}
        wanted = title_words(keyword.name)
        plain = [w for w in wanted if w not in levels]
        if not plain:
            return 0.0
        if _near(self.titles, wanted):
            return 1.0
        if len(plain) < len(wanted) and _near(self.titles, plain):
            return CREDIT_TITLE_WITHOUT_LEVEL
        head, modifiers = plain[-1], plain[:-1]
        # The same job under a near title: its noun with half its other words, or every other
        # word with another role noun ("Accounts Payable Specialist" for "... Clerk").
        present = [m for m in modifiers if _near(self.titles, [head, m])]
        if modifiers and 2 * len(present) >= len(modifiers):
            return CREDIT_TITLE_WITHOUT_LEVEL
        if modifiers and _near(self.titles, modifiers) and _role_after(self.titles, modifiers):
            return CREDIT_TITLE_WITHOUT_LEVEL
        return 0.0

    def _has_words(self, words: list[str]) -> bool:
        return bool(self._word_runs(words))

    def _word_runs(self, words: list[str]) -> list[tuple[int, int]]:
        """Where the words stand one after the other, compared by stem."""
        wanted = [stem(w) for w in words]
        n = len(wanted)
        stems = self.stems
        if n == 0:
            return []
        return [(i, i + n - 1) for i in range(len(stems) - n + 1) if stems[i : i + n] == wanted]


@dataclass
class Match:
    """Where each job keyword is in the profile; the ranked list, matched, missing, rate."""

    job: list[Keyword]
    locations: dict[str, list[str]]  # job keyword name -> sections that have it
    rate: float | None
    # Titles the profile has only without their level ("Marketing Manager" for a Senior one).
    partial_titles: list[str] = field(default_factory=list)

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


@cache
def _abbreviations() -> dict[str, list[str]]:
    """Title words people shorten: "rn" -> the stems of "registered nurse"."""
    table = {}
    for raw in read_text("audit/title_abbreviations.txt").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            short, _, long = line.partition(" | ")
            table[short.strip()] = [stem(t.norm) for t in tokenize(long)]
    return table


def title_words(text: str) -> list[str]:
    """The stems of a text's words, each title abbreviation spelled out ("RN" -> registered
    nurse), so that "BSN, RN" names a Registered Nurse and "HR Generalist" a Human Resources
    Generalist, while "Registered Dental Hygienist" still names a Dental Hygienist."""
    return _title_words_at(tokenize(text))[0]


def _title_words_at(toks: list[Token]) -> tuple[list[str], list[int]]:
    """:func:`title_words` of the words, with the index of the word each comes from."""
    table = _abbreviations()
    out: list[str] = []
    at: list[int] = []
    for i, tok in enumerate(toks):
        spelled = table.get(tok.norm, [stem(tok.norm)])
        out.extend(spelled)
        at.extend([i] * len(spelled))
    return out, at


# How far apart a title's words may stand and still name it ("ICU Nurse" ... "RN").
_TITLE_WINDOW = 4
# How far apart a duty phrase's words may stand: "invoices from vendors", "plans for lessons".
PHRASE_WINDOW = 1


def _near(words: list[str], wanted: list[str], window: int = _TITLE_WINDOW) -> bool:
    """True when every wanted word stands within a short window of the others."""
    return bool(_windows(words, wanted, window, first_only=True))


def _windows(
    words: list[str], wanted: list[str], window: int = _TITLE_WINDOW, *, first_only: bool = False
) -> list[tuple[int, int]]:
    """Where every wanted word stands within a short window of the others: for each place, the
    first and last index of the wanted words nearest it. The one rule for a phrase met in
    other words, whether the match asks if it is there or the editors show where."""
    if not wanted:
        return []
    width = len(wanted) + window
    need = set(wanted)
    found: list[tuple[int, int]] = []
    for i, word in enumerate(words):
        if word not in need:
            continue
        lo, hi = max(0, i - width), min(len(words), i + width + 1)
        if not need <= set(words[lo:hi]):
            continue
        # Each wanted word at its place nearest to this one.
        places = [
            min((j for j in range(lo, hi) if words[j] == w), key=lambda j: abs(j - i)) for w in need
        ]
        found.append((min(places), max(places)))
        if first_only:
            break
    return found


def _common_noun_phrase(keyword: Keyword) -> bool:
    """True for a skill of two words or more written in lower case ("inventory management",
    "code reviews"): the name of an activity, which a profile may write as its verb ("I manage
    inventory", "review code"). A product's name ("Microsoft Project") is written as it is."""
    return " " in keyword.name.strip() and keyword.name.islower()


def _role_after(words: list[str], modifiers: list[str]) -> bool:
    """True when a role noun follows the modifiers: "Accounts Payable Specialist"."""
    roles = {stem(r) for r in word_list("roles")}
    last = modifiers[-1]
    return any(
        w == last and i + 1 < len(words) and words[i + 1] in roles for i, w in enumerate(words)
    )


def keyword_weight(keyword: Keyword) -> float:
    """How much a job keyword counts towards the match rate.

    A field of knowledge named in one word ("insurance", "tax") says what the business is
    about more than what the person must show, so it counts half; so does a phrase made from
    the posting's words, which is its wording rather than a skill's name, and a soft skill,
    which a profile shows rather than names. A keyword the posting names only once counts less
    than one it names again (``SINGLE_MENTION_SHARE``).
    """
    if keyword.source == "role":
        return TITLE_WEIGHT
    weight = IMPORTANCE_WEIGHT.get(keyword.importance, 1.0)
    if keyword.count <= 1:
        weight *= SINGLE_MENTION_SHARE
    if keyword.kind == "knowledge" and " " not in keyword.skill:
        weight *= KNOWLEDGE_WORD_SHARE
    if keyword.source in COMPOSED_SOURCES:
        weight *= PHRASE_SHARE
    if keyword.source == "vocabulary" and keyword.skill in default_vocabulary().soft:
        weight *= SOFT_SKILL_SHARE
    return weight


def match(job: list[Keyword], sections: dict[str, SectionWords]) -> Match:
    """Where the profile has each job keyword, and the weighted share of the job it meets.

    Required keywords weigh more than duties and preferred ones, and the title most; a keyword
    shown in use (headline, About) counts fully, one only listed in skills counts for less, and
    a title without its level counts half, though it is still missing. A phrase in the
    posting's own words that the profile does not show counts for less than one it shows
    (``UNMET_PHRASE_SHARE``). Keywords the posting offers as alternatives count once, as well
    as the best of them is met.
    """
    locations = {k.name: [name for name, words in sections.items() if words.has(k)] for k in job}
    if not job:
        return Match(job, locations, None)
    partial = [
        k.name
        for k in job
        if k.source == "role"
        and not locations[k.name]
        and any(words.has_title_without_level(k) for words in sections.values())
    ]
    credit = {k.name: _credit(locations[k.name], k.name in partial) for k in job}
    total = 0.0
    weights = 0.0
    counted: set[str] = set()
    for keyword in job:
        if keyword.name in counted:
            continue
        # Alternatives ("Tableau or Power BI") are one requirement, met by the best of them.
        group = [keyword, *(k for k in job if k.name in keyword.either)]
        counted.update(k.name for k in group)
        weight = max(keyword_weight(k) for k in group)
        met = max(credit[k.name] for k in group)
        if not met and all(k.source in COMPOSED_SOURCES for k in group):
            weight *= UNMET_PHRASE_SHARE
        weights += weight
        total += weight * met
    return Match(job, locations, round(total / weights, 4), partial)


def _credit(where: list[str], partial_title: bool) -> float:
    """How much of a keyword the profile shows: in use, only listed, or a title's half."""
    if "headline" in where or "about" in where:
        return WEIGHT_IN_CONTEXT
    if where:
        return WEIGHT_SKILLS_ONLY
    return CREDIT_TITLE_WITHOUT_LEVEL if partial_title else 0.0


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
