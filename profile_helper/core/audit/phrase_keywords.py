"""Keywords made of a posting's own words: fields of knowledge, duties, product names.

No vocabulary holds every field ("cloud infrastructure"), duty ("vendor invoices") or product
("Ironwood Precon") a posting names; these are read from its words, after the named skills,
and leave out whatever a keyword before them already names.
"""

from __future__ import annotations

from itertools import pairwise

from profile_helper.core.audit.job_context import clean, company_sentences
from profile_helper.core.audit.keyword import Keyword
from profile_helper.core.audit.named_skills import about_a_degree
from profile_helper.core.audit.need_phrases import need_phrases
from profile_helper.core.audit.posting import IMPORTANCE_ORDER, Posting
from profile_helper.core.audit.product_names import product_names
from profile_helper.core.audit.taxonomy import key_of, load_taxonomy
from profile_helper.core.audit.text import normalize, tokenize
from profile_helper.core.audit.vocabulary import Vocabulary, default_vocabulary, fold
from profile_helper.core.audit.word_lists import word_list


def product_keywords(posting: Posting, known: list[Keyword]) -> list[Keyword]:
    """Products the posting names that no list holds (:mod:`product_names`): tools."""
    have = [key_of(k.name) for k in known] + [key_of(k.skill) for k in known]
    skills = {k.skill.casefold() for k in known}
    # A name around a named skill ("SAFe Agilist" and "SAFe") or inside one adds nothing, nor
    # does another spelling of one ("ExCPT" beside "PTCB", both the vocabulary's CPhT).
    return [
        Keyword(name, name, "name", count, first, 0.0, kind="tool")
        for name, count, first in product_names(posting, [])
        for key in [key_of(name)]
        if not any(_within(h, key) or _within(key, h) for h in have if h)
        and not skills.intersection(_skills_named(name))
    ]


def _skills_named(name: str) -> set[str]:
    """The skills the vocabulary or the broad taxonomy knows by this name, folded."""
    named = {m.term.name.casefold() for m in load_taxonomy().lookup(name)}
    canonical = default_vocabulary().canonical(name)
    return named | {canonical.casefold()} if canonical else named


def duty_phrases(posting: Posting, known: list[Keyword]) -> list[Keyword]:
    """The noun phrases of the posting's duties and requirements (:mod:`need_phrases`) that no
    keyword before them names: what it requires first, then what the job does, then what it
    prefers; within each, the most repeated first."""
    have = [key_of(k.name) for k in known] + [key_of(k.skill) for k in known]
    found = []
    for phrase in need_phrases(posting, []):
        # A phrase around a named skill adds nothing, nor does a part of one.
        if any(_within(h, phrase.key) or _within(phrase.key, h) for h in have if h):
            continue
        # "Associate degree", "high school diploma": Education shows them, not the skills.
        if phrase.key[-1] in ("degree", "diploma") or about_a_degree(phrase.name):
            continue
        name = phrase.name
        found.append(Keyword(name, name, "duty phrase", phrase.count, phrase.first, 0.0))
    order = IMPORTANCE_ORDER
    return sorted(found, key=lambda k: (order[posting.importance_at(k.first)], -k.count, k.first))


def _within(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """True when ``short`` is a run of words of ``long``."""
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


def knowledge_phrases(text: str, known: list[Keyword], vocab: Vocabulary) -> list[Keyword]:
    """Two-word fields of knowledge the vocabulary cannot hold: "cloud infrastructure".

    A word before a knowledge noun ("architecture", "protocols", "management") names a field,
    unless it is a filler ("strong", "our"), an adverb, a verb ("automate infrastructure"), or
    the pair is a skill already.
    """
    heads = word_list("knowledge_heads")
    verbs = word_list("verbs")
    stop = word_list("stopwords")
    filters = word_list("filters")
    cleaned = clean(text)
    company = company_sentences(cleaned)
    have = {normalize(k.name) for k in known} | {normalize(k.skill) for k in known}
    toks = tokenize(cleaned)
    # A noun inside a named skill is that skill's: "chain management" is in "supply chain
    # management".
    named = [(hit.start, hit.end) for hit in vocab.find(cleaned)]
    found: dict[str, Keyword] = {}
    for before, head in pairwise(toks):
        if head.norm not in heads or cleaned[before.end : head.start] != " ":
            continue
        if any(a <= head.start < b for a, b in named):
            continue
        word = before.norm
        if word in stop or word in filters or len(word) < 3 or not word.isalpha():
            continue
        if word.endswith("ly") or _is_verb(word, verbs):
            continue
        if any(a <= before.start < b for a, b in company):
            continue
        name = f"{word} {head.norm}"
        if name in have or vocab.canonical(name):
            continue
        seen = found.get(name)
        count = seen.count + 1 if seen else 1
        found[name] = Keyword(
            name, name, "phrase", count, seen.first if seen else before.start, 0.0
        )
    return sorted(found.values(), key=lambda k: (-k.count, k.first, k.name))


def _is_verb(word: str, verbs: frozenset[str]) -> bool:
    """True for a duty verb in any simple form: "manage", "manages", "managed", "used"."""
    forms = {word, fold(word)}
    if word.endswith("ed"):
        forms |= {word[:-1], word[:-2], word[:-3]}  # used -> use, checked -> check, planned
    return bool(forms & verbs)
