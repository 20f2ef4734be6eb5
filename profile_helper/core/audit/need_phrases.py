"""The noun phrases a posting's duties and requirements are made of: "vital signs", "staff
reports", "month-end close", "controlled substance counts".

A duty bullet names its skills as the objects of its verbs ("Take and record vital signs"), and a
requirement line after a cue ("experience with", "knowledge of"); no vocabulary holds them all,
and YAKE ranks them by statistics that favour the company's name. Here each sentence of a needs
part is cut into runs of words at punctuation, function words and filler words; a run loses the
verb or adjective that opens it ("Prepare", "accurate") and the filler that ends it
("experience"), and what is left, two or three words of plain lower-case text, is a phrase.
Names (capitalised words) are left to the vocabulary and the acronyms.

A duty verb with a one-word object is kept whole ("manage inventory", "reconcile accounts"):
the object alone says too little, and together they are the duty a recruiter names with a noun
("inventory management"), which the match reads as the same (:mod:`word_roots`). Only verbs
whose action has such a noun (:mod:`actions`) do this: "lead the huddle" names no duty.

Phrases come from the items of a list (a line opened by a bullet, a dash or a number) in the
parts that say what the job needs, and from prose only after a cue: a paragraph tells a story
around the needs, and its noun phrases are as often scenery ("the money goes where the science
is") as skills. In the duties, a duty verb opening a clause is such a cue ("You'll negotiate
offers, coordinate interview loops"): the reader is told what they will do. On SkillSpan's
prose postings that kept precision where it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from profile_helper.core.audit.actions import action_noun
from profile_helper.core.audit.posting import Posting
from profile_helper.core.audit.text import Token, sentences, tokenize
from profile_helper.core.audit.vocabulary import fold
from profile_helper.core.audit.word_lists import is_benefit, word_list

# The parts whose sentences name what the job needs (the title is a keyword of its own).
NEED_PARTS = frozenset({"duties", "requirements", "preferred", "other"})
MAX_WORDS = 3


@dataclass(frozen=True)
class NeedPhrase:
    """A phrase of the posting's needs: as first written, its folded words, count and place."""

    name: str
    key: tuple[str, ...]
    count: int
    first: int


def need_phrases(posting: Posting, taken: list[tuple[int, int]]) -> list[NeedPhrase]:
    """The phrases of the posting's needs outside the ``taken`` spans, most frequent first."""
    text = posting.needs_text
    found: dict[tuple[str, ...], NeedPhrase] = {}
    for part in posting.parts:
        item = in_list_item(text, part.start)
        if part.kind not in NEED_PARTS or (part.kind == "other" and not item):
            continue
        for s_start, s_end in sentences(text[part.start : part.end]):
            start = part.start + s_start
            toks = [
                Token(t.text, t.norm, t.start + start, t.end + start)
                for t in tokenize(text[start : part.start + s_end])
            ]
            for first, last in _runs(text, toks, taken):
                # A list item names what the job needs; prose tells a story around it, and
                # names a need for sure only after a cue ("knowledge of zoning law") or, in
                # the duties, as the object of a duty's verb ("You'll negotiate offers").
                led = _verb_led(text, toks, first)
                cued = _after_cue(toks, first) or (part.kind == "duties" and led)
                if not item and not cued:
                    continue
                # "Manage inventory": a duty verb and its one-word object name the duty (a
                # recruiter's "inventory management"; the match reads one as the other).
                if led and last == first + 1 and _names_duty(toks[first], toks[last]):
                    _count(found, text, toks[first : last + 1])
                    continue
                # "knife skills": a skill named with the word "skills" keeps it.
                end = last + 1
                if end < len(toks) and _skills_after(text, toks[last], toks[end]):
                    end += 1
                # A duty opens on its verb, whatever the verb: "Titrate", "Precept", "Draft".
                opens = part.kind == "duties" and first == 0
                phrase = _phrase(toks[first + opens : end])
                if phrase is None and item and end - first == 1:
                    phrase = _listed_noun(text, toks, first)
                if phrase is not None:
                    _count(found, text, phrase)
    return sorted(found.values(), key=lambda p: (-p.count, p.first))


