"""What in a job ad is not a requirement: the employer's sentences, titles, nationalities.

Every function is pure; the word lists come from :mod:`word_lists`.
"""

from __future__ import annotations

import re
from functools import cache

from profile_helper.core.audit.text import sentences, tokenize
from profile_helper.core.audit.vocabulary import fold
from profile_helper.core.audit.word_lists import word_list
from profile_helper.core.resources import read_text

# Template placeholders such as "<ORGANIZATION>" stand for names, not words of the text.
_PLACEHOLDER = re.compile(r"<[A-Z_]{2,}>")


def clean(text: str) -> str:
    """The text with placeholders blanked out, keeping every other character where it was."""
    return _PLACEHOLDER.sub(lambda m: " " * len(m.group(0)), text)


# Verbs that open a sentence whose subject, the employer's name, was a placeholder.
_NAMELESS_VERBS = frozenset(["is", "are", "has", "have", "was", "were", "serves", "strives"])


def company_sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences that describe the employer or the offer, not the job's needs."""
    cues = _company_cues()
    spans = []
    for start, end in sentences(text):
        toks = tokenize(text[start:end])
        norms = [t.norm for t in toks]
        # "<ORGANIZATION> is a leading supplier": the name was blanked out, and a sentence that
        # opens on its verb ("is", "has") is about the employer.
        # A blanked placeholder leaves at least four spaces; a wrapped line ("and\nhave worked
        # with Airflow") leaves none.
        blanked = start >= 4 and text[start - 4 : start] == "    "
        nameless = blanked and bool(toks) and toks[0].text in _NAMELESS_VERBS
        if nameless or any(
            norms[i : i + len(cue)] == cue
            for i, word in enumerate(norms)
            for cue in cues.get(word, ())
        ):
            spans.append((start, end))
    return spans


@cache
def _company_cues() -> dict[str, list[list[str]]]:
    """The company-context phrases as word lists, by their first word."""
    cues: dict[str, list[list[str]]] = {}
    for phrase in word_list("company_context"):
        words = [t.norm for t in tokenize(phrase)]
        if words:
            cues.setdefault(words[0], []).append(words)
    return cues


def title_words(text: str) -> set[int]:
    """Where the words of job titles start: "Backend" in "Java Backend Engineer".

    A word one or two words before a role noun ("developer", "engineer"), joined to it by
    single spaces, names the job, not a skill it asks for ("Backend Developer").
    """
    roles = word_list("roles")
    stop = word_list("stopwords")
    toks = tokenize(text)
    starts: set[int] = set()
    for i, tok in enumerate(toks):
        if fold(tok.norm) not in roles and tok.norm not in roles:
            continue
        j = i
        while j > 0 and i - j < 2:
            prev = toks[j - 1]
            if text[prev.end : toks[j].start] != " " or prev.norm in stop:
                break
            j -= 1
            starts.add(prev.start)
    return starts


def nationality(text: str, name: str, end: int) -> bool:
    """True for a language's name used as an adjective: "Danish universities", "German market"."""
    languages, allowed = _spoken_languages()
    if name.casefold() not in languages:
        return False
    after = re.match(r" ([^\W_]+)", text[end : end + 40])
    # "German Italian and French": a list of languages, each one a skill.
    return after is not None and after.group(1).casefold() not in allowed | languages


@cache
def _spoken_languages() -> tuple[frozenset[str], frozenset[str]]:
    """The spoken languages' names, and the words that may follow one named as a skill."""
    names: set[str] = set()
    after: set[str] = set()
    for raw in read_text("audit/spoken_languages.txt").splitlines():
        line = raw.strip()
        if line.startswith("> "):
            after.add(line[2:].strip().casefold())
        elif line and not line.startswith("# "):
            names.add(line.casefold())
    return frozenset(names), frozenset(after)


# A sentence that names the people the hire works with: the capitalised names after the cue are
# teams and departments ("work with our Payroll and FP&A teams", "hand off to Customer Success").
_COLLABORATION = re.compile(
    r"\b(?:work(?:s|ing)?\s+(?:closely\s+)?with|partner(?:s|ing)?\s+with|collaborat\w*\s+with|"
    r"hand(?:s|ing)?\s+off\b[^.;]*?\bto|reports?\s+to|reporting\s+to|liais\w*\s+with)\b",
    re.IGNORECASE,
)


def team_names(text: str, names: list[str]) -> set[str]:
    """The ``names`` that the job ad only ever uses for teams or departments it works with.

    A name counts when every time it is written it is capitalised and follows a collaboration
    cue in its sentence ("You will work with our Accounts Payable, Payroll and FP&A teams").
    """
    cues = []
    for start, end in _sentence_spans(text):
        hit = _COLLABORATION.search(text, start, end)
        if hit:
            cues.append((hit.end(), end))
    teams = set()
    for name in names:
        if not name[:1].isupper():
            continue
        spots = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)]
        if spots and all(any(s <= spot < e for s, e in cues) for spot in spots):
            teams.add(name)
    return teams


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for hit in re.finditer(r"[.!?](?=\s)|\n", text):
        spans.append((start, hit.end()))
        start = hit.end()
    spans.append((start, len(text)))
    return spans


# The nouns that end a list of teams, and the words that join its names.
_TEAM_NOUNS = frozenset({"team", "teams", "department", "departments", "group", "groups"})
_JOINERS = frozenset({"and", "or", "&"})
_CLAUSE = re.compile(r"[^\n.;:()!?]{0,160}")


def listed_teams(text: str, names: list[str]) -> set[str]:
    """The ``names`` that ``text`` only ever writes in a list of teams or departments
    ("You will work with our Accounts Payable, Payroll and FP&A teams")."""
    teams = set()
    for name in names:
        if not name[:1].isupper():
            continue
        spots = list(re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text))
        if spots and all(_ends_in_team(text, m.end()) for m in spots):
            teams.add(name)
    return teams


def _ends_in_team(text: str, at: int) -> bool:
    """True when, after ``at``, only other names and "and"/"or" come before a team noun."""
    clause = _CLAUSE.match(text, at)
    words = (clause.group(0) if clause else "").replace(",", " ").split()
    for word in words:
        if word.lower() in _TEAM_NOUNS:
            return True
        if word.lower() not in _JOINERS and not word[:1].isupper():
            return False
    return False
