"""The skills vocabulary: canonical skill names with their aliases, matched on whole words.

Read from ``resources/audit/skills.txt`` (one skill a line, ``Canonical | alias | alias``). An
alias written with a leading ``=`` must appear with exactly that case, so that the language
"Go" is found and the verb "go" is not. Matching compares sequences of words, never substrings:
"Tform" is not in "platform", and "Java" is not in "JavaScript".

Parsing the file tokenises and folds every alias (about 15 ms), so the index it gives is also
shipped ready-made in ``resources/audit/skills.compiled.json`` (written by
``tools/compile_skills.py``), stamped with a checksum of the two files it comes from: when they
no longer match it, the file is parsed as before, and a test says to rerun the tool.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from profile_helper.core.audit.text import Token, tokenize
from profile_helper.core.resources import ResourceError, read_text

VOCABULARY_RESOURCE = "audit/skills.txt"
WORD_FORMS_RESOURCE = "audit/word_forms.txt"
COMPILED_RESOURCE = "audit/skills.compiled.json"
# Raised when the compiled file's layout or what parse() makes of the text changes.
COMPILED_FORMAT = 1


@cache
def _word_forms() -> dict[str, str]:
    """Each other way of writing a word (``audit/word_forms.txt``) -> the form compared."""
    forms: dict[str, str] = {}
    for raw in read_text(WORD_FORMS_RESOURCE).splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            first, *others = (part.strip().casefold() for part in line.split(" | "))
            forms.update((other, first) for other in others)
    return forms


def fold(word: str) -> str:
    """A lower-cased word as compared: "databases" matches "database", "maths" "mathematics",
    "organisation" "organization"."""
    forms = _word_forms()
    word = forms.get(word, word)
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return forms.get(word, word)


@dataclass(frozen=True)
class Alias:
    """One way of writing a skill: its folded words, and its exact words when case matters."""

    skill: str
    key: tuple[str, ...]
    exact: tuple[str, ...] | None


@dataclass(frozen=True)
class Hit:
    """A skill found in a text: the canonical name, the words as written, and the span."""

    skill: str
    text: str
    start: int
    end: int
    # For "Unix/Linux": the skills any of which meets it; empty for a single skill.
    alternatives: tuple[str, ...] = ()


@dataclass
class Vocabulary:
    """Canonical skills and an index of their aliases by folded word sequence."""

    skills: list[str] = field(default_factory=list)
    index: dict[tuple[str, ...], list[Alias]] = field(default_factory=dict)
    longest: int = 1
    # Skills listed as fields of knowledge (domains such as "Insurance" or "Cardiology").
    knowledge: set[str] = field(default_factory=set)
    # Skills listed as soft skills ("Communication", "Attention to detail").
    soft: set[str] = field(default_factory=set)

    def add(self, canonical: str, aliases: Iterable[str]) -> None:
        name = canonical.lstrip("=")
        self.skills.append(name)
        for raw in (canonical, *aliases):
            exact_case = raw.startswith("=")
            toks = tokenize(raw.lstrip("="))
            if not toks:
                continue
            key = tuple(fold(t.norm) for t in toks)
            exact = tuple(t.text for t in toks) if exact_case else None
            self.index.setdefault(key, []).append(Alias(name, key, exact))
            self.longest = max(self.longest, len(key))

    def canonical(self, phrase: str) -> str | None:
        """The skill a phrase names (the whole phrase, not a part of it), or None."""
        toks = tokenize(phrase)
        key = tuple(fold(t.norm) for t in toks)
        for alias in self.index.get(key, []):
            if alias.exact is None or alias.exact == tuple(t.text for t in toks):
                return alias.skill
        return None

    def find(self, text: str, tokens: Sequence[Token] | None = None) -> list[Hit]:
        """Every skill named in ``text``, longest match first, left to right, no overlaps."""
        toks = list(tokens) if tokens is not None else tokenize(text)
        folded = [fold(t.norm) for t in toks]
        hits: list[Hit] = []
        i = 0
        while i < len(toks):
            matched = 0
            for n in range(min(self.longest, len(toks) - i), 0, -1):
                key = tuple(folded[i : i + n])
                aliases = self.index.get(key)
                if not aliases or not adjacent(toks, i, n, text):
                    continue
                written = tuple(t.text for t in toks[i : i + n])
                for alias in aliases:
                    if alias.exact is not None and (
                        alias.exact != written or _reads_as_prose(toks, i, n, text)
                    ):
                        continue
                    start, end = toks[i].start, toks[i + n - 1].end
                    hits.append(Hit(alias.skill, text[start:end], start, end))
                    matched = n
                    break
                if matched:
                    break
            if not matched and _JOINED.search(toks[i].text):
                hits.extend(self._find_in_joined(toks[i], text))
            i += matched or 1
        return hits

    def _find_in_joined(self, token: Token, text: str) -> list[Hit]:
        """Skills inside one joined word that does not name a skill as a whole.

        "google-cloud-platform" names one skill through its parts. "Unix/Linux" offers
        alternatives: when every part names a skill, it is one hit whose ``alternatives`` are
        those skills, so that a profile with either one has it. Otherwise each part of at
        least two characters that names a skill is a hit of its own ("Python-based").
        """
        if "/" in token.text:
            parts = _split(token, _SLASH_PART)
            found = [self.find(text, [part]) for part in parts]
            whole = [
                hits[0]
                for part, hits in zip(parts, found, strict=True)
                if len(hits) == 1 and (hits[0].start, hits[0].end) == (part.start, part.end)
            ]
            if len(parts) >= 2 and len(whole) == len(parts):
                names = tuple(dict.fromkeys(h.skill for h in whole))
                if len(names) == 1:
                    return [Hit(names[0], token.text, token.start, token.end)]
                return [Hit("/".join(names), token.text, token.start, token.end, names)]
            return [h for hits in found for h in hits if h.end - h.start >= 2]
        pieces = _split(token, _HYPHEN_PART)
        if len(pieces) < 2:
            return []
        inner = self.find(text, pieces)
        if len(inner) == 1 and (inner[0].start, inner[0].end) == (token.start, token.end):
            return [Hit(inner[0].skill, token.text, token.start, token.end)]
        return [h for h in inner if h.end - h.start >= 2]


def _split(token: Token, pattern: re.Pattern[str]) -> list[Token]:
    """The parts of a joined word as tokens of their own, with their places in the text."""
    parts = []
    for match in pattern.finditer(token.text):
        start = token.start + match.start()
        norm = token.norm[match.start() : match.end()]
        parts.append(Token(match.group(0), norm, start, token.start + match.end()))
    return parts


# A word joined from parts by hyphens or slashes, and the parts themselves.
_JOINED = re.compile(r"[-/]")
_SLASH_PART = re.compile(r"[^/]+")
_HYPHEN_PART = re.compile(r"[^-]+")


def _reads_as_prose(toks: Sequence[Token], i: int, n: int, text: str) -> bool:
    """True for a one-word name opening a sentence before a lower-case word ("Go beyond",
    "Excel at"). An acronym is never a verb ("AP experience"), and a name listed with another
    ("Excel and SQL") is a name."""
    if n != 1 or i + 1 >= len(toks) or (toks[i].text.isupper() and len(toks[i].text) > 1):
        return False
    before = text[: toks[i].start].rstrip(" \t")
    opens_sentence = not before or before[-1] in ".!?:;\n\u2022*-"
    gap = text[toks[i].end : toks[i + 1].start]
    follower = toks[i + 1].text
    return opens_sentence and gap == " " and follower[:1].islower() and follower not in _LISTING


# Words after a name that show it is one of a list, not a verb opening a sentence.
_LISTING = frozenset({"and", "or", "plus"})


def adjacent(toks: Sequence[Token], i: int, n: int, text: str) -> bool:
    """True when the words i..i+n are separated only by spaces or a hyphen (one phrase)."""
    for k in range(i, i + n - 1):
        gap = text[toks[k].end : toks[k + 1].start]
        if gap.strip(" \t-'’") or len(gap) > 3:
            return False
    return True


def parse(source: str) -> Vocabulary:
    """Build a vocabulary from the text of a skills file.

    Skills under a heading that names fields of knowledge or domains ("# == Fields of
    knowledge: ..." ) are knowledge, the rest skills; those under a heading that names soft
    skills are also kept as such.
    """
    vocab = Vocabulary()
    in_knowledge = in_soft = False
    for raw in source.splitlines():
        line = raw.strip()
        if line.startswith("# =="):
            in_knowledge = "knowledge" in line.lower() or "domains" in line.lower()
            in_soft = "soft" in line.lower()
        if not line or line.startswith("# "):
            continue
        names = [part.strip() for part in line.split(" | ") if part.strip()]
        vocab.add(names[0], names[1:])
        if in_knowledge:
            vocab.knowledge.add(names[0].lstrip("="))
        if in_soft:
            vocab.soft.add(names[0].lstrip("="))
    return vocab


def sources_stamp(source: str) -> str:
    """A checksum of the skills file and the word forms, which together make the index."""
    stamp = zlib.crc32(source.encode("utf-8"))
    stamp = zlib.crc32(read_text(WORD_FORMS_RESOURCE).encode("utf-8"), stamp)
    return f"{COMPILED_FORMAT}:{stamp:08x}"


def to_compiled(vocab: Vocabulary, stamp: str) -> dict[str, Any]:
    """A vocabulary as JSON-ready data that :func:`from_compiled` turns back into it."""
    return {
        "stamp": stamp,
        "skills": vocab.skills,
        "longest": vocab.longest,
        "knowledge": sorted(vocab.knowledge),
        "soft": sorted(vocab.soft),
        # Words never hold a space, so a key or an exact spelling is kept as one string.
        "index": {
            " ".join(key): [
                [a.skill, None if a.exact is None else " ".join(a.exact)] for a in aliases
            ]
            for key, aliases in vocab.index.items()
        },
    }


def from_compiled(data: dict[str, Any]) -> Vocabulary:
    """The vocabulary :func:`to_compiled` wrote."""
    index: dict[tuple[str, ...], list[Alias]] = {}
    for key_text, aliases in data["index"].items():
        key = tuple(key_text.split(" "))
        index[key] = [
            Alias(skill, key, None if exact is None else tuple(exact.split(" ")))
            for skill, exact in aliases
        ]
    return Vocabulary(
        skills=data["skills"],
        index=index,
        longest=data["longest"],
        knowledge=set(data["knowledge"]),
        soft=set(data["soft"]),
    )


@cache
def default_vocabulary() -> Vocabulary:
    """The vocabulary shipped with the app (read once; it is immutable in practice)."""
    source = read_text(VOCABULARY_RESOURCE)
    try:
        data = json.loads(read_text(COMPILED_RESOURCE))
    except (ResourceError, ValueError):
        data = None
    if isinstance(data, dict) and data.get("stamp") == sources_stamp(source):
        return from_compiled(data)
    return parse(source)
