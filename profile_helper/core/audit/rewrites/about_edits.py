"""The About rewritten in place: the person's paragraphs, order, numbers and voice kept.

Only what the audit flags is changed: a weak opener becomes a plain first-person verb, an empty
adjective the audit calls a buzzword is dropped, and a closing line that invites contact is
added when there is none. Each change is an :class:`AboutEdit` the front ends show in the
side-by-side diff and can undo one by one; what needs the person's own facts (a result with a
number, evidence for "leadership") is a note, never a placeholder in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from profile_helper.core.audit.word_lists import (
    buzzword_hits,
    has_metric,
    invites_contact,
    weak_opener_hits,
)

# What a weak opener becomes: at the start of a sentence (first person) and inside one.
_OPENERS: dict[str, tuple[str, str]] = {
    "responsible for": ("I was in charge of", "in charge of"),
    "assisted with": ("I supported", "supported"),
    "assisted in": ("I supported", "supported"),
    "helped with": ("I supported", "supported"),
    "was involved in": ("I took part in", "took part in"),
    "worked on": ("I contributed to", "contributed to"),
    "duties included": ("My work included", "my work included"),
}
# Buzzwords that only decorate the noun after them: dropping them loses nothing.
_DECORATIONS = frozenset(
    [
        "passionate",
        "motivated",
        "driven",
        "dynamic",
        "innovative",
        "results-driven",
        "self-motivated",
        "hard-working",
        "hardworking",
        "detail-oriented",
    ]
)


@dataclass(frozen=True)
class AboutEdit:
    """One change: ``before`` (a span of the original About) became ``after``."""

    kind: str
    start: int
    end: int
    before: str
    after: str
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "span": [self.start, self.end],
            "before": self.before,
            "after": self.after,
            "reason": self.reason,
        }


@dataclass
class AboutRewrite:
    text: str
    edits: list[AboutEdit] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def apply_edits(about: str, edits: list[AboutEdit]) -> str:
    """``about`` with ``edits`` applied (spans of the original, applied from the end)."""
    text = about
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[: edit.start] + edit.after + text[edit.end :]
    return text


def _sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \t")
    return not before or before[-1] in ".!?\n•*·-"


def _opener_edits(about: str) -> list[AboutEdit]:
    edits = []
    for hit in weak_opener_hits(about):
        phrase = about[hit.start : hit.end]
        forms = _OPENERS.get(phrase.lower())
        if forms is None:
            continue
        start, end = hit.start, hit.end
        at_start = _sentence_start(about, start)
        # "I was responsible for" keeps its own subject: only the opener is replaced.
        subject = re.search(r"\b(?:I|I was|I have|I've)\s+$", about[:start])
        if subject and forms[0].startswith("I "):
            start = subject.start()
            at_start = _sentence_start(about, start)
        after = forms[0] if at_start or subject else forms[1]
        edits.append(
            AboutEdit(
                "weak_opener",
                start,
                end,
                about[start:end],
                after,
                f"“{phrase}” is a weak opener; say what you did.",
            )
        )
    return edits


def _buzzword_edits(about: str) -> tuple[list[AboutEdit], list[str]]:
    """Empty adjectives dropped (runs of them as one edit), the rest noted for evidence."""
    cuts: list[list[int]] = []  # [start, end] of each run of dropped words
    words: list[list[str]] = []
    notes = []
    for hit in buzzword_hits(about):
        word = about[hit.start : hit.end]
        gap = re.match(r",?\s+(?:and\s+)?", about[hit.end :])
        follows = about[hit.end + gap.end() :][:1] if gap else ""
        if word.lower() in _DECORATIONS and gap and follows.isalpha():
            end = hit.end + gap.end()
            if cuts and cuts[-1][1] == hit.start:  # "Passionate, driven and ..." is one cut
                cuts[-1][1] = end
                words[-1].append(word)
            else:
                cuts.append([hit.start, end])
                words.append([word])
        else:
            notes.append(f"“{word}”: back it with a result, a tool or a number.")
    edits = [_cut(about, start, end, said) for (start, end), said in zip(cuts, words, strict=True)]
    return edits, notes


def _cut(about: str, start: int, end: int, said: list[str]) -> AboutEdit:
    """Drop ``about[start:end]``, mending the article before it or the capital after it."""
    after = ""
    rest = about[end:]
    article = re.search(r"\b(an?)\s+$", about[:start], re.IGNORECASE)
    if article:  # "a passionate nurse" -> "a nurse"; "an innovative team" -> "a team"
        start = article.start()
        capital = article.group(1)[0] == "A"
        word = "an" if rest[:1].lower() in "aeiou" else "a"
        after = f"{word.capitalize() if capital else word} "
    elif _sentence_start(about, start) and rest[:1].islower():
        end += 1  # "Passionate team player." -> "Team player."
        after = rest[:1].upper()
    quoted = ", ".join(f"“{w}”" for w in said)
    return AboutEdit(
        "buzzword",
        start,
        end,
        about[start:end],
        after,
        f"{quoted}: words LinkedIn calls overused; the rest of the sentence says it better.",
    )


def _signature(text: str) -> int | None:
    """Where a closing signature line starts ("Maria Santos, BSN, RN"), or None: a short last
    paragraph with no sentence in it."""
    cut = text.rfind("\n\n")
    last = text[cut + 2 :] if cut >= 0 else ""
    if cut < 0 or len(last) > 60 or "\n" in last or last.rstrip()[-1:] in ".!?:":
        return None
    return cut + 2


def rewrite_about(about: str, role: str) -> AboutRewrite:
    """The About with only the audit's findings fixed, and the changes that did it."""
    if not about.strip():
        return AboutRewrite(
            "",
            [],
            [
                "Write three or four short paragraphs: what you do, for "
                "whom, one result with a number, and how to reach you."
            ],
        )
    edits = _opener_edits(about)
    buzz, notes = _buzzword_edits(about)
    taken = [(e.start, e.end) for e in edits]
    edits += [b for b in buzz if not any(s < b.end and b.start < e for s, e in taken)]
    if not has_metric(about):
        notes.append("Add one result with a number: what you improved, by how much, for whom.")
    if not invites_contact(about):
        closing = f"If you're hiring for {role} roles, I'd be glad to talk: send me a message here."
        end = len(about.rstrip())
        signature = _signature(about[:end])
        if signature is not None:  # the invitation goes above "Maria Santos, BSN, RN"
            edits.append(
                AboutEdit(
                    "call_to_action",
                    signature,
                    signature,
                    "",
                    f"{closing}\n\n",
                    "No closing line invites the reader to get in touch.",
                )
            )
        else:
            edits.append(
                AboutEdit(
                    "call_to_action",
                    end,
                    len(about),
                    about[end:],
                    f"\n\n{closing}",
                    "No closing line invites the reader to get in touch.",
                )
            )
    edits.sort(key=lambda e: e.start)
    return AboutRewrite(apply_edits(about, edits), edits, notes)
