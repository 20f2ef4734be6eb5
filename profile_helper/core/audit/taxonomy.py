"""The broad vocabulary compiled from public taxonomies: skills, tools, knowledge, licences.

Read from ``resources/vocabulary/`` (built by ``tools/build_vocabulary.py`` from the O*NET
database and the hand-curated ``certifications.tsv``; see ``NOTICE.md`` there):

``terms.tsv``      one term a line: ``name  kind  aliases  fields  hot  sense``
``index.tsv``      one folded word sequence a line, with the terms (where their lines start in
                   ``terms.tsv``, and which of their forms) it names, sorted so that a lookup
                   is a binary search
``titles.tsv.gz``  one lower-cased, plural-folded job title a line with its SOC major groups

Loading only reads the three files and splits the index into lines (C-level calls, no
per-line Python work), so it stays in the tens of milliseconds; a :class:`Term` is made the
first time a lookup returns it, and a title is found by searching the titles' text. Index keys
are the words of a form as ``text.tokenize`` cuts them, lower-cased and plural-folded with
``vocabulary.fold``: the same normalisation the extraction applies to a posting.

``Term.sense`` (and :attr:`Match.sense` for the form that matched) tells how sure a match is:
``""`` any case will do; ``"exact_case"`` the words must appear exactly as written ("Outlook",
"Slack", "PALS"); ``"context"`` exact case *and* the neighbouring words or the posting's field
(its SOC major groups, see :meth:`Taxonomy.field_of_title`) must agree with ``Term.fields``
("Go", "R", "Word", "CPT"). SOC major groups are two-digit codes: 29 healthcare practitioners,
53 transportation and material moving, and so on; an empty ``fields`` means any field.

This module never imports Qt; :func:`load_taxonomy` may be called from a worker thread.
"""

from __future__ import annotations

import gzip
import threading
from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from profile_helper.core.audit.text import tokenize
from profile_helper.core.audit.vocabulary import fold
from profile_helper.core.resources import resource_path

TERMS_RESOURCE = "vocabulary/terms.tsv"
INDEX_RESOURCE = "vocabulary/index.tsv"
TITLES_RESOURCE = "vocabulary/titles.tsv.gz"

KINDS = frozenset({"skill", "tool", "knowledge", "certification", "licence"})
SENSES = frozenset({"", "exact_case", "context"})
_MARKS = {"=": "exact_case", "~": "context"}


@dataclass(frozen=True, slots=True)
class Term:
    """One vocabulary term.

    ``aliases`` are the other ways of writing it and ``alias_senses`` their senses, pair by
    pair; ``sense`` is the canonical name's. ``fields`` are SOC major groups (empty: any).
    """

    name: str
    kind: str
    aliases: tuple[str, ...]
    fields: frozenset[str]
    hot: bool
    sense: str
    alias_senses: tuple[str, ...] = ()

    def forms(self) -> Iterator[tuple[str, str]]:
        """Every way of writing the term with the sense it needs, the name first."""
        yield self.name, self.sense
        yield from zip(self.aliases, self.alias_senses, strict=True)


@dataclass(frozen=True, slots=True)
class Match:
    """A term found under a word sequence: the term, the form that has those words, its sense."""

    term: Term
    form: str
    sense: str

    def accepts(self, words: Sequence[str]) -> bool:
        """Whether words as written (not folded) meet this form's case demand."""
        if not self.sense:
            return True
        wanted = [t.text for t in tokenize(self.form)]
        return len(wanted) == len(words) and all(map(same_case, wanted, words))


def same_case(form: str, written: str) -> bool:
    """Whether a word is written as the form writes it: exactly, or an acronym with the plural
    "s" English adds to it in lower case ("IEPs", "RFIs", "PLCs")."""
    return written == form or (len(form) > 1 and form.isupper() and written == form + "s")


def key_of(text: str) -> tuple[str, ...]:
    """The folded words of a text, as the index is keyed."""
    return tuple(fold(t.norm) for t in tokenize(text))


def _read_text(name: str) -> str:
    data = resource_path(name).read_bytes()
    return (gzip.decompress(data) if name.endswith(".gz") else data).decode("utf-8")


def _lines(text: str) -> list[str]:
    """The lines of a file the build wrote: each ends in ``\\n`` and holds no other line break,
    so ``split`` gives what ``splitlines`` would, faster (a test checks the shipped files)."""
    lines = text.split("\n")
    if lines and not lines[-1]:
        lines.pop()
    return lines


def _split_header(text: str) -> tuple[str, str]:
    """A file's ``#`` header line and the rest of it."""
    if text.startswith("#"):
        header, _, rest = text.partition("\n")
        return header, rest
    return "", text


def _fields(cell: str, cache: dict[str, frozenset[str]]) -> frozenset[str]:
    found = cache.get(cell)
    if found is None:
        found = cache[cell] = frozenset(cell.split(",")) if cell else frozenset()
    return found


