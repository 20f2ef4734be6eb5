"""Finding listed phrases in a text on word boundaries, and the audit's limits."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from profile_helper.core.audit.text import Token, tokenize


@dataclass(frozen=True)
class PhraseHit:
    phrase: str
    start: int
    end: int


def find_phrases(
    text: str, phrases: Iterable[str], tokens: list[Token] | None = None
) -> list[PhraseHit]:
    """Each occurrence of a phrase, as whole words, left to right, longest first, no overlaps."""
    toks = tokens if tokens is not None else tokenize(text)
    norms = [t.norm for t in toks]
    listed = phrases if isinstance(phrases, frozenset) else frozenset(phrases)
    wanted = _keys(listed)
    longest = _longest(listed)
    hits: list[PhraseHit] = []
    i = 0
    while i < len(toks):
        step = 1
        for n in range(min(longest, len(toks) - i), 0, -1):
            found = wanted.get(tuple(norms[i : i + n]))
            if found is not None and _one_phrase(text, toks, i, n):
                hits.append(PhraseHit(found, toks[i].start, toks[i + n - 1].end))
                step = n
                break
        i += step
    return hits


@cache
def _longest(phrases: frozenset[str]) -> int:
    """The most words any phrase of the list has."""
    return max((len(k) for k in _keys(phrases)), default=0)


@cache
def _keys(phrases: frozenset[str]) -> dict[tuple[str, ...], str]:
    """Each phrase by its words (worked out once per list: the rules ask for each sentence)."""
    wanted: dict[tuple[str, ...], str] = {}
    for phrase in sorted(phrases):
        key = tuple(t.norm for t in tokenize(phrase))
        if key:
            wanted[key] = phrase
    return wanted


def _one_phrase(text: str, toks: list[Token], i: int, n: int) -> bool:
    # Words of one phrase are separated by spaces or an apostrophe, not by punctuation.
    return all(not text[toks[k].end : toks[k + 1].start].strip(" '’") for k in range(i, i + n - 1))
