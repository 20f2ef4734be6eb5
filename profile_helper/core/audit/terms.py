"""The broad vocabulary's terms named in a text: software, tools, knowledge, licences.

The hand-kept skills list (``vocabulary``) is looked at first, since its aliases know the
shorthand people write ("k8s"); this module adds what only the broad vocabulary compiled from
O*NET and the certifications list knows ("forklifts", "ServSafe", "CDL Class A", "Epic").
Longest name first, left to right, never across punctuation, never over a span the hand list
already named. A name marked ``exact_case`` must be written as the vocabulary writes it; one
marked ``context`` must also belong to the text's field (see :mod:`senses`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from profile_helper.core.audit.senses import fields_agree
from profile_helper.core.audit.taxonomy import Match, Taxonomy, load_taxonomy, same_case
from profile_helper.core.audit.text import Token
from profile_helper.core.audit.vocabulary import adjacent, fold
from profile_helper.core.audit.word_lists import word_list

# Longer names are product editions ("Microsoft Dynamics 365 Business Central Online"); the
# words a posting uses are found by their shorter forms.
MAX_WORDS = 6


@dataclass(frozen=True)
class TermHit:
    """A term found in a text: its canonical name, its kind, the words as written, the span."""

    name: str
    kind: str
    text: str
    start: int
    end: int


def find_terms(
    text: str,
    tokens: Sequence[Token],
    taken: Sequence[tuple[int, int]] = (),
    fields: frozenset[str] | None = None,
    taxonomy: Taxonomy | None = None,
) -> list[TermHit]:
    """Every term of the broad vocabulary named in ``text`` outside the ``taken`` spans.

    ``fields`` are the text's occupational fields (SOC major groups); ``None`` accepts a
    ``context`` term from any field (a profile, read against a job already checked).
    """
    tax = taxonomy or load_taxonomy()
    tokens = _split_slashes(tokens, tax)
    folded = [fold(t.norm) for t in tokens]
    free = _free(tokens, taken)
    hits: list[TermHit] = []
    i = 0
    longest = min(tax.longest, MAX_WORDS)
    while i < len(tokens):
        if not free[i] or not tax.has_prefix(folded[i : i + 1]):
            i += 1
            continue
        found = _longest_at(text, tokens, folded, i, longest=longest, fields=fields, tax=tax)
        if found is None:
            i += 1
            continue
        hits.append(found[0])
        i += found[1]
    return hits


def _split_slashes(tokens: Sequence[Token], tax: Taxonomy) -> Sequence[Token]:
    """The words with each slash-joined word no term starts with cut into its parts:
    "CPR/BLS certification" names BLS certification (and CPR); "TCP/IP" stays whole."""
    if not any("/" in t.text for t in tokens):
        return tokens
    out: list[Token] = []
    for tok in tokens:
        if "/" not in tok.text or tax.has_prefix((fold(tok.norm),)):
            out.append(tok)
            continue
        at = tok.start
        for piece, norm in zip(tok.text.split("/"), tok.norm.split("/"), strict=True):
            if piece:
                out.append(Token(piece, norm, at, at + len(piece)))
            at += len(piece) + 1
    return out


def _free(tokens: Sequence[Token], taken: Sequence[tuple[int, int]]) -> list[bool]:
    """For each token, whether it lies outside every taken span (one pass over both)."""
    spans = sorted(taken)
    free = []
    k = 0
    for tok in tokens:
        while k < len(spans) and spans[k][1] <= tok.start:
            k += 1
        free.append(not (k < len(spans) and spans[k][0] <= tok.start < spans[k][1]))
    return free


def _longest_at(
    text: str,
    tokens: Sequence[Token],
    folded: list[str],
    i: int,
    *,
    longest: int,
    fields: frozenset[str] | None,
    tax: Taxonomy,
) -> tuple[TermHit, int] | None:
    reach = 1
    while reach < min(longest, len(tokens) - i) and tax.has_prefix(folded[i : i + reach + 1]):
        reach += 1
    for n in range(reach, 0, -1):
        if not adjacent(tokens, i, n, text):
            continue
        matches = tax.term_index(tuple(folded[i : i + n]))
        if not matches:
            continue
        written = [t.text for t in tokens[i : i + n]]
        if n == 1 and (_too_plain(text, tokens[i]) or _opens_prose(text, tokens, i)):
            continue
        for match in matches:
            if _fits(match, written, fields):
                start, end = tokens[i].start, tokens[i + n - 1].end
                term = match.term
                return TermHit(term.name, term.kind, text[start:end], start, end), n
    return None


def _fits(match: Match, written: list[str], fields: frozenset[str] | None) -> bool:
    """Whether the words as written name this match's term in a text of these fields."""
    if not match.accepts(written):
        return False
    # "grill" in a cook's posting is the Grills of the cook's own field, written as everyday
    # words are; in another field it is a word.
    one_word = len(written) == 1
    if (
        one_word
        and not _case_fits(match.form, written[0])
        and not _field_tool(match, written[0], fields)
    ):
        return False
    if match.term.kind == "skill" and _lower_for_a_name(match.form, written):
        return False
    foreign = fields is not None and not fields_agree(match.term.fields, fields)
    return not (match.sense == "context" and foreign)


def _field_tool(match: Match, written: str, fields: frozenset[str] | None) -> bool:
    """True for a one-word tool of the text's own field written in lower case ("grill",
    "forklift"): the taxonomy capitalises the names of tools as it does products'."""
    term = match.term
    return (
        term.kind == "tool"
        and written.islower()
        and not match.sense
        and bool(fields)
        and bool(term.fields)
        and fields_agree(term.fields, fields or frozenset())
    )


def _too_plain(text: str, token: Token) -> bool:
    """True for a one-word name too general to be a keyword on its own ("monitoring")."""
    return fold(token.norm) in word_list("generic_words")


def _lower_for_a_name(form: str, written: Sequence[str]) -> bool:
    """True when a software product's name ("After the Deadline") is written all in lower case:
    then it is everyday words ("after the deadline"), not the product."""
    return not form.islower() and all(word.islower() for word in written)


def _opens_prose(text: str, tokens: Sequence[Token], i: int) -> bool:
    """True for a capitalised word that opens a sentence or a bullet before a lower-case word
    ("Analyze trends", "Design lessons"): the capital is the sentence's, not a name's."""
    word = tokens[i].text
    if word.isupper() or i + 1 >= len(tokens):
        return False
    before = text[: tokens[i].start].rstrip(" \t")
    opens = not before or before[-1] in ".!?:;\n•*-–—·▪"
    gap = text[tokens[i].end : tokens[i + 1].start]
    return opens and gap == " " and tokens[i + 1].text[:1].islower()


def _case_fits(form: str, written: str) -> bool:
    """A one-word product name written with capitals ("Acuity", "Advanced") is that product only
    when written so and not just because it opens a sentence; an acronym always is, in the
    plural too ("IEPs")."""
    if form.islower() or (written.isupper() and len(written) > 1):
        return form.islower() or written == form
    return same_case(form, written)