class TitleTable(Mapping[str, frozenset[str]]):
    """Lower-cased, plural-folded job titles -> SOC major groups.

    Kept as the file's text and searched with ``str.find``: a posting asks for a few titles,
    so splitting fifty thousand lines up front would cost more than every lookup together.
    """

    def __init__(self, text: str) -> None:
        self._text = "\n" + _split_header(text)[1]
        self._fields: dict[str, frozenset[str]] = {}

    def __getitem__(self, title: str) -> frozenset[str]:
        probe = "\n" + title + "\t"
        at = self._text.find(probe) if title and "\n" not in title else -1
        if at < 0:
            raise KeyError(title)
        start = at + len(probe)
        end = self._text.find("\n", start)
        return _fields(self._text[start : end if end >= 0 else None], self._fields)

    def __contains__(self, title: object) -> bool:
        return isinstance(title, str) and title in self._keys

    @cached_property
    def _keys(self) -> frozenset[str]:
        return frozenset(line.partition("\t")[0] for line in self._text.split("\n") if line)

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._keys))

    def __len__(self) -> int:
        return len(self._keys)


@dataclass
class Taxonomy:
    """The terms, their word index and the job titles; see the module docstring."""

    terms_text: str
    index_lines: list[str]
    titles: TitleTable
    longest: int = 1
    _terms: dict[int, Term] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _fields: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    # -- terms --------------------------------------------------------------------------------

    def term_at(self, offset: int) -> Term:
        """The term whose line starts at this character offset of ``terms.tsv`` (made once)."""
        found = self._terms.get(offset)
        if found is not None:
            return found
        end = self.terms_text.find("\n", offset)
        line = self.terms_text[offset : end if end >= 0 else None]
        name, kind, alias_cell, fields, hot, sense = line.split("\t")
        aliases: list[str] = []
        senses: list[str] = []
        for alias in alias_cell.split("|") if alias_cell else ():
            mark = _MARKS.get(alias[:1], "")
            aliases.append(alias[1:] if mark else alias)
            senses.append(mark)
        with self._lock:
            made = Term(
                name,
                kind,
                tuple(aliases),
                _fields(fields, self._fields),
                hot == "1",
                sense,
                tuple(senses),
            )
            return self._terms.setdefault(offset, made)

    @cached_property
    def terms(self) -> list[Term]:
        """Every term, in file order (made on first use: tens of thousands of objects)."""
        header, _ = _split_header(self.terms_text)
        offset = len(header) + 1 if header else 0
        found = []
        while offset < len(self.terms_text):
            found.append(self.term_at(offset))
            offset = self.terms_text.index("\n", offset) + 1
        return found

    # -- lookups ------------------------------------------------------------------------------

    def term_index(self, key: Sequence[str]) -> list[Match]:
        """The terms one of whose forms has exactly these folded words (see :func:`key_of`).

        The extraction slides over a posting's tokens, folds them, and asks for each run of up
        to :attr:`longest` words; the sense of each match tells what else it must check.
        """
        probe = " ".join(key) + "\t"
        lines = self.index_lines
        i = bisect_left(lines, probe)
        if i >= len(lines) or not lines[i].startswith(probe):
            return []
        matches = []
        for ref in lines[i][len(probe) :].split(","):
            offset, _, position = ref.partition(".")
            term = self.term_at(int(offset))
            n = int(position)
            if n == 0:
                matches.append(Match(term, term.name, term.sense))
            else:
                matches.append(Match(term, term.aliases[n - 1], term.alias_senses[n - 1]))
        return matches

    def has_prefix(self, key: Sequence[str]) -> bool:
        """True when some form's folded words start with exactly these words.

        Keys sort as text and a tab or a space follows a key's last word, so the first line at
        or after the probe holds the prefix when any does.
        """
        probe = " ".join(key)
        lines = self.index_lines
        i = bisect_left(lines, probe)
        return (
            i < len(lines)
            and lines[i][len(probe) : len(probe) + 1] in (" ", "\t")
            and (lines[i].startswith(probe))
        )

    def lookup(self, phrase: str) -> list[Match]:
        """The terms a whole phrase names, whatever its case (senses are left to the caller)."""
        return self.term_index(key_of(phrase))

    def field_of_title(self, title: str) -> frozenset[str]:
        """The SOC major groups a job title belongs to; empty when no known title is in it.

        The whole title is tried first, then its longest runs of words that are a known title
        ("Senior Registered Nurse - ICU" -> "registered nurse" -> {"29"}); groups of equally
        long runs are united.
        """
        words = [fold(t.norm) for t in tokenize(title)]
        for size in range(len(words), 0, -1):
            found: set[str] = set()
            for start in range(len(words) - size + 1):
                groups = self.titles.get(" ".join(words[start : start + size]))
                if groups:
                    found |= groups
            if found:
                return frozenset(found)
        return frozenset()


_load_lock = threading.Lock()
_loaded: Taxonomy | None = None


def load_taxonomy() -> Taxonomy:
    """The taxonomy, read once per process (thread-safe; later calls return the same object)."""
    global _loaded  # noqa: PLW0603 - a process-wide cache guarded by the lock
    with _load_lock:
        if _loaded is None:
            header, index_text = _split_header(_read_text(INDEX_RESOURCE))
            _loaded = Taxonomy(
                terms_text=_read_text(TERMS_RESOURCE),
                index_lines=_lines(index_text),
                titles=TitleTable(_read_text(TITLES_RESOURCE)),
                longest=_longest(header),
            )
        return _loaded


def _longest(header: str) -> int:
    """The most words any form has, which the build writes in the index header."""
    _, _, value = header.rpartition("longest=")
    return int(value) if value.isdigit() else 12
