"""Reading an About text sentence by sentence: which to keep, which prove something, which ask.

Plain rules, no model: a sentence is kept when it is in the first person, does not open weakly
("Responsible for…") and leans on at most one buzzword; it is proof when it carries a number
that is not a year; it is a call to action when it invites contact. Deterministic on purpose:
the same About always gives the same outline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from profile_helper.core.audit.word_lists import (
    buzzword_hits,
    has_metric,
    invites_contact,
    opens_weakly,
    opens_with_action,
    weak_opener_hits,
)
from profile_helper.core.resources import limits

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+|^\s*[-•*·]\s+", re.MULTILINE)
_FIRST_PERSON = re.compile(r"\b(I|I'm|I've|I'd|my|me|we|our)\b", re.IGNORECASE)


def split_sentences(text: str) -> list[str]:
    """The About's sentences and bullet points, trimmed, in order."""
    parts = (p.strip(" \t-•*·") for p in _SENTENCE_END.split(text or ""))
    return [p for p in parts if len(p) >= 3]


def is_good(sentence: str) -> bool:
    """Worth keeping as it is: first person, a strong opening, nothing the audit flags."""
    if weak_opener_hits(sentence) or buzzword_hits(sentence) or len(sentence) > 320:
        return False
    return bool(_FIRST_PERSON.search(sentence))


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text[-1:] in ".!?" else f"{text}."


@dataclass
class AboutParts:
    """The person's own sentences sorted into the outline's four parts."""

    hook: str = ""
    what_i_do: list[str] = field(default_factory=list)
    proof: list[str] = field(default_factory=list)
    call_to_action: str = ""


_THIRD_PERSON = re.compile(r"\b(he|she|his|her|hers|they|their|them)\b", re.IGNORECASE)
# A sentence with one of these has its own subject and verb: it is not a bare title.
_VERB = re.compile(
    r"\b(is|are|was|were|has|have|had|does|did|will|would|can|could|shall|should)\b",
    re.IGNORECASE,
)
_DETERMINERS = {"the", "this", "that", "these", "those", "our", "a", "an", "my", "your"}


def first_person(sentence: str, role: str) -> str:
    """A title-like fragment about the person ("Caring ICU nurse with 6 years of experience.")
    as a first-person sentence ("I'm a caring ICU nurse with ..."), or the sentence unchanged.

    Only when the fragment names the role's own noun early and speaks of no one else, so a
    sentence about a team or a third person is never turned into a claim about "I".
    """
    words = role.split()
    if not words or _FIRST_PERSON.search(sentence) or _THIRD_PERSON.search(sentence):
        return sentence
    lowered = sentence.lower()
    if opens_weakly(sentence) or len(sentence) > 200:
        return sentence
    if _VERB.search(sentence) or lowered.split()[0] in _DETERMINERS:
        return sentence
    head = words[-1].lower()
    if not re.search(rf"\b{re.escape(head)}\b", " ".join(lowered.split()[:5])):
        return sentence
    first, _, rest = sentence.partition(" ")
    if first[1:].islower():  # "Caring" reads as "caring"; "ICU" stays as written
        first = first.lower()
    article = "an" if first[:1].lower() in "aeiou" else "a"
    opening = "I've been" if re.search(r"\bsince\b", lowered) else "I'm"
    return f"{opening} {article} {first} {rest}".strip()


def sort_sentences(about: str, role: str = "") -> AboutParts:
    """The About's sentences sorted into hook, what I do, proof and call to action.

    ``role`` lets a title-like fragment about the person be kept in the first person.
    """
    parts = AboutParts()
    for raw in split_sentences(about):
        sentence = first_person(_sentence(raw), role)
        if invites_contact(sentence):
            parts.call_to_action = parts.call_to_action or sentence
        elif has_metric(sentence) and not opens_weakly(sentence):
            parts.proof.append(sentence)
        elif not is_good(sentence):
            continue
        elif not parts.hook and len(sentence) <= limits()["about"]["see_more_desktop"]:
            parts.hook = sentence
        else:
            parts.what_i_do.append(sentence)
    return parts


# Clauses split at semicolons and spaced dashes only: a comma may sit inside a number
# ("30,000") or join a list, and a result cut there is a fragment.
_CLAUSES = re.compile(r";|\s[–—-]\s|:\s")


def outcome_phrase(about: str, limit: int = 90) -> str:
    """A result from the About as a whole clause, its numbers intact ("Cut AWS costs by 38%"),
    or ''. Only a clause that opens with an action is taken, so no fragment becomes a claim."""
    for raw in split_sentences(about):
        if not has_metric(raw):
            continue
        for clause in (c.strip() for c in _CLAUSES.split(raw)):
            if not has_metric(clause) or len(clause) > limit or not opens_with_action(clause):
                continue
            phrase = re.sub(r"^(?:I|We)(?:'ve|\s+have)?\s+", "", clause).rstrip(".!,;: ")
            phrase = re.sub(r",?\s+(?:and (?:much )?more|etc\.?)$", "", phrase)
            return phrase[:1].upper() + phrase[1:]
    return ""


_AUDIENCE_NOUNS = (
    r"teams|companies|startups|start-ups|scale-ups|clients|customers|businesses|brands|"
    r"founders|retailers|banks|hospitals|clinics|schools|universities|nonprofits|non-profits|"
    r"charities|agencies|organisations|organizations|engineers|developers|designers|marketers|"
    r"leaders|executives|owners|patients|students|families|people|firms|manufacturers|insurers"
)
_HELP = re.compile(
    r"\b(?:I|we)\s+help\s+(?P<who>[^.,;:!?]+?)(?=\s+(?:to|by|with|get|turn|"
    r"build|grow|ship|make|find|cut|reduce|save)\b|[.,;:!?]|$)",
    re.IGNORECASE,
)
_FOR = re.compile(
    rf"\bfor\s+(?P<who>(?:[\w&'-]+\s+){{0,3}}?(?:{_AUDIENCE_NOUNS}))\b", re.IGNORECASE
)


_AUDIENCE_END = re.compile(rf"\b(?:{_AUDIENCE_NOUNS})$", re.IGNORECASE)


def audience_phrase(about: str, limit: int = 40) -> str:
    """Who the person helps, in their own words ("logistics teams"), or ''."""
    for raw in split_sentences(about):
        for pattern in (_HELP, _FOR):
            hit = pattern.search(raw)
            if hit:
                who = re.sub(r"\s+", " ", hit.group("who")).strip()
                # "I help lead the forecast" names a task, not the people helped.
                if not _AUDIENCE_END.search(who):
                    continue
                if 3 <= len(who) <= limit and not who.lower().startswith(("me ", "you")):
                    return who
    return ""
