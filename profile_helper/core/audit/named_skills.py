"""The skills, tools, licences and fields a text names, from the vocabulary.

The hand-kept list is read first, then the broad vocabulary (:mod:`terms`); a name whose sense
depends on the text's field or words is kept only where they agree (:mod:`senses`). In a job
ad, the employer's sentences, the job titles and nationalities ("Danish universities") name no
skill the job asks for.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from profile_helper.core.audit.job_context import (
    clean,
    company_sentences,
    nationality,
    title_words,
)
from profile_helper.core.audit.keyword import Keyword
from profile_helper.core.audit.senses import TextSenses
from profile_helper.core.audit.taxonomy import load_taxonomy
from profile_helper.core.audit.terms import find_terms
from profile_helper.core.audit.text import tokenize
from profile_helper.core.audit.vocabulary import Vocabulary, default_vocabulary, fold
from profile_helper.core.audit.word_lists import word_list

# "skills" after a skill's name, as in "communication skills".
_SKILLS_AFTER = re.compile(r" (?:skills?|abilities)\b", re.IGNORECASE)


def vocabulary_keywords(
    text: str,
    vocab: Vocabulary | None = None,
    *,
    skip_company: bool = False,
    fields: frozenset[str] | None = None,
) -> list[Keyword]:
    """The skills, tools and licences named in ``text``, most mentioned first, then earliest.

    The hand-kept list is read first, then the broad vocabulary (:mod:`terms`). With
    ``skip_company``, skills named only in sentences about the employer ("We are a leading
    biotech company") are left out: they describe the company, not what the job asks for.
    ``fields`` are the text's occupational fields, for names whose sense depends on them.
    """
    if vocab is None or vocab is default_vocabulary():
        # The rules, the match and the rewrites each read the same sections: read them once.
        return list(_default_vocabulary_keywords(text, skip_company, fields))
    return _vocabulary_keywords(text, vocab, skip_company, fields)


@lru_cache(maxsize=64)
def _default_vocabulary_keywords(
    text: str, skip_company: bool, fields: frozenset[str] | None
) -> tuple[Keyword, ...]:
    return tuple(_vocabulary_keywords(text, default_vocabulary(), skip_company, fields))


def _vocabulary_keywords(
    text: str, vocab: Vocabulary, skip_company: bool, fields: frozenset[str] | None
) -> list[Keyword]:
    found: dict[str, Keyword] = {}
    # How often each skill is written each way: the name shown is the commonest spelling
    # ("AWS" over a single "amazon-web-services" tag), the earliest on a tie.
    spellings: dict[str, dict[str, int]] = {}
    cleaned = clean(text)
    company = company_sentences(cleaned) if skip_company else []
    titles = title_words(cleaned) if skip_company else set()
    senses = TextSenses(cleaned)
    tokens = tokenize(cleaned)
    hits = [
        (h.skill, h.text, h.start, h.end, h.alternatives, "") for h in vocab.find(cleaned, tokens)
    ]
    taken = [(start, end) for _, _, start, end, _, _ in hits]
    hits += [
        (h.name, h.text, h.start, h.end, (), h.kind)
        for h in find_terms(cleaned, tokens, taken, fields)
    ]
    for skill, text_written, start, end, alternatives, kind in sorted(hits, key=lambda h: h[2]):
        if any(a <= start < b for a, b in company):
            continue
        # "Backend" in "Backend Engineer" names the job; "ServSafe Food Handler" or "food
        # worker card" holds the role noun itself and names a credential.
        if start in titles and not _holds_role(text_written):
            continue
        if skip_company and nationality(cleaned, text_written, end):
            continue
        if not senses.agrees(skill) or (skip_company and about_a_degree(skill)):
            continue
        forms = spellings.setdefault(skill, {})
        written = text_written
        # "communication skills" says what the ad asks for; "communication" alone reads as a
        # department. Only in a job ad: a profile's skills are named by the vocabulary.
        if skip_company and (after := _SKILLS_AFTER.match(cleaned, end)):
            written = cleaned[start : after.end()]
        forms[written] = forms.get(written, 0) + 1
        seen = found.get(skill)
        if seen is None:
            found[skill] = Keyword(
                text_written,
                skill,
                "vocabulary",
                1,
                start,
                0.0,
                alternatives,
                kind or _kind_of(skill, vocab),
            )
        else:
            found[skill] = replace(seen, count=seen.count + 1, alternatives=alternatives)
    for skill, forms in spellings.items():
        # dicts keep insertion order, so max() settles a tie on the earliest spelling
        found[skill] = replace(found[skill], name=max(forms, key=lambda f: forms[f]))
    return sorted(found.values(), key=lambda k: (-k.count, k.first, k.name))


def _holds_role(name: str) -> bool:
    """True for a name of two words or more with a role noun among them."""
    toks = tokenize(name)
    roles = word_list("roles")
    return len(toks) > 1 and any(t.norm in roles or fold(t.norm) in roles for t in toks)


def about_a_degree(skill: str) -> bool:
    """True for a degree: a posting asks for it, but the Education section shows it, not the
    headline, About or skills this audit reads."""
    return skill.casefold() in word_list("degrees")


def _kind_of(skill: str, vocab: Vocabulary) -> str:
    """A hand-listed skill's kind: knowledge when the list files it among the fields of
    knowledge ("banking", "law"), else as the broad vocabulary knows it (a skill when unknown)."""
    if skill in vocab.knowledge:
        return "knowledge"
    for match in load_taxonomy().lookup(skill):
        if match.term.name.casefold() == skill.casefold():
            return match.term.kind
    return "skill"
