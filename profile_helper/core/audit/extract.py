"""Keywords of a text: skills from the vocabulary, fields of knowledge, then YAKE phrases.

YAKE ranks phrases by statistics alone: it favours a company's name and its town (early, often
capitalised) and splits "CI/CD" or "ISO 27001". The vocabulary finds the named skills whatever
their shape; YAKE adds the domain phrases no list can hold, once the filters have dropped what
is not a skill. The same text always gives the same list, in the same order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise

from profile_helper.core.audit.job_context import (
    clean,
    company_sentences,
    nationality,
    title_words,
    word_list,
)
from profile_helper.core.audit.text import normalize, tokenize
from profile_helper.core.audit.vocabulary import Vocabulary, default_vocabulary, fold

# "skills" after a skill's name, as in "communication skills".
_SKILLS_AFTER = re.compile(r" (?:skills?|abilities)\b", re.IGNORECASE)
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


@dataclass(frozen=True)
class Keyword:
    """One keyword of a text: its name, how it was found, how often, and where first."""

    name: str  # as the text writes it ("k8s"), which is what a reader looks for
    skill: str  # the canonical skill ("Kubernetes"), or the phrase itself for YAKE's
    source: str  # "role" (the job title), "vocabulary", "phrase" (a field) or "yake"
    count: int
    first: int
    score: float
    # For "Unix/Linux": the skills any of which meets it.
    alternatives: tuple[str, ...] = ()


def vocabulary_keywords(
    text: str, vocab: Vocabulary | None = None, *, skip_company: bool = False
) -> list[Keyword]:
    """The vocabulary's skills named in ``text``, most mentioned first, then earliest.

    With ``skip_company``, skills named only in sentences about the employer ("We are a leading
    biotech company") are left out: they describe the company, not what the job asks for.
    """
    vocab = vocab or default_vocabulary()
    found: dict[str, Keyword] = {}
    # How often each skill is written each way: the name shown is the commonest spelling
    # ("AWS" over a single "amazon-web-services" tag), the earliest on a tie.
    spellings: dict[str, dict[str, int]] = {}
    cleaned = clean(text)
    company = company_sentences(cleaned) if skip_company else []
    titles = title_words(cleaned) if skip_company else set()
    for hit in vocab.find(cleaned):
        if any(start <= hit.start < end for start, end in company) or hit.start in titles:
            continue
        if skip_company and nationality(cleaned, hit.text, hit.end):
            continue
        forms = spellings.setdefault(hit.skill, {})
        written = hit.text
        # "communication skills" says what the ad asks for; "communication" alone reads as a
        # department. Only in a job ad: a profile's skills are named by the vocabulary.
        if skip_company and (after := _SKILLS_AFTER.match(cleaned, hit.end)):
            written = cleaned[hit.start : after.end()]
        forms[written] = forms.get(written, 0) + 1
        seen = found.get(hit.skill)
        if seen is None:
            found[hit.skill] = Keyword(
                hit.text, hit.skill, "vocabulary", 1, hit.start, 0.0, hit.alternatives
            )
        else:
            found[hit.skill] = replace(seen, count=seen.count + 1, alternatives=hit.alternatives)
    for skill, forms in spellings.items():
        # dicts keep insertion order, so max() settles a tie on the earliest spelling
        found[skill] = replace(found[skill], name=max(forms, key=lambda f: forms[f]))
    return sorted(found.values(), key=lambda k: (-k.count, k.first, k.name))


def yake_keywords(text: str, top: int = 30) -> list[tuple[str, float]]:
    """YAKE's phrases for ``text`` with their scores (lower is more relevant), best first."""
    import yake  # noqa: PLC0415 - heavy (numpy, networkx): imported when a job is analysed

    settings = dict(YAKE_SETTINGS, top=top)
    extractor = yake.KeywordExtractor(**settings)
    pairs = extractor.extract_keywords(clean(text)[:YAKE_MAX_CHARS])
    return sorted(((str(k), float(s)) for k, s in pairs), key=lambda p: (p[1], p[0]))


def _is_skill_like(phrase: str, stop: frozenset[str], filters: frozenset[str]) -> bool:
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
            if gap.strip() or prev.norm in stop or not prev.text[:1].isupper():
                break
            start -= 1
        if start < i or tok.text[:1].isupper():
            return head[toks[start].start : tok.end]
    return None


def job_keywords_detailed(text: str, *, limit: int = 40, yake_extra: int = 3) -> list[Keyword]:
    """A job description's keywords, ranked best first: named skills, then YAKE phrases."""
    vocab = default_vocabulary()
    role = target_role(text)
    if role is None:
        skills = vocabulary_keywords(text, vocab, skip_company=True)[:limit]
    else:
        # The title leads the list: it is what a recruiter types into the search box. Its words
        # count as skills only where the text uses them outside the title.
        at = clean(text).find(role)
        rest = text[:at] + " " * len(role) + text[at + len(role) :]
        skills = [Keyword(role, role, "role", 1, at, 0.0)]
        skills += vocabulary_keywords(rest, vocab, skip_company=True)[: limit - 1]
    stop = word_list("stopwords")
    filters = word_list("filters")
    skills += knowledge_phrases(text, skills, vocab)[: max(limit - len(skills), 0)]
    taken = {fold(t.norm) for k in skills for t in tokenize(f"{k.name} {k.skill}")}
    extra: list[Keyword] = []
    all_words = [fold(t.norm) for t in tokenize(clean(text))]
    if yake_extra > 0 and text.strip():
        for phrase, score in yake_keywords(text):
            if len(extra) >= yake_extra or len(skills) + len(extra) >= limit:
                break
            if not _is_skill_like(phrase, stop, filters) or vocab.canonical(phrase):
                continue
            folded = {fold(t.norm) for t in tokenize(phrase)}
            if folded & taken:
                continue
            # A phrase the ad uses once is as often a turn of phrase as a requirement.
            count = _occurrences(phrase, all_words)
            if count < MIN_YAKE_OCCURRENCES:
                continue
            taken |= folded
            first = normalize(text).find(normalize(phrase))
            name = phrase.lower()
            extra.append(Keyword(name, name, "yake", count, max(first, 0), score))
    return skills + extra


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
        if word.endswith("ly") or fold(word) in verbs or word in verbs:
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


def _occurrences(phrase: str, words: list[str]) -> int:
    wanted = [fold(t.norm) for t in tokenize(phrase)]
    n = len(wanted)
    return sum(words[i : i + n] == wanted for i in range(len(words) - n + 1)) if n else 0


def job_keywords(text: str) -> list[str]:
    """The names of a job description's keywords, best first."""
    return [k.name for k in job_keywords_detailed(text)]
