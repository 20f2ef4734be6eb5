"""Keywords of a job posting: its title, skills from the vocabulary, acronyms, products,
fields of knowledge, duty phrases, then YAKE phrases, ranked and placed in the posting's parts.

YAKE ranks phrases by statistics alone: it favours a company's name and its town (early, often
capitalised) and splits "CI/CD" or "ISO 27001". The vocabulary finds the named skills whatever
their shape (:mod:`named_skills`); YAKE adds the domain phrases no list can hold, once the
filters have dropped what is not a skill (:mod:`yake_phrases`). The same text always gives the
same list, in the same order.
"""

from __future__ import annotations

import re
from dataclasses import replace

from profile_helper.core.audit.acronyms import acronym_keywords
from profile_helper.core.audit.alternatives import either_groups
from profile_helper.core.audit.job_context import clean, listed_teams
from profile_helper.core.audit.keyword import Keyword
from profile_helper.core.audit.named_skills import vocabulary_keywords
from profile_helper.core.audit.need_phrases import NEED_PARTS
from profile_helper.core.audit.phrase_keywords import (
    duty_phrases,
    knowledge_phrases,
    product_keywords,
)
from profile_helper.core.audit.posting import IMPORTANCE_ORDER, Posting, is_english, read_posting
from profile_helper.core.audit.taxonomy import load_taxonomy
from profile_helper.core.audit.text import normalize, tokenize
from profile_helper.core.audit.vocabulary import default_vocabulary, fold
from profile_helper.core.audit.word_lists import word_list
from profile_helper.core.audit.yake_phrases import (
    MIN_YAKE_OCCURRENCES,
    is_skill_like,
    occurrences,
    yake_keywords,
)
from profile_helper.core.errors import InputError


def target_role(text: str) -> str | None:
    """The job title a description names first ("Senior Data Engineer"), or None.

    A title is up to three words ending in a role noun ("engineer", "manager"), looked for in
    the opening of the text, where job ads put it.
    """
    roles = word_list("roles")
    stop = word_list("stopwords")
    head = clean(text)[:400]
    toks = tokenize(head)
    for i, tok in enumerate(toks):
        if fold(tok.norm) not in roles and tok.norm not in roles:
            continue
        start = i
        while start > 0 and i - start < 3:
            prev = toks[start - 1]
            gap = head[prev.end : toks[start].start]
            if gap.strip() or "\n" in gap or prev.norm in stop or not prev.text[:1].isupper():
                break
            start -= 1
        if start < i or tok.text[:1].isupper():
            return head[toks[start].start : tok.end]
    return None


def job_keywords_detailed(
    text: str, *, limit: int | None = None, yake_extra: int = 3, company: str = ""
) -> list[Keyword]:
    """A job posting's keywords, ranked best first: the title, named skills, then phrases.

    Only the parts that say what the job needs are read (see :mod:`posting`); ``company`` is
    the employer's name when the caller knows it. ``limit`` caps the list; by default it
    grows with what the posting asks (see :func:`keyword_limit`). Raises :class:`InputError`
    for a posting in another language rather than inventing keywords from it.
    """
    if not is_english(text):
        raise InputError(
            "The job description seems to be in another language; the audit reads job "
            "descriptions in English only."
        )
    posting = read_posting(text, company)
    needs = posting.needs_text
    if limit is None:
        limit = keyword_limit(posting)
    keywords = _ranked_keywords(needs, limit=limit, yake_extra=yake_extra, posting=posting)
    # "You will work with our Payroll and FP&A teams": departments the hire works with, named
    # only so, are not what the job asks of the hire.
    teams = listed_teams(needs, [k.name for k in keywords if k.source != "role"])
    keywords = [k for k in keywords if k.name not in teams]
    groups = either_groups([k.name for k in keywords], needs)
    return [_with_alternatives(_placed(k, posting), groups) for k in keywords]


