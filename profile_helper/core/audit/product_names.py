"""Product names a posting asks for that no list holds: "PointClickCare", "FloQast", "XCTest".

A word with a capital inside it, after a lower-case letter, is a product's name as its maker
writes it; no English word and no town is written so. Only the parts that say what the job
needs are read, so the employer's own app, named in its paragraph about itself, is left out,
and so is a name the posting calls its own ("our Ironwood SafeStart program").

A name written in plain capitals is a product too where an item of a list of duties or
requirements says it is the system the work is done in: "enter grades in Skyward.", "deploy
laptops with Microsoft Intune;", "experience with Gong, Outreach or ZoomInfo": a capitalised
name after "in", "with", "using" or "into" that closes its clause, or a list of such names (see
:func:`system_names`).
"""

from __future__ import annotations

import re

from profile_helper.core.audit.need_phrases import in_list_item
from profile_helper.core.audit.posting import Posting
from profile_helper.core.audit.vocabulary import fold
from profile_helper.core.audit.word_lists import word_list

_ASKING = frozenset({"duties", "requirements", "preferred"})
# A capital inside a word: "PointClickCare", "ServiceNow" (words run together), "iPhone",
# "jQuery" (one lower-case letter first), "XCTest", "MLflow" (capitals, then a word). Plural
# acronyms ("RFIs", "CNAs") and "Mc" names ("McAllen") are not products.
_CAMEL = re.compile(
    r"(?<![\w.@/])(?:[A-Z][a-z]+(?:[A-Z][a-z0-9]+)+|[a-z][A-Z][a-z]+[A-Za-z0-9]*"
    r"|[A-Z]{2,}[a-z]{2,}[A-Za-z0-9]*)(?![\w@])"
)
_SURNAME = re.compile(r"Ma?c[A-Z]")
# "our Ironwood SafeStart program": a name the employer calls its own is its own programme or
# product, not something a candidate brings.
_OURS = re.compile(r"\b[Oo]ur(?:[ \t]+[A-Z][\w&-]*){0,2}[ \t]+$")


def product_names(posting: Posting, taken: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """Each product name with its count and first place, outside the ``taken`` spans."""
    asking = _ASKING if posting.headed else _ASKING | {"other"}
    found: dict[str, tuple[int, int]] = {}
    spans = [m.span() for m in _CAMEL.finditer(posting.needs_text)]
    spans += system_names(posting.needs_text)
    for start, end in sorted(spans):
        if posting.kind_at(start) not in asking or any(a <= start < b for a, b in taken):
            continue
        name = posting.needs_text[start:end]
        if _SURNAME.match(name) or _OURS.search(posting.needs_text, max(0, start - 60), start):
            continue
        count, first = found.get(name, (0, start))
        found[name] = (count + 1, first)
    return sorted(((n, c, f) for n, (c, f) in found.items()), key=lambda x: (-x[1], x[2]))


# A name's word: a capital, then letters or digits ("Skyward", "365", "GA4"); a name is up to
# five of them ("Microsoft Dynamics 365 Business Central").
_WORD = r"(?:[A-Z][A-Za-z0-9&+-]{0,30}|[0-9]{1,4})"
_SYSTEM_NAME = rf"{_WORD}(?:[ ]{_WORD}){{0,4}}"
# "in Skyward", "with Microsoft Intune", "using Google Search Console", "(Accela)": the word
# before says the name is what the work is done in or with. One plain space after it: a blanked
# name (the employer's) leaves a run of spaces, and a line break starts something else.
_SYSTEM = re.compile(
    rf"(?:\b(?:in|with|using|into|via)[ ]|\()(?P<names>{_SYSTEM_NAME}"
    rf"(?:(?:,[ ]|,?[ ](?:or|and)[ ]){_SYSTEM_NAME})*)"
    # ... and the name closes its phrase, at a stop or a conjunction ("with Screaming Frog and
    # fix ..."): "in Skyward at least weekly" names no system for sure.
    r"(?=[ \t]*(?:[.,;:)]|$|[ ]\(|[ ](?:and|or)[ ][a-z]))",
    re.M,
)
_LIST_SEPARATOR = re.compile(r",[ ]|,?[ ](?:or|and)[ ]")
# "a degree in Accounting or Finance", "Bachelor of Science in Nursing": fields of study.
_STUDIED = re.compile(
    r"\b(?:degree|diploma|bachelor\S*|master\S*|associate\S*|science|arts|major)[ ]in[ ]$",
    re.IGNORECASE,
)


def system_names(text: str) -> list[tuple[int, int]]:
    """The spans of names a text gives as the systems its work is done in or with.

    A name of acronyms only ("in ICU", "with SAP") is left to the acronyms; one whose last word
    is a role ("with Sales Engineers") names people, not a system; a name after a degree ("a
    degree in Accounting") is a field of study, which the Education section shows. Only items of
    a list are read: prose tells a story around the needs, and its "in Hamburg" is a place.
    """
    roles = word_list("roles")
    spans: list[tuple[int, int]] = []
    for match in _SYSTEM.finditer(text):
        at = match.start("names")
        if _STUDIED.search(text, max(0, at - 40), at) or not in_list_item(text, at):
            continue
        for part in _LIST_SEPARATOR.split(match.group("names")):
            start = text.index(part, at)
            at = start + len(part)
            words = part.split()
            if all(w.isupper() or w.isdigit() for w in words):
                continue
            last = words[-1].lower()
            if last in roles or fold(last) in roles:
                continue
            spans.append((start, start + len(part)))
    return spans
