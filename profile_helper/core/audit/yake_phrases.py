"""YAKE's phrases for a text, and which of them read as a skill.

YAKE ranks phrases by statistics alone: it favours a company's name and its town (early, often
capitalised) and splits "CI/CD" or "ISO 27001". The extraction asks it only for the domain
phrases no list can hold, and keeps those that look like a skill: two or three plain lower-case
words, no verb, no role noun, none of the filler words.
"""

from __future__ import annotations

import re

from profile_helper.core.audit.job_context import clean
from profile_helper.core.audit.text import tokenize
from profile_helper.core.audit.vocabulary import fold
from profile_helper.core.audit.word_lists import word_list

# YAKE's run time grows with the text; beyond this much a job description is not one any more.
YAKE_MAX_CHARS = 20_000
MIN_YAKE_OCCURRENCES = 2
# Settings for YAKE, snake_case as 0.7 requires (camelCase names are silently ignored).
YAKE_SETTINGS: dict[str, object] = {
    "lan": "en",
    "n": 3,
    "dedup_func": "jaro",
    "dedup_lim": 0.7,
    "window_size": 1,
    "top": 30,
}


# A run of this many characters without a space is no keyword (a link, a pasted blob).
LONGEST_RUN = 80
_LONG_RUN = re.compile(rf"\S{{{LONGEST_RUN + 1},}}")


def _without_long_runs(text: str) -> str:
    """Long unbroken runs blanked (same length): YAKE's tokenizer splits each run with a
    pattern that takes quadratic time on some of them ("A)A)A)…" 10,000 long took 9 s)."""
    return _LONG_RUN.sub(lambda m: " " * len(m.group(0)), text)


def yake_keywords(text: str, top: int = 30) -> list[tuple[str, float]]:
    """YAKE's phrases for ``text`` with their scores (lower is more relevant), best first."""
    import yake  # noqa: PLC0415 - heavy (numpy, networkx): imported when a job is analysed

    settings = dict(YAKE_SETTINGS, top=top)
    extractor = yake.KeywordExtractor(**settings)
    pairs = extractor.extract_keywords(_without_long_runs(clean(text)[:YAKE_MAX_CHARS]))
    return sorted(((str(k), float(s)) for k, s in pairs), key=lambda p: (p[1], p[0]))


def is_skill_like(phrase: str, stop: frozenset[str], filters: frozenset[str]) -> bool:
    toks = tokenize(phrase)
    if not toks or len(toks) > 3:
        return False
    norms = [t.norm for t in toks]
    if norms[0] in stop or norms[-1] in stop:
        return False
    # One word that is a skill is in the vocabulary; one that is not is too vague ("process").
    # A joined pair ("professional and personal") is a turn of phrase, and a phrase ending in a
    # role noun ("postdoctoral researcher") is a job, not a skill.
    if len(norms) < 2 or any(n in stop for n in norms):
        return False
    if fold(norms[-1]) in word_list("roles") or norms[-1] in word_list("roles"):
        return False
    if any(n in filters or fold(n) in filters for n in norms):
        return False
    if any(n.isdigit() for n in norms):
        return False
    # "provide smart tools", "associates develop": a duty or a sentence, not a field.
    verbs = word_list("verbs")
    if any(n in verbs or fold(n) in verbs for n in norms):
        return False
    # Capitalised words are usually names (a company, a town, a product line); acronyms are
    # fine ("SQL"), and YAKE keeps the case of the text.
    if any(t.text[:1].isupper() and not t.text.isupper() for t in toks):
        return False
    return not all(len(n) < 3 for n in norms)


def occurrences(phrase: str, words: list[str]) -> int:
    wanted = [fold(t.norm) for t in tokenize(phrase)]
    n = len(wanted)
    return sum(words[i : i + n] == wanted for i in range(len(words) - n + 1)) if n else 0
