"""Product names a posting asks for that no list holds: "PointClickCare", "FloQast", "XCTest".

A word with a capital inside it, after a lower-case letter, is a product's name as its maker
writes it; no English word and no town is written so. Only the parts that say what the job
needs are read, so the employer's own app, named in its paragraph about itself, is left out,
and so is a name the posting calls its own ("our Ironwood SafeStart program").
"""

from __future__ import annotations

import re

from profile_helper.core.audit.posting import Posting

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
    for match in _CAMEL.finditer(posting.needs_text):
        start = match.start()
        if posting.kind_at(start) not in asking or any(a <= start < b for a, b in taken):
            continue
        name = match.group(0)
        if _SURNAME.match(name) or _OURS.search(posting.needs_text, max(0, start - 60), start):
            continue
        count, first = found.get(name, (0, start))
        found[name] = (count + 1, first)
    return sorted(((n, c, f) for n, (c, f) in found.items()), key=lambda x: (-x[1], x[2]))
