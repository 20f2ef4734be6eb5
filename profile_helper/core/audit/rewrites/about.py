"""Reading an About text sentence by sentence: which to keep, which prove something, which ask.

Plain rules, no model: a sentence is kept when it is in the first person, does not open weakly
("Responsible for…") and leans on at most one buzzword; it is proof when it carries a number
that is not a year; it is a call to action when it invites contact. Deterministic on purpose:
the same About always gives the same outline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from profile_helper.core.resources import limits

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+|^\s*[-•*·]\s+", re.MULTILINE)
_WEAK_OPENERS = (
    "responsible for",
    "assisted with",
    "helped with",
    "was involved in",
    "worked on",
    "duties included",
)
_BUZZWORDS = (
    "specialized",
    "leadership",
    "passionate",
    "strategic",
    "experienced",
    "focused",
    "expert",
    "certified",
    "creative",
    "excellent",
    "motivated",
    "driven",
    "innovative",
    "responsible",
    "effective",
    "analytical",
    "dynamic",
    "extensive experience",
    "track record",
    "results-driven",
    "team player",
    "go-getter",
)
# A metric: a percentage, an amount of money, a multiple, a large or grouped count. A bare
# four-digit year (2019) is not one.
_METRIC = re.compile(
    r"\d+(?:[.,]\d+)?\s?%"
    r"|[$€£¥]\s?\d"
    r"|\d+(?:[.,]\d+)?\s?(?:[kKmM]\b|[xX×]\b|×)"
    r"|\b\d{1,3}(?:,\d{3})+\b"
    r"|\b(?!(?:19|20)\d{2}\b)\d{2,}\+?\s+[a-zA-Z]"
    r"|\b[2-9]\d?\+?\s+(?:teams|people|engineers|clients|customers|users|projects|countries|"
    r"products|markets|languages|hires|reports)\b"
)
_CTA = re.compile(
    r"\b(reach out|get in touch|contact me|message me|drop me|let'?s (?:talk|connect|chat)|"
    r"happy to (?:talk|chat|connect)|feel free|say hello|e-?mail me|open to (?:talk|chat))",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(r"\b(I|I'm|I've|I'd|my|me|we|our)\b", re.IGNORECASE)


def split_sentences(text: str) -> list[str]:
    """The About's sentences and bullet points, trimmed, in order."""
    parts = (p.strip(" \t-•*·") for p in _SENTENCE_END.split(text or ""))
    return [p for p in parts if len(p) >= 3]


def has_metric(sentence: str) -> bool:
    return bool(_METRIC.search(sentence))


def buzzword_count(sentence: str) -> int:
    lowered = sentence.lower()
    return sum(1 for word in _BUZZWORDS if re.search(rf"\b{re.escape(word)}\b", lowered))


def is_good(sentence: str) -> bool:
    """Worth keeping as it is: first person, a strong opening, not a string of buzzwords."""
    lowered = sentence.lower()
    if any(lowered.startswith(opener) for opener in _WEAK_OPENERS):
        return False
    if buzzword_count(sentence) > 1 or len(sentence) > 320:
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
    if any(lowered.startswith(opener) for opener in _WEAK_OPENERS) or len(sentence) > 200:
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
        if _CTA.search(sentence):
            parts.call_to_action = parts.call_to_action or sentence
        elif has_metric(sentence) and not any(
            sentence.lower().startswith(o) for o in _WEAK_OPENERS
        ):
            parts.proof.append(sentence)
        elif not is_good(sentence):
            continue
        elif not parts.hook and len(sentence) <= limits()["about"]["see_more_desktop"]:
            parts.hook = sentence
        else:
            parts.what_i_do.append(sentence)
    return parts


def outcome_phrase(about: str, limit: int = 70) -> str:
    """A short result from the About ("Cut AWS costs by 38%") for a headline, or ''."""
    for raw in split_sentences(about):
        if not has_metric(raw):
            continue
        clauses = [c.strip() for c in re.split(r"[,;:–—]| and (?=[a-z]+ed\b)", raw) if c.strip()]
        for clause in clauses:
            if has_metric(clause) and len(clause) <= limit:
                phrase = re.sub(r"^(?:I|We)\s+(?:have\s+)?", "", clause).rstrip(".!")
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


def audience_phrase(about: str, limit: int = 40) -> str:
    """Who the person helps, in their own words ("logistics teams"), or ''."""
    for raw in split_sentences(about):
        for pattern in (_HELP, _FOR):
            hit = pattern.search(raw)
            if hit:
                who = re.sub(r"\s+", " ", hit.group("who")).strip()
                if 3 <= len(who) <= limit and not who.lower().startswith(("me ", "you")):
                    return who
    return ""