def _count(found: dict[tuple[str, ...], NeedPhrase], text: str, phrase: list[Token]) -> None:
    key = tuple(fold(t.norm) for t in phrase)
    seen = found.get(key)
    if seen is None:
        name = text[phrase[0].start : phrase[-1].end]
        # "Manage inventory" opening a line is the duty "manage inventory": the capital is the
        # line's. Other phrases never open on their line's first word.
        if name[:1].isupper() and name[1:2].islower():
            name = name[0].lower() + name[1:]
        found[key] = NeedPhrase(name, key, 1, phrase[0].start)
    else:
        found[key] = NeedPhrase(seen.name, key, seen.count + 1, seen.first)


def _verb_led(text: str, toks: list[Token], first: int) -> bool:
    """True when the run opens a clause on a duty verb: "Manage inventory", "You'll negotiate
    offers", "..., coordinate interview loops", "ability to manage budgets"."""
    word = toks[first].norm
    if not (action_noun(word) or word in word_list("verbs") or fold(word) in word_list("verbs")):
        return False
    if first == 0:
        return True
    before = toks[first - 1]
    return before.norm in _CLAUSE_OPENERS or any(
        ch in ",;:" for ch in text[before.end : toks[first].start]
    )


# The words a duty's verb follows: "to manage", "you will manage", "you'll manage".
_CLAUSE_OPENERS = frozenset({"to", "will", "ll", "and", "or", "also", "then"})


def _names_duty(verb: Token, obj: Token) -> bool:
    """True when a verb and its one-word object name a duty: the verb's action has a noun
    (:mod:`actions`: "manage", "reconcile", not "lead" or "keep") and the object is a plain
    word ("inventory", "accounts"), not a name, a filler or another verb."""
    if not obj.text.islower() or len(obj.norm) < MIN_OBJECT or not obj.norm.isalpha():
        return False
    if obj.norm in word_list("phrase_fillers") or _opens_run(obj.norm, word_list("verbs")):
        return False
    return action_noun(verb.norm) is not None


# Shorter objects are rarely what a duty is about ("run it", "set up").
MIN_OBJECT = 4


# A line that is an item of a list: a bullet, a dash or a number opens it.
_LIST_ITEM = re.compile(r"\s*(?:[-*•·▪◦‣∙–—+>]|\d{1,2}[.)])\s")


def in_list_item(text: str, offset: int) -> bool:
    """True when the character at ``offset`` is on a line that is an item of a list."""
    return _LIST_ITEM.match(text, text.rfind("\n", 0, offset) + 1) is not None


# The words after which (and "with", "of" or "in") prose names a requirement.
_CUES = frozenset(
    {"experience", "knowledge", "proficiency", "familiarity", "understanding", "expertise"}
)


def _skills_after(text: str, word: Token, after: Token) -> bool:
    return after.norm == "skills" and text[word.end : after.start] == " "


def _after_cue(toks: list[Token], first: int) -> bool:
    """True when the run follows a cue: "experience with", "knowledge of", "proficiency in"."""
    return (
        first > 1 and toks[first - 1].norm in ("with", "of", "in") and toks[first - 2].norm in _CUES
    )


