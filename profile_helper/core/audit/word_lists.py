"""The one home of the audit's word lists, and of what counts as a buzzword, a weak opener, a
result with a number and an invitation to get in touch.

The rules (``rules_headline``, ``rules_about``) and the rewrite suggestions (``rewrites/``) both
ask here, so a sentence the audit flags is never kept as good by a rewrite. Every function is
pure and runs in time linear in the text: no pattern here can backtrack over a run of digits.
"""

from __future__ import annotations

import re
from functools import cache

from profile_helper.core.audit.phrases import PhraseHit, find_phrases
from profile_helper.core.audit.text import normalize
from profile_helper.core.resources import read_text


@cache
def word_list(name: str) -> frozenset[str]:
    """A set of lower-case words or phrases from ``resources/audit/NAME.txt``."""
    lines = read_text(f"audit/{name}.txt").splitlines()
    return frozenset(
        normalize(line.strip()) for line in lines if line.strip() and not line.startswith("# ")
    )


# -- buzzwords and weak openers --------------------------------------------------------------

# "certified" says nothing on its own, but "certified forklift trainer" or "certified in ACLS"
# names what was certified: that is evidence, not a buzzword.
_SPECIFIED_AFTER = {"certified"}
# "track record" followed by a number ("track record of 40 placements") is backed up.
_BACKED_BY_NUMBER = {"track record", "proven track record"}
_NUMBER_SOON = re.compile(r"[^.!?\n]{0,60}?\d")
_PURPOSE_AFTER = re.compile(r"[ \t]+(?:to|as|for|on)[ \t]+[^\W\d_]")
_WORD_BEFORE = re.compile(r"([^\W_][\w+#/&-]*)[ \t]+$")
# Words before "certified" that say nothing about what: "I am certified", "fully certified".
_NOT_A_SUBJECT = frozenset(
    [
        "am",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "i'm",
        "im",
        "fully",
        "highly",
        "also",
        "and",
        "a",
        "an",
        "the",
        "not",
        "now",
        "newly",
        "recently",
        "board",
        "i",
    ]
)
_WORD_AFTER = re.compile(r"[ \t]+(?:in[ \t]+)?([^\W\d_][\w+#/&-]*)")


def _specified(text: str, hit: PhraseHit) -> bool:
    """True when the buzzword is followed by what it qualifies, or by a number that backs it."""
    phrase = normalize(hit.phrase)
    if phrase in _BACKED_BY_NUMBER:
        return _NUMBER_SOON.match(text, hit.end) is not None
    if phrase in _SPECIFIED_AFTER:
        # "certified forklift trainer", "certified in ACLS", "certified to give vaccines", and
        # what was certified written first: "Forklift certified", "ServSafe Manager certified".
        if _PURPOSE_AFTER.match(text, hit.end):
            return True
        after = _WORD_AFTER.match(text, hit.end)
        if after is not None and after.group(1).lower() not in word_list("stopwords"):
            return True
        before = _WORD_BEFORE.search(text, 0, hit.start)
        return before is not None and before.group(1).lower() not in _NOT_A_SUBJECT
    return False


def weak_opener_hits(text: str) -> list[PhraseHit]:
    """Each "Responsible for", "Helped with"... in ``text``."""
    return find_phrases(text, word_list("weak_openers"))


def buzzword_hits(text: str) -> list[PhraseHit]:
    """Each overused word that nothing in its sentence backs up, outside weak openers."""
    openers = [(h.start, h.end) for h in weak_opener_hits(text)]
    return [
        hit
        for hit in find_phrases(text, word_list("buzzwords"))
        if not any(start <= hit.start < end for start, end in openers) and not _specified(text, hit)
    ]


def opens_weakly(sentence: str) -> bool:
    """True when the sentence starts with a weak opener ("Responsible for ...")."""
    lead = len(sentence) - len(sentence.lstrip(" \t-•*·"))
    return any(hit.start == lead for hit in weak_opener_hits(sentence))


# -- results with a number --------------------------------------------------------------------

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_UNIT_AFTER = re.compile(
    r"\s?(?:%|percent\b|k\b|m\b|bn\b|mn\b|million\b|billion\b|thousand\b|[x×](?![\w]))",
    re.IGNORECASE,
)
_WORD_NEXT = re.compile(r"\+?(?:\s+|-)[^\W\d_]")
# How long someone has done a thing is experience, not a result: "6 years of experience".
# "from 6 months to 2 weeks" is a result, so only a span of a career counts as experience.
_DURATION_NEXT = re.compile(
    r"\+?\s+(?:years?|yrs?|months?)\b(?:\s+(?:of|in|as|at|with|on)\b|\s*[.,;]|\s*$)",
    re.IGNORECASE,
)
_CURRENCY = "$€£¥₹"
_YEAR = re.compile(r"(?:19|20)\d\d")


