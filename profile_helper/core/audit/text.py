"""Words as the audit sees them: runs of letters, digits, ``+`` and ``#``, joined by ``.-/&``.

"C++", "C#", "Node.js", "CI/CD", "P&L", "R&D", "ISO 27001" and "k8s" keep their shape; a
sentence's full stop or a trailing hyphen does not stick to the word before it. Every function
here is pure and deterministic.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# A word: one or more runs of word characters (letters, digits, + and #), joined by single
# dots, hyphens or slashes. A dot at the end of a sentence is not part of the word.
WORD_RE = re.compile(r"[^\W_]+[+#]*(?:[./&-][^\W_]+[+#]*)*|[+#]+(?![^\W_])", re.UNICODE)
# Some words begin with a symbol that belongs to them: ".NET", "#hashtag" are rare enough to
# leave; "C++" and "C#" are covered by the trailing [+#]*.


@dataclass(frozen=True)
class Token:
    """One word of a text: its text, its lower-cased form, and where it is."""

    text: str
    norm: str
    start: int
    end: int


def normalize(text: str) -> str:
    """Compatibility-normalised, lower-cased text (full-width letters, ligatures, case)."""
    return unicodedata.normalize("NFKC", text).casefold()


def tokenize(text: str) -> list[Token]:
    """The words of ``text`` with their character spans, in order."""
    if len(text) > CACHED_TEXT_MAX:
        return list(_cached_long_tokens(text))
    return list(_cached_tokens(text))


# One audit reads the same texts many times (each rule, the match, the rewrites): the words of
# recent texts are kept. Tokens are immutable, so sharing them is safe. Many short texts are
# kept but only the last few long ones, so the cache stays within tens of megabytes whatever is
# pasted (the audit refuses more than 200,000 characters a section).
CACHED_TEXT_MAX = 12_000


@lru_cache(maxsize=256)
def _cached_tokens(text: str) -> tuple[Token, ...]:
    return _scan(text)


@lru_cache(maxsize=4)
def _cached_long_tokens(text: str) -> tuple[Token, ...]:
    return _scan(text)


def _scan(text: str) -> tuple[Token, ...]:
    tokens: list[Token] = []
    for match in WORD_RE.finditer(text):
        word = match.group(0)
        if not any(ch.isalnum() for ch in word):
            continue
        tokens.append(Token(word, normalize(word), match.start(), match.end()))
    return tuple(tokens)


def words(text: str) -> list[str]:
    """The lower-cased words of ``text``."""
    return [t.norm for t in tokenize(text)]


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences and lines of ``text`` (split on line breaks and ``. ! ?``)."""
    spans: list[tuple[int, int]] = []
    for match in re.finditer(r"[^\n.!?]+(?:[.!?]+(?=\s|$)|$)?", text):
        chunk = match.group(0)
        if chunk.strip():
            start = match.start() + (len(chunk) - len(chunk.lstrip()))
            spans.append((start, match.end()))
    return spans


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the paragraphs of ``text``: blocks separated by blank lines."""
    spans: list[tuple[int, int]] = []
    for match in re.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|$))+", text):
        spans.append((match.start(), match.end() - (1 if match.group(0).endswith("\n") else 0)))
    return spans
