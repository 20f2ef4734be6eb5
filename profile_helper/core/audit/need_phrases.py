"""The noun phrases a posting's duties and requirements are made of: "vital signs", "staff
reports", "month-end close", "controlled substance counts".

A duty bullet names its skills as the objects of its verbs ("Take and record vital signs"), and a
requirement line after a cue ("experience with", "knowledge of"); no vocabulary holds them all,
and YAKE ranks them by statistics that favour the company's name. Here each sentence of a needs
part is cut into runs of words at punctuation, function words and filler words; a run loses the
verb or adjective that opens it ("Prepare", "accurate") and the filler that ends it
("experience"), and what is left, two or three words of plain lower-case text, is a phrase.
Names (capitalised words) are left to the vocabulary and the acronyms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from profile_helper.core.audit.posting import Part, Posting
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
        if part.kind not in NEED_PARTS or not _listed(posting.text, part):
            continue
        for s_start, s_end in sentences(text[part.start : part.end]):
            start = part.start + s_start
            toks = tokenize(text[start : part.start + s_end])
            if not toks:
                continue
            for run in _runs(text, toks, start, taken):
                # A duty opens on its verb, whatever the verb: "Titrate", "Precept", "Draft".
                opens = part.kind == "duties" and run[0].start == start + toks[0].start
                phrase = _phrase(run[1:] if opens else run)
                if phrase is None:
                    continue
                key = tuple(fold(t.norm) for t in phrase)
                seen = found.get(key)
                if seen is None:
                    name = text[phrase[0].start : phrase[-1].end]
                    found[key] = NeedPhrase(name, key, 1, phrase[0].start)
                else:
                    found[key] = NeedPhrase(seen.name, key, seen.count + 1, seen.first)
    return sorted(found.values(), key=lambda p: (-p.count, p.first))


def _listed(text: str, part: Part) -> bool:
    """True for a sentence under a duties, requirements or preferred heading, or, elsewhere, an
    item of a list or a short line. A paragraph outside those parts tells a story ("you will
    learn how a distribution business makes and loses money"), and its noun phrases are as
    often scenery as skills."""
    if part.kind != "other":
        return True
    line_start = text.rfind("\n", 0, part.start) + 1
    line_end = text.find("\n", part.start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return bool(_LIST_ITEM.match(line)) or len(line.split()) <= MAX_LINE_WORDS


# A line that is an item of a list: a bullet, a dash or a number opens it.
_LIST_ITEM = re.compile(r"^\s*(?:[-*•·▪◦‣∙–—+>]|\d{1,2}[.)])\s")
# A line this short is an item even without a bullet; a longer one is a paragraph.
MAX_LINE_WORDS = 25


def _runs(
    text: str, toks: list[Token], offset: int, taken: list[tuple[int, int]]
) -> list[list[Token]]:
    """Runs of words joined by single spaces, cut at punctuation, function and filler words,
    numbers, names and the spans already taken by other keywords."""
    runs: list[list[Token]] = []
    run: list[Token] = []
    for i, local in enumerate(toks):
        tok = Token(local.text, local.norm, local.start + offset, local.end + offset)
        joined = bool(run) and text[run[-1].end : tok.start] == " "
        if not joined or _cuts(text, tok, i, taken):
            if run:
                runs.append(run)
            run = []
        if not _cuts(text, tok, i, taken):
            run.append(tok)
    if run:
        runs.append(run)
    return runs


def _cuts(text: str, tok: Token, i: int, taken: list[tuple[int, int]]) -> bool:
    """True for a word no phrase holds: a function or filler word, a number, a name (not the
    sentence's first word), or a word of another keyword."""
    filters = word_list("filters")
    return (
        tok.norm in word_list("stopwords")
        or tok.norm in filters
        or fold(tok.norm) in filters
        or sum(ch.isalpha() for ch in tok.text) < 2
        or (tok.start > 0 and text[tok.start - 1] in "'’")  # "you'll", "we're", "driver's"
        or (i > 0 and _a_name(tok.text))
        or any(a <= tok.start < b for a, b in taken)
    )


def _a_name(word: str) -> bool:
    """A capitalised word that is not an acronym: a name, left to the vocabulary."""
    return word[:1].isupper() and not word.isupper()


def _phrase(run: list[Token]) -> list[Token] | None:
    """The phrase a run holds once its opening verbs and modifiers are cut, or None."""
    verbs = word_list("verbs")
    fillers = word_list("phrase_fillers")
    while run and (_opens_run(run[0].norm, verbs) or run[0].norm in fillers):
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
    return run


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