def _runs(text: str, toks: list[Token], taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Runs of words joined by single spaces (first and last index), cut at punctuation,
    function and filler words, numbers, names and the spans already taken."""
    runs: list[tuple[int, int]] = []
    first = -1
    for i, tok in enumerate(toks):
        joined = first >= 0 and text[toks[i - 1].end : tok.start] == " "
        cut = _cuts(text, tok, i, taken)
        if first >= 0 and (not joined or cut):
            runs.append((first, i - 1))
            first = -1
        if not cut and first < 0:
            first = i
    if first >= 0:
        runs.append((first, len(toks) - 1))
    return runs


def _cuts(text: str, tok: Token, i: int, taken: list[tuple[int, int]]) -> bool:
    """True for a word no phrase holds: a function or filler word, a number, a name (not the
    sentence's first word), or a word of another keyword."""
    stop, filters = _cut_words()
    return (
        tok.norm in stop
        or tok.norm in filters
        or fold(tok.norm) in filters
        or sum(ch.isalpha() for ch in tok.text) < 2
        or (tok.start > 0 and text[tok.start - 1] in "'’")  # "you'll", "we're", "driver's"
        or (i > 0 and _a_name(tok.text))
        or any(a <= tok.start < b for a, b in taken)
    )


@cache
def _cut_words() -> tuple[frozenset[str], frozenset[str]]:
    """The function words, and the filler words less those that build phrases."""
    return word_list("stopwords"), word_list("filters") - word_list("phrase_nouns")


def _a_name(word: str) -> bool:
    """A capitalised word that is not an acronym: a name, left to the vocabulary."""
    return word[:1].isupper() and not word.isupper()


def _phrase(run: list[Token]) -> list[Token] | None:
    """The phrase a run holds once its opening verbs and modifiers are cut, or None."""
    verbs = word_list("verbs")
    fillers = word_list("phrase_fillers")
    if _only_standing(run):
        return None
    if len(run) == 1:
        return run if _activity(run[0].norm, fillers) else None
    # A verb opens a duty only as its first word: in "weekly check runs" "check" is a noun.
    if len(run) > 1 and _opens_run(run[0].norm, verbs):
        run = run[1:]
    while run and (run[0].norm in fillers or run[0].norm.endswith("ly")):
        run = run[1:]
    while run and (run[-1].norm in fillers or run[-1].norm.endswith(("ly", "ed"))):
        run = run[:-1]
    if len(run) > MAX_WORDS:
        run = run[-MAX_WORDS:]  # the head noun is last: "single multi-compartment tankers"
    if len(run) < 2 or any(t.text.isupper() and len(t.text) > 1 for t in run):
        return None
    norms = [t.norm for t in run]
    last = fold(norms[-1])
    if last in word_list("roles") or norms[-1] in word_list("roles"):
        return None
    if all(len(n) < 4 for n in norms) or is_benefit(" ".join(norms)):
        return None
    if _only_standing(run):
        return None
    return run


def _only_standing(run: list[Token]) -> bool:
    """True for a run that only says what standing a credential is in: "Active state" before
    "Registered Dental Hygienist (RDH) license" (the credential, capitalised, is left to the
    vocabulary), "standing" in "in good standing". Such words qualify a credential and never
    name a skill, whatever is cut from the run around them."""
    return bool(run) and all(t.norm in word_list("credential_standing") for t in run)


def _listed_noun(text: str, toks: list[Token], i: int) -> list[Token] | None:
    """A lone word that is one of a list of things in a list item ("panelboards, switchgear
    and lighting"): a thing the job works with. Lone words elsewhere are too vague."""
    word = toks[i]
    if len(word.norm) < MIN_LISTED_NOUN or not word.text.islower():
        return None
    if word.norm in word_list("phrase_fillers") or _opens_run(word.norm, word_list("verbs")):
        return None
    if word.norm.endswith(_VERB_ENDINGS):  # "Install, terminate and test"
        return None
    before = text[toks[i - 1].end : word.start] if i > 0 else ""
    after = text[word.end : toks[i + 1].start] if i + 1 < len(toks) else ""
    prev = toks[i - 1].norm if i > 0 else ""
    nxt = toks[i + 1].norm if i + 1 < len(toks) else ""
    listed_before = "," in before or prev in ("and", "or")
    listed_after = "," in after or nxt in ("and", "or")
    return [word] if listed_before and listed_after else None


_VERB_ENDINGS = ("ize", "ise", "ate")
# Shorter lone words are rarely things a recruiter screens on ("wire", "fish").
MIN_LISTED_NOUN = 5


def _activity(word: str, fillers: frozenset[str]) -> bool:
    """True for a gerund standing alone as an item ("prospecting, demos and closing",
    "tutoring"): the name of an activity. Before a noun a gerund is a verb ("making sauces")."""
    return word.endswith("ing") and len(word) >= MIN_ACTIVITY and word not in fillers


# Shorter words ending in "ing" are rarely activities ("thing", "bring", "spring").
MIN_ACTIVITY = 7


def _opens_run(word: str, verbs: frozenset[str]) -> bool:
    """True for a word that opens a duty rather than names a thing: a verb in any simple form
    ("prepare", "makes", "portioning") or an adverb ("accurately")."""
    if word.endswith("ly"):
        return True
    # A gerund before a noun is its verb ("making sauces", "managing vendors").
    if word.endswith("ing") and len(word) > 5:
        return True
    forms = {word, fold(word)}
    if word.endswith("ed") and len(word) > 4:
        forms |= {word[:-1], word[:-2], word[:-3]}
    return bool(forms & verbs)