# A posting gets at least this many keywords, two more for each sentence or item of its
# needs beyond that, and at most the last: a long list of duties and requirements is a long
# list of keywords, but no one reads a hundred.
MIN_KEYWORDS = 40
KEYWORDS_PER_NEED = 2
MAX_KEYWORDS = 80


def keyword_limit(posting: Posting) -> int:
    """How many keywords a posting gets: more for more duties and requirements."""
    needs = sum(1 for part in posting.parts if part.kind in NEED_PARTS)
    return max(MIN_KEYWORDS, min(MAX_KEYWORDS, KEYWORDS_PER_NEED * needs))


def _with_alternatives(keyword: Keyword, groups: list[frozenset[str]]) -> Keyword:
    others = sorted({n for g in groups if keyword.name in g for n in g} - {keyword.name})
    return replace(keyword, either=tuple(others)) if others else keyword


def _ranked_keywords(
    text: str, *, limit: int, yake_extra: int, posting: Posting | None = None
) -> list[Keyword]:
    vocab = default_vocabulary()
    role = target_role(text)
    fields = load_taxonomy().field_of_title(role) if role else frozenset()
    if role is None:
        skills = vocabulary_keywords(text, vocab, skip_company=True, fields=fields)[:limit]
    else:
        # The title leads the list: it is what a recruiter types into the search box. Its words
        # count as skills only where the text uses them outside the title.
        at = clean(text).find(role)
        rest = text[:at] + " " * len(role) + text[at + len(role) :]
        skills = [Keyword(role, role, "role", 1, at, 0.0, kind="title")]
        skills += vocabulary_keywords(rest, vocab, skip_company=True, fields=fields)[: limit - 1]
    stop = word_list("stopwords")
    filters = word_list("filters")
    skills += acronym_keywords(text, skills, posting)[: max(limit - len(skills), 0)]
    if posting is not None:
        skills += product_keywords(posting, skills)[: max(limit - len(skills), 0)]
    skills += knowledge_phrases(text, skills, vocab)[: max(limit - len(skills), 0)]
    if posting is not None:
        skills += duty_phrases(posting, skills)[: max(limit - len(skills), 0)]
    taken = {fold(t.norm) for k in skills for t in tokenize(f"{k.name} {k.skill}")}
    extra: list[Keyword] = []
    all_words = [fold(t.norm) for t in tokenize(clean(text))]
    if yake_extra > 0 and text.strip():
        for phrase, score in yake_keywords(text):
            if len(extra) >= yake_extra or len(skills) + len(extra) >= limit:
                break
            if not is_skill_like(phrase, stop, filters) or vocab.canonical(phrase):
                continue
            folded = {fold(t.norm) for t in tokenize(phrase)}
            if folded & taken:
                continue
            # A phrase the ad uses once is as often a turn of phrase as a requirement.
            count = occurrences(phrase, all_words)
            if count < MIN_YAKE_OCCURRENCES:
                continue
            taken |= folded
            first = normalize(text).find(normalize(phrase))
            name = phrase.lower()
            extra.append(Keyword(name, name, "yake", count, max(first, 0), score))
    return skills + extra


def _placed(keyword: Keyword, posting: Posting) -> Keyword:
    """The keyword with the part of the posting that asks for it most strongly."""
    pattern = re.compile(rf"(?<![\w]){re.escape(keyword.name)}(?![\w])", re.IGNORECASE)
    offsets = [m.start() for m in pattern.finditer(posting.needs_text)] or [keyword.first]
    best = min(offsets, key=lambda at: (IMPORTANCE_ORDER[posting.importance_at(at)], at))
    section = posting.kind_at(best)
    importance = "required" if keyword.source == "role" else posting.importance_at(best)
    kind = keyword.kind
    if keyword.source == "phrase":
        kind = "knowledge"
    elif keyword.source in ("yake", "duty phrase"):
        kind = "duty" if section == "duties" else "skill"
    return replace(keyword, kind=kind, importance=importance, section=section)


def job_keywords(text: str) -> list[str]:
    """The names of a job description's keywords, best first."""
    return [k.name for k in job_keywords_detailed(text)]
