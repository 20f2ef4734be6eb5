"""Words compared as stems and as roots: "modelled" is "model", "management" is "manage".

A profile seldom writes a duty as the posting does. The posting's "inventory management" is
the person's "I manage inventory", its "account reconciliation" their "reconcile accounts",
its "lesson planning" their "planned lessons". :func:`stem` folds the endings of inflection
(plurals, -ing, -ed); :func:`root` also folds the suffixes English makes nouns of verbs with
(-ment, -ation, -ion, -ance), so a verb and the noun of its action compare alike. It is a rule
on the shape of words, not a list of phrases; the few verbs whose noun is not made by a suffix
("maintain", "maintenance") are in ``audit/action_nouns.txt``.
"""

from __future__ import annotations

from functools import cache

from profile_helper.core.audit.actions import action_nouns
from profile_helper.core.audit.vocabulary import fold

_VOWELS = frozenset("aeiou")
# The shortest stem an ending leaves: "comment" is no "com" + "ment", "nation" no "n" + "ation".
MIN_ROOT = 4
# Suffixes that make a noun of a verb, longest first: each with what replaces it and the
# shortest stem it may leave ("document" is no "docu" + "ment", "format" no "for" + "mat").
_NOUN_SUFFIXES = (
    ("ization", "iz", 4),
    ("isation", "iz", 4),
    ("ification", "ify", 3),
    ("ysis", "yz", 3),
    ("ation", "", 4),
    ("ition", "", 4),
    ("ment", "", 5),
    ("ance", "", 4),
    ("ence", "", 4),
    ("ion", "", 4),
    # "approval", "renewal", "proposal": after other letters "-al" makes adjectives ("general").
    ("val", "v", 4),
    ("wal", "w", 4),
    ("sal", "s", 4),
)
# A verb made with "-ate" loses it as its noun loses "-ation" ("negotiate", "negotiation"); a
# verb in "-ify" or "-yse" meets its noun's "-ification" and "-ysis".
_VERB_SUFFIXES = (("ate", "", 4), ("at", "", 4), ("ifi", "ify", 3), ("yse", "yz", 3))
# "hiring" is "hire", "coding" "code": a root may be as short as this.
MIN_SHORT_ROOT = 3


def stem(word: str) -> str:
    """A crude stem for comparing phrases: "modelled", "modeling", "models" all give "model"."""
    word = fold(word)
    for suffix in ("ing", "ed", "es", "e", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_ROOT:
            word = word[: -len(suffix)]
            break
    return _undoubled(word)


def _undoubled(word: str) -> str:
    """ "plann" -> "plan": the consonant doubled before an ending is one."""
    if len(word) > MIN_ROOT and word[-1] == word[-2] and word[-1] not in _VOWELS:
        return word[:-1]
    return word


@cache
def root(word: str) -> str:
    """The root a verb shares with the noun of its action: "manage", "managed", "managing" and
    "management" all give "manag"; "reconcile" and "reconciliation" give "reconcil"."""
    word = fold(word)
    word = _irregular().get(word, word)
    # Twice: "implementation" -> "implement" -> "imple", as "implement" gives.
    base = _strip(_strip(word, _NOUN_SUFFIXES), _NOUN_SUFFIXES)
    if base == word:
        base = stem(word)
        if base == word and word.endswith("ing") and len(word) - 3 >= MIN_SHORT_ROOT:
            base = word[:-3]  # "hiring", "coding"
        base = _strip(base, _VERB_SUFFIXES)
    # What an ending leaves may end as its verb does: "manage" (from "management") -> "manag",
    # "reconcili" (from "reconciliation") -> "reconcil" as "reconcile" gives, "comply" and
    # "complianc(e)" -> "compl".
    if len(base) > MIN_SHORT_ROOT and base[-1] in "eiy":
        base = base[:-1]
    return _undoubled(base)


def _strip(word: str, suffixes: tuple[tuple[str, str, int], ...]) -> str:
    """The word less the first of ``suffixes`` it ends with (and may lose), else the word."""
    for suffix, replacement, shortest in suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= shortest:
            return word[: -len(suffix)] + replacement
    return word


@cache
def _irregular() -> dict[str, str]:
    """Nouns of action -> their verb ("maintenance" -> "maintain"), from the table of duty
    verbs (:mod:`actions`): for the nouns a suffix does not make, the only way to find it."""
    return {noun: verb for verb, noun in action_nouns().items() if " " not in noun}
