"""Keywords of a text: skills from the vocabulary, fields of knowledge, then YAKE phrases.

YAKE ranks phrases by statistics alone: it favours a company's name and its town (early, often
capitalised) and splits "CI/CD" or "ISO 27001". The vocabulary finds the named skills whatever
their shape; YAKE adds the domain phrases no list can hold, once the filters have dropped what
is not a skill. The same text always gives the same list, in the same order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import pairwise

from profile_helper.core.audit.alternatives import either_groups
from profile_helper.core.audit.job_context import (
    clean,
    company_sentences,
    listed_teams,
    nationality,
    title_words,
)
from profile_helper.core.audit.need_phrases import NEED_PARTS, need_phrases
from profile_helper.core.audit.posting import IMPORTANCE_ORDER, Posting, is_english, read_posting
from profile_helper.core.audit.product_names import product_names
from profile_helper.core.audit.senses import TextSenses
from profile_helper.core.audit.taxonomy import key_of, load_taxonomy
from profile_helper.core.audit.terms import find_terms
from profile_helper.core.audit.text import normalize, tokenize
from profile_helper.core.audit.vocabulary import Vocabulary, default_vocabulary, fold
from profile_helper.core.audit.word_lists import word_list
from profile_helper.core.errors import InputError
from profile_helper.core.resources import read_text

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
    # "role" (the job title), "vocabulary", "acronym", "phrase" (a field) or "yake"
    source: str
    count: int
    first: int
    score: float
    # For "Unix/Linux": the skills any of which meets it.
    alternatives: tuple[str, ...] = ()
    # What the posting makes of it (see ``posting``): skill, tool, certification, licence,
    # title, knowledge or duty; required, preferred or duty; and the part it stands in.
    kind: str = "skill"
    importance: str = "required"
    section: str = "other"
    # The other keywords the posting offers in its place ("Tableau or Power BI").
    either: tuple[str, ...] = ()


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
        if not senses.agrees(skill) or (skip_company and _about_a_degree(skill)):
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


def _about_a_degree(skill: str) -> bool:
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
        skills += _product_keywords(posting, skills)[: max(limit - len(skills), 0)]
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


def _product_keywords(posting: Posting, known: list[Keyword]) -> list[Keyword]:
    """Products the posting names that no list holds (:mod:`product_names`): tools."""
    have = {k.name.casefold() for k in known} | {k.skill.casefold() for k in known}
    return [
        Keyword(name, name, "name", count, first, 0.0, kind="tool")
        for name, count, first in product_names(posting, [])
        if name.casefold() not in have
    ]


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
        if phrase.key[-1] in ("degree", "diploma") or _about_a_degree(phrase.name):
            continue
        name = phrase.name
        found.append(Keyword(name, name, "duty phrase", phrase.count, phrase.first, 0.0))
    order = IMPORTANCE_ORDER
    return sorted(found, key=lambda k: (order[posting.importance_at(k.first)], -k.count, k.first))


def _within(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """True when ``short`` is a run of words of ``long``."""
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


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


# An acronym: two to six capitals, digits or "&" ("FMLA", "P&L", "NFPA"), with a plural "s".
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,5}s?")
# What the word after an acronym says it is: "NCIC certification", "CDL license".
_ACRONYM_KIND = (
    (re.compile(r"\s+(?:certification|certificate|certified|card)\b", re.I), "certification"),
    (re.compile(r"\s+(?:license|licence|licensure|endorsement)\b", re.I), "licence"),
)


def acronym_keywords(
    text: str, known: list[Keyword], posting: Posting | None = None
) -> list[Keyword]:
    """Acronyms the posting asks for that no list names: regulations, systems, credentials.

    In the duties, requirements and preferred parts an acronym is nearly always one ("FMLA",
    "PBIS", "RFIs", "FP&A"); elsewhere it as often names an institution or a programme. Places,
    times and the offer's ("TX", "PM", "PTO") are listed in ``not_acronyms``, and a word in a
    line written all in capitals is shouting, not an acronym.
    """
    cleaned = clean(text)
    have = {k.name.casefold() for k in known} | {k.skill.casefold() for k in known}
    taken = [(k.first, k.first + len(k.name)) for k in known]
    skip = _not_acronyms()
    # A posting that is one list without headings asks in its every line.
    asking = _ASKING_PARTS if posting is None or posting.headed else _ASKING_PARTS | {"other"}
    found: dict[str, Keyword] = {}
    for tok in tokenize(cleaned):
        word = tok.text
        if not _ACRONYM.fullmatch(word) or word.rstrip("s") in skip or word in skip:
            continue
        if sum(ch.isalpha() for ch in word) < 2 or word.casefold() in have:
            continue
        if any(a <= tok.start < b for a, b in taken) or word.rstrip("s").casefold() in have:
            continue
        if posting is not None and posting.kind_at(tok.start) not in asking:
            continue
        if _shouted(cleaned, tok.start):
            continue
        # "ASC 842", "OSHA 30", "ISO 9001": the number names which one; it stays with it.
        numbered = _NUMBER_AFTER.match(cleaned, tok.end)
        if numbered:
            word = cleaned[tok.start : numbered.end()]
        seen = found.get(word)
        if seen is not None:
            found[word] = replace(seen, count=seen.count + 1)
            continue
        kind = next((k for rx, k in _ACRONYM_KIND if rx.match(cleaned, tok.end)), "skill")
        found[word] = Keyword(word, word, "acronym", 1, tok.start, 0.0, kind=kind)
    return sorted(found.values(), key=lambda k: (-k.count, k.first, k.name))


_ASKING_PARTS = frozenset({"duties", "requirements", "preferred"})
_NUMBER_AFTER = re.compile(r" \d{1,5}(?![\d.,]?\d)\b")


def _shouted(text: str, at: int) -> bool:
    """True when the line around ``at`` has no lower-case letter at all."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end >= 0 else None]
    return not any(ch.islower() for ch in line)


@cache
def _not_acronyms() -> frozenset[str]:
    lines = read_text("audit/not_acronyms.txt").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


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


def _occurrences(phrase: str, words: list[str]) -> int:
    wanted = [fold(t.norm) for t in tokenize(phrase)]
    n = len(wanted)
    return sum(words[i : i + n] == wanted for i in range(len(words) - n + 1)) if n else 0


def job_keywords(text: str) -> list[str]:
    """The names of a job description's keywords, best first."""
    return [k.name for k in job_keywords_detailed(text)]
