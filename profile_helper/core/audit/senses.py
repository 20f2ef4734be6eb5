"""Which sense an ambiguous name has in a text: "SAFe" the framework or "safe" the adjective.

Two sources decide. ``audit/senses.txt`` names, for skills whose names are also everyday words
or other things' abbreviations ("AP", "PCI", "R", "Go"), the words of their field; such a skill
counts only where one of those words is in the same text. The broad vocabulary marks its own
risky names (``context``): those count only when the posting's field, told by its title, is one
where the term is used, or when the text names another term of the same field nearby.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from profile_helper.core.audit.text import tokenize
from profile_helper.core.audit.vocabulary import fold
from profile_helper.core.resources import read_text


@cache
def _context_words() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Skill name (lower-case) -> the folded word sequences of its field."""
    table: dict[str, tuple[tuple[str, ...], ...]] = {}
    for raw in read_text("audit/senses.txt").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        name, *cues = (part.strip() for part in line.split(" | "))
        table[name.casefold()] = tuple(
            tuple(fold(t.norm) for t in tokenize(cue)) for cue in cues if cue
        )
    return table


class TextSenses:
    """The words of one text, to ask whether an ambiguous skill is meant in it."""

    def __init__(self, text: str) -> None:
        self._words = [fold(t.norm) for t in tokenize(text)]
        self._set = frozenset(self._words)
        self._joined = " " + " ".join(self._words) + " "

    def needs_context(self, skill: str) -> bool:
        return skill.casefold() in _context_words()

    def agrees(self, skill: str) -> bool:
        """False for a listed ambiguous skill whose field's words are nowhere in the text."""
        cues = _context_words().get(skill.casefold())
        if cues is None:
            return True
        for cue in cues:
            if len(cue) == 1 and cue[0] in self._set:
                return True
            if len(cue) > 1 and f" {' '.join(cue)} " in self._joined:
                return True
        return False


def fields_agree(term_fields: Iterable[str], text_fields: frozenset[str]) -> bool:
    """True when a term's occupational fields meet the text's (an empty set means any)."""
    wanted = frozenset(term_fields)
    return not wanted or bool(wanted & text_fields)
