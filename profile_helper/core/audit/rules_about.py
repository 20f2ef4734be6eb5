"""Rule checks on the About section: length, hook, metrics, voice, call to action, layout."""

from __future__ import annotations

import re

from profile_helper.core.audit.profile import Finding
from profile_helper.core.audit.rules_headline import buzzword_findings
from profile_helper.core.audit.text import normalize, paragraphs, sentences, words
from profile_helper.core.audit.word_lists import (
    has_metric,
    invites_contact,
    weak_opener_hits,
    word_list,
)
from profile_helper.core.resources import limits

_FIRST_PERSON = {"i", "i'm", "im", "my", "me", "mine", "myself", "we", "our"}
_THIRD_PERSON = {"he", "she", "his", "her", "hers", "him", "himself", "herself"}


def check_about(text: str) -> list[Finding]:
    """Findings for the About section."""
    lim = limits()["about"]
    if not text.strip():
        return [
            Finding(
                "about.empty",
                "about",
                "error",
                "Your About section is empty: it is where recruiters read what you do and for "
                "whom.",
                None,
                "Write three or four short paragraphs: a hook, what you do with which tools, a "
                "result with a number, and how to reach you.",
            )
        ]
    return [
        *_length(text, lim),
        *_hook(text, lim["see_more_desktop"]),
        *_evidence_and_voice(text),
        *buzzword_findings("about", text),
        *_weak_openers(text),
        *_wall_of_text(text, lim["paragraph_max"]),
    ]


def _length(text: str, lim: dict[str, int]) -> list[Finding]:
    if len(text) > lim["max_chars"]:
        return [
            Finding(
                "about.too_long",
                "about",
                "error",
                f"Your About section has {len(text)} characters; LinkedIn keeps "
                f"{lim['max_chars']}.",
                (lim["max_chars"], len(text)),
                f"Aim for {lim['ideal_min']:,}–{lim['ideal_max']:,} characters.",
            )
        ]
    if len(text.strip()) < lim["short_below"]:
        return [
            Finding(
                "about.short",
                "about",
                "warning",
                f"Your About section has {len(text.strip())} characters: too little to show "
                "what you do and prove it.",
                None,
                f"Aim for {lim['ideal_min']:,}–{lim['ideal_max']:,} characters in three or four "
                "short paragraphs.",
            )
        ]
    return []


def _evidence_and_voice(text: str) -> list[Finding]:
    """No result with a number, a third-person voice, no invitation to talk at the end."""
    found: list[Finding] = []
    if not has_metric(text):
        found.append(
            Finding(
                "about.no_metrics",
                "about",
                "warning",
                "No quantified result: nothing says how much, how many or how fast.",
                None,
                "Add one result with a number, e.g. “cut release time from 2 days to 3 hours” "
                "or “grew revenue 30%”.",
            )
        )
    said = words(text.replace("’", "'"))
    first = sum(w in _FIRST_PERSON for w in said)
    third = sum(w in _THIRD_PERSON for w in said)
    if first == 0 and third > 0:
        found.append(
            Finding(
                "about.third_person",
                "about",
                "warning",
                "Your About section speaks of you in the third person; on your own profile it "
                "reads as distant.",
                None,
                "Write in the first person: “I build…”, not “Jane builds…”.",
            )
        )
    if len(text.strip()) >= 200 and not invites_contact(text[-300:]):
        found.append(
            Finding(
                "about.no_call_to_action",
                "about",
                "tip",
                "The About section ends without telling the reader what to do next.",
                None,
                "Close with one line such as “Message me if you are hiring for …” or “Let's "
                "connect: jane@example.com”.",
            )
        )
    return found


def _weak_openers(text: str) -> list[Finding]:
    verbs = ", ".join(sorted(word_list("strong_verbs")))
    return [
        Finding(
            "about.weak_opener",
            "about",
            "warning",
            f"“{text[hit.start : hit.end]}” describes a duty, not what you achieved.",
            (hit.start, hit.end),
            f"Start with what you did and its result, using a verb such as {verbs}.",
        )
        for hit in weak_opener_hits(text)
    ]


def _wall_of_text(text: str, paragraph_max: int) -> list[Finding]:
    longest = max(paragraphs(text), key=lambda p: p[1] - p[0])
    if longest[1] - longest[0] <= paragraph_max:
        return []
    return [
        Finding(
            "about.wall_of_text",
            "about",
            "warning",
            f"One paragraph runs {longest[1] - longest[0]} characters; on a phone that is a "
            "wall of text.",
            longest,
            f"Break it into paragraphs of at most {paragraph_max} characters, one idea each.",
        )
    ]


def _hook(text: str, see_more: int) -> list[Finding]:
    start = len(text) - len(text.lstrip())
    spans = sentences(text)
    first_end = spans[0][1] if spans else len(text)
    opening = normalize(text[start : start + 40])
    weak = sorted(
        (p for p in word_list("weak_hooks") if re.match(re.escape(p) + r"\b", opening)),
        key=len,
    )
    if weak:
        return [
            Finding(
                "about.weak_hook",
                "about",
                "warning",
                f"The About section opens with “{text[start : start + len(weak[-1])]}”: the "
                "first lines before “see more” should make a recruiter want to read on.",
                (start, first_end),
                "Open with what you do and for whom, and a result, e.g. “I help fintechs ship "
                "secure payment APIs; last year mine handled €2B.”",
            )
        ]
    if first_end - start > see_more:
        return [
            Finding(
                "about.weak_hook",
                "about",
                "warning",
                f"The first sentence runs past the {see_more} characters shown before “see "
                "more”, so the hook is cut off.",
                (start, first_end),
                "Make the first sentence short and concrete: what you do, for whom, a result.",
            )
        ]
    return []