def metric_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` quantifies something: a percentage, money, a multiple, a count of things.

    A four-digit year on its own ("since 2019") is not a result. Numbers are found first and
    their surroundings looked at afterwards, so the time is linear in the text's length.
    """
    spans: list[tuple[int, int]] = []
    for number in _NUMBER.finditer(text):
        start, end = number.span()
        prev = text[start - 1] if start else ""
        if prev in "×xX" and prev and (start < 2 or not text[start - 2].isalnum()):
            spans.append((start - 1, end))  # "x3"
            continue
        sign = start - 2 if prev == " " and start >= 2 else start - 1
        if sign >= 0 and text[sign] in _CURRENCY:
            spans.append((sign, end))  # "$1.1M", "€ 40"
            continue
        unit = _UNIT_AFTER.match(text, end)
        if unit:
            spans.append((start, unit.end()))
            continue
        if _YEAR.fullmatch(number.group()) or prev.isalnum() or (prev in "-/" and start >= 2):
            continue  # a year, or part of a name: "COVID-19", "24/7", "B2B"
        if _WORD_NEXT.match(text, end) and not _DURATION_NEXT.match(text, end):
            spans.append((start, end))
    return spans


def has_metric(text: str) -> bool:
    return bool(metric_spans(text))


# -- invitations to get in touch ---------------------------------------------------------------

# An e-mail address or a link is an invitation to get in touch. Possessive-free and anchored on
# "@" or the scheme, so it stays linear on long runs of letters or dots.
_CONTACT = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}\.\w|https?://\S|www\.\S")


def invites_contact(text: str) -> bool:
    """True when ``text`` invites the reader to talk: "let's talk", "DM me", an e-mail address."""
    return bool(find_phrases(text, word_list("call_to_action")) or _CONTACT.search(text))


# -- results as clauses ------------------------------------------------------------------------

# Past forms that do not end in "-ed": a result clause opens with one ("Cut costs by 38%").
_IRREGULAR_PAST = frozenset(
    [
        "cut",
        "grew",
        "ran",
        "won",
        "built",
        "led",
        "sold",
        "kept",
        "set",
        "made",
        "took",
        "hit",
        "beat",
        "brought",
        "taught",
        "drove",
        "wrote",
        "held",
        "got",
        "went",
        "spent",
        "rebuilt",
        "rewrote",
        "shipped",
    ]
)
_SUBJECT = re.compile(r"^(?:I|We)(?:'ve|\s+have)?\s+", re.IGNORECASE)


def opens_with_action(clause: str) -> bool:
    """True when ``clause`` (after an "I" or "We") opens with a past-tense action verb, so it
    reads as a whole result ("Cut AWS costs by 38%"), not a fragment ("The last four ...")."""
    words = _SUBJECT.sub("", clause.strip()).split()
    if not words:
        return False
    first = words[0].lower().strip(",.;:")
    return (
        first in _IRREGULAR_PAST
        or first in word_list("strong_verbs")
        or (first.endswith("ed") and len(first) > 4)
    )


# -- what a posting offers or asks for that is not a skill --------------------------------------

_DEGREE = re.compile(
    r"\b(?:bachelor'?s?|master'?s?|degree|diploma|ged|bsn|msn|mba|phd|ph\.d\.|associate'?s)\b",
    re.IGNORECASE,
)


# "401(k)" and "403(b)" do not survive tokenising into words.
_RETIREMENT_PLAN = re.compile(r"\b40[13]\s?\([kb]\)", re.IGNORECASE)


def is_degree(text: str) -> bool:
    """True for a degree ("Bachelor's degree", "MBA", "GED"): Education shows it, not Skills."""
    return normalize(text.strip()) in word_list("degrees") or bool(_DEGREE.search(text))


def is_benefit(text: str) -> bool:
    """True for something an employer offers ("dental insurance", "exam fees", "401(k)")."""
    return bool(find_phrases(text, word_list("benefits")) or _RETIREMENT_PLAN.search(text))
