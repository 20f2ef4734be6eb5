"""A job posting's structure: which parts say what the job needs, and which are about the offer.

Real postings mix the requirements with text that is not about the candidate at all: who the
employer is, the benefits, the equal-opportunity statement, how to apply. Keywords come only from
the title, the duties, the requirements and the preferred qualifications; everything else is
blanked out (keeping every character's position, so spans stay valid).

A posting is read line by line. A short line that names a part ("Responsibilities",
"Nice to have:", "What we offer", "About Acme") starts that part; without headings, each sentence
is judged by its own cue words ("... is an equal opportunity employer", "We offer ...", "... is a
plus"). The employer's name ("About Acme", "At Acme, we", "Acme is hiring") and the titles of
other people ("reporting to the Director of Nursing") are blanked wherever they appear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from profile_helper.core.audit.text import normalize, sentences, tokenize
from profile_helper.core.audit.vocabulary import fold
from profile_helper.core.audit.word_lists import word_list
from profile_helper.core.resources import read_json

# The parts a posting has. Only these say what the job needs.
NEEDS = ("title", "duties", "requirements", "preferred", "other")
OFFER = ("benefits", "about", "eeo", "apply")
# How much a keyword matters, most first: what the posting requires, then the work it
# describes, then what it only prefers. A keyword named in several parts takes the first.
IMPORTANCE_ORDER = {"required": 0, "duty": 1, "preferred": 2}
# What each part means for a keyword found in it.
IMPORTANCE = {
    "title": "required",
    "requirements": "required",
    "other": "required",
    "duties": "duty",
    "preferred": "preferred",
}

_BULLET = re.compile(r"^[\s>*#•·▪◦‣∙\-–—+]*(?:\d{1,2}[.)]\s+)?")
# Words bounded in length: a name's word is never 40 characters, and an unbounded one read a
# long run such as "A.A.A.…" to its end from every start (quadratic).
_NAME = r"[A-Z][\w&.'’-]{0,40}(?:[ \t](?:&[ \t])?[A-Z0-9][\w&.'’-]{0,40}){0,4}"

_SIGN_OFF = r"(?:(?:[Tt]alent|[Rr]ecruiting|[Hh]iring|[Pp]eople)[ \t]+)?[Tt]eam[ \t]*[.!]?[ \t]*$"


@cache
def _company_patterns() -> tuple[re.Pattern[str], ...]:
    """The ways a posting names its employer (compiled on first use: they are large)."""
    return (
        re.compile(
            rf"^\s*(?:#+\s*)?About[ \t]+(?:us[ \t]*[:\-–—][ \t]*)?(?P<name>{_NAME})[ \t]*:?[ \t]*$",
            re.M,
        ),
        re.compile(rf"\bAt[ \t]+(?P<name>{_NAME}),[ \t]+(?:we|our)\b"),
        re.compile(
            rf"(?:^|[.!?]\s+)(?P<name>{_NAME})[ \t]+(?:is|are)[ \t]+"
            r"(?:hiring|an equal|a leading|a growing|an award|one of)\b",
            re.M,
        ),
        re.compile(rf"\bJoin[ \t]+(?P<name>{_NAME})[ \t]*(?:[,.!]|and|as|where)"),
        re.compile(rf"\b(?P<name>{_NAME})[ \t]+(?:provides|offers)[ \t]+equal\b"),
        re.compile(rf"\b(?:[Ww]hy|[Ll]ife at|[Ww]orking at)[ \t]+(?P<name>{_NAME})\b"),
        # The sign-off: "The Acme team", "— Acme Talent Team", "Acme Recruiting"; a bare
        # "Data Team" is more often a heading than a signature.
        re.compile(
            rf"^[ \t]*(?:[-–—][ \t]*)?[Tt]he[ \t]+(?P<name>{_NAME}?)[ \t]+{_SIGN_OFF}",
            re.M,
        ),
        re.compile(rf"^[ \t]*[-–—][ \t]*(?P<name>{_NAME}?)[ \t]+{_SIGN_OFF}", re.M),
        re.compile(
            rf"^[ \t]*(?P<name>{_NAME}?)[ \t]+(?:[Tt]alent|[Rr]ecruiting|[Hh]iring|[Pp]eople)"
            r"(?:[ \t]+[Tt]eam)?[ \t]*[.!]?[ \t]*$",
            re.M,
        ),
    )


# Words a company pattern may catch that are not names.
_NOT_NAMES = frozenset(
    "the you your our we this role job position team company us it they a an".split()  # noqa: SIM905
)
_REPORTS_TO = re.compile(
    r"\b(?:report(?:s|ing)?|answer(?:s|ing)?)[ \t]+(?:directly[ \t]+)?to[ \t]+"
    r"(?:the[ \t]+|our[ \t]+|a[ \t]+)?(?P<title>[^\n.,;:()]{3,80})",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Part:
    """One stretch of the posting and what kind of part it is."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Posting:
    """A posting read for keywords: its parts, the text with the offer blanked out, the employer."""

    text: str
    parts: tuple[Part, ...]
    needs_text: str  # same length as ``text``; everything that is not a need is spaces
    company: str | None
    # Whether a heading names a part that says what the job needs ("Requirements"); a posting
    # without one is a single list, and its "other" lines are its needs.
    headed: bool = False

    def kind_at(self, offset: int) -> str:
        """The kind of part that holds the character at ``offset``."""
        for part in self.parts:
            if part.start <= offset < part.end:
                return part.kind
        return "other"

    def importance_at(self, offset: int) -> str:
        return IMPORTANCE.get(self.kind_at(offset), "required")


@cache
def _cues() -> dict[str, dict[str, tuple[str, ...]]]:
    """Heading words, sentence cues and a requirement's opening words for each kind of part
    (``audit/posting_cues.json``)."""
    data = read_json("audit/posting_cues.json")
    assert isinstance(data, dict)
    return {
        group: {
            kind: tuple(_plain(c) if group == "sentences" else normalize(c) for c in cues)
            for kind, cues in table.items()
        }
        for group, table in data.items()
    }


def _heading_kind(line: str) -> str | None:
    """The kind of part a line starts, when the line is a heading; else None.

    A heading is short, does not end like a sentence, and names a part. A bulleted line is an
    item of a list, not a heading, unless it ends with a colon ("- Bonus points for:").
    """
    stripped = line.strip()
    body = _BULLET.sub("", stripped).strip().strip("*_").strip()
    bulleted = body != stripped.strip("*_").strip()
    # "You'll be a great fit if..." leads into its list as a colon does.
    body = _TRAILING_DOTS.sub(":", body)
    ends_colon = body.endswith(":")
    if not body or len(body) > 70 or (bulleted and not ends_colon):
        return None
    body = body.rstrip(":").strip().strip("*_").strip()
    if not body or len(body.split()) > 9 or body[-1:] in ".!?,;":
        return None
    lowered = normalize(body)
    headings = _cues()["headings"]
    for kind in ("eeo", "benefits", "apply", "preferred", "duties", "requirements", "about"):
        if any(_names_part(lowered, cue, ends_colon) for cue in headings[kind]):
            return kind
    about_other = lowered.startswith("about ") and not lowered.startswith(_ABOUT_THE_JOB)
    return "about" if about_other and body[6:7].isupper() else None


_ASKING = frozenset({"duties", "requirements", "preferred"})
_TRAILING_DOTS = re.compile(r"\s*(?:\.{3}|…)$")

_ABOUT_THE_JOB = (
    "about you",
    "about the role",
    "about the job",
    "about this role",
    "about the position",
)


def _names_part(lowered: str, cue: str, ends_colon: bool) -> bool:
    """True when a heading's words name the part ``cue`` names: "Minimum qualifications".

    "Experience with Terraform" opens with a cue but is a requirement, not a heading: without
    a colon a heading is the cue itself or a few words ending in it ("Our benefits").
    """
    if lowered in (cue, cue + "s") or (lowered.endswith(" " + cue) and len(lowered.split()) <= 4):
        return True
    # "Skills we'd love you to have:" ends with a colon, so a cue anywhere in it will do.
    return ends_colon and f" {cue} " in f" {lowered} "


def _plain(text: str) -> str:
    """Lower-case words separated by single spaces, padded: cues and sentences compare alike."""
    return " " + " ".join(_NOT_WORD.split(normalize(text))).strip() + " "


_NOT_WORD = re.compile(r"[^\w+#&]+")


def _sentence_kind(sentence: str) -> str | None:
    """The kind a sentence's own words give it, whatever part it stands in."""
    lowered = _plain(sentence)
    cues = _cues()["sentences"]
    for kind in ("eeo", "apply", "benefits", "about", "preferred"):
        if any(cue in lowered for cue in cues[kind]):
            return kind
    return None


def _asks_of_reader(sentence: str) -> bool:
    lowered = normalize(_BULLET.sub("", sentence).strip())
    return lowered.startswith(_cues()["asks"]["requirements"])


def company_name(text: str, hint: str = "") -> str | None:
    """The employer's name as the posting writes it, or ``hint`` (the application's company)."""
    if hint.strip():
        return hint.strip()
    for pattern in _company_patterns():
        for match in pattern.finditer(text):
            name = match.group("name").strip(" .,'’")
            if name and name.split()[0].lower() not in _NOT_NAMES and len(name) >= 2:
                return name
    return None


def read_posting(text: str, company: str = "") -> Posting:
    """The posting's parts and its needs-only text (see the module's docstring)."""
    parts: list[Part] = []
    current = "other"
    first_line = True
    after_blank = False
    for line_match in re.finditer(r"[^\n]*(?:\n|$)", text):
        line = line_match.group(0)
        start, end = line_match.span()
        if start == end:
            break
        if not line.strip():
            after_blank = True
            continue
        heading = _line_heading(line, opens_block=after_blank and not first_line)
        after_blank = False
        if heading is not None:
            current = heading
            parts.append(Part("heading", start, end))
            first_line = False
            continue
        if first_line and _looks_like_title(line):
            parts.append(Part("title", start, end))
            first_line = False
            continue
        if len(line.split()) <= 20 and _PLACE_OR_PAY.search(line):
            parts.append(Part("benefits", start, end))  # where and for how much, not what
            continue
        first_line = False
        for s_start, s_end in sentences(line):
            sentence = line[s_start:s_end]
            own = _sentence_kind(sentence)
            # A need's part yields to what a sentence says of itself; the offer's parts do not,
            # except that a sentence asking something of the reader is a requirement wherever
            # it stands ("You hold a degree in ..." after the company's paragraph).
            kind = own if current in NEEDS and own is not None else current
            if kind == "about" and own is None and _asks_of_reader(sentence):
                kind = "requirements"
            parts.append(Part(kind, start + s_start, start + s_end))
    name = company_name(text, company)
    chars = list(text)
    for part in parts:
        if part.kind not in NEEDS:
            chars[part.start : part.end] = " " * (part.end - part.start)
    needs = "".join(chars)
    needs = _blank_others(needs, name)
    headed = any(
        p.kind == "heading" and _heading_kind(text[p.start : p.end]) in _ASKING for p in parts
    )
    return Posting(text, tuple(parts), needs, name, headed)


def _line_heading(line: str, *, opens_block: bool) -> str | None:
    """The kind of part a line starts as a heading: a named part, or, for a short line that
    opens a block and names none ("A night in the CVICU"), a part of its own ("other")."""
    heading = _heading_kind(line)
    if heading is None and opens_block and _unnamed_heading(line):
        return "other"
    return heading


def _unnamed_heading(line: str) -> bool:
    """A short capitalised line opening a block that names no known part: a heading still."""
    body = line.strip()
    return (
        0 < len(body.split()) <= UNNAMED_HEADING_WORDS
        and body[:1].isupper()
        and body[-1:] not in ".!?,;"
        and _BULLET.sub("", body) == body
        and not _PLACE_OR_PAY.search(body)
    )


# The most words a heading without a known cue has ("A night in the CVICU", "Our team").
UNNAMED_HEADING_WORDS = 6


def _looks_like_title(line: str) -> bool:
    """A posting's first line names the job: short, capitalised, not a sentence."""
    body = _BULLET.sub("", line).strip()
    return 0 < len(body.split()) <= 16 and body[-1:] not in ".!?:" and body[:1].isupper()


# "the Customer Success team", "our CMC team": a team's name, not a skill it asks for.
# Each word is bounded (a name's word is never 40 characters): an unbounded one made a long
# run of "A/A/A/…" quadratic, every start reading to the end before the lookahead failed.
_TEAM = re.compile(
    r"\b(?:[A-Z][\w&/-]{0,40}[ \t]+){0,3}[A-Z][\w&/-]{0,40}(?=[ \t]+(?:team|teams|department|group|"
    r"organization|organisation|org|function|division|unit|squad|pod)\b)"
)
# "our recruiting team", "the sales department": what a team does, not what the job asks.
_OUR_TEAM = re.compile(
    r"\b(?:our|the|your)[ \t]+(?P<name>[a-z][\w&/-]{0,40}(?:[ \t][a-z][\w&/-]{0,40})?)[ \t]+"
    r"(?:team|teams|department|group|organization|organisation|org|function|division)\b"
)
# A line of place and pay: "Cambridge, MA (hybrid) | $95,000 – $118,000", "$31/hour DOE".
_PLACE_OR_PAY = re.compile(
    r"\$\s?\d|\b\d+(?:\.\d+)?\s?(?:/|per\s)(?:hour|hr|year|yr|annum)\b|\bDOE\b"
    r"|\b[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)*,[ \t][A-Z]{2}\b"
)


def _blank_others(text: str, company: str | None) -> str:
    """Blank the employer's name, team names and other people's titles, keeping positions."""

    def blank(match: re.Match[str], group: int | str = 0) -> str:
        whole = match.group(0)
        s, e = match.span(group)
        s -= match.start()
        e -= match.start()
        return whole[:s] + " " * (e - s) + whole[e:]

    text = _REPORTS_TO.sub(lambda m: blank(m, "title"), text)
    text = _TEAM.sub(lambda m: " " * len(m.group(0)), text)
    text = _OUR_TEAM.sub(lambda m: blank(m, "name"), text)
    if company:
        names = {company}
        # "Northwind Health" is also written "Northwind".
        first = company.split()[0]
        if len(first) >= 4 and first.lower() not in _NOT_NAMES:
            names.add(first)
        for name in sorted(names, key=len, reverse=True):
            pattern = re.compile(rf"(?<![\w]){re.escape(name)}(?![\w])")
            pieces, done = [], 0
            for match in pattern.finditer(text):
                if match.start() < done:  # within the name's last run ("Acme Acme Acme")
                    continue
                end = _name_end(text, match.end())
                pieces += [text[done : match.start()], " " * (end - match.start())]
                done = end
            text = "".join([*pieces, text[done:]])
    return text


# A capitalised word directly after the employer's name, on the same line and with nothing
# between but spaces: bounded like _NAME's words, and not an acronym ("CPR", "RDH").
_NAME_GOES_ON = re.compile(r"[ \t]+([A-Z][a-z][\w&'’-]{0,40})(?![\w&'’-])")
_POSSESSIVE = re.compile(r"['’]s(?![\w])")


def _name_end(text: str, end: int) -> int:
    """Where the employer's name found up to ``end`` ends: "Bright Smiles" of "About Bright
    Smiles" is written "Bright Smiles Family Dentistry" in the title, and the capitalised words
    that directly follow it are the rest of the name, not "Dentistry" the job asks for. The
    name never goes on across a line, punctuation or a lower-case word, nor into a capitalised
    function word ("We", "The": a sentence's start) or a role ("Bright Smiles Dental
    Hygienist" is the employer and the job's title)."""
    stop = word_list("stopwords")
    roles = word_list("roles")
    at = end
    while (word := _NAME_GOES_ON.match(text, at)) and word.group(1).lower() not in stop:
        if fold(word.group(1).lower()) in roles or word.group(1).lower() in roles:
            at = end  # the words name a job, not the employer
            break
        at = word.end()
    possessive = _POSSESSIVE.match(text, at)
    return possessive.end() if possessive else at


def english_share(text: str) -> tuple[float, float]:
    """The shares of English and of other languages' function words among the text's words."""
    words = [t.norm for t in tokenize(text[:20_000])]
    if not words:
        return 1.0, 0.0
    cues = _cues()["languages"]
    english = set(cues["en"])
    other = {w for lang, ws in cues.items() if lang != "en" for w in ws} - english
    return (
        sum(w in english for w in words) / len(words),
        sum(w in other for w in words) / len(words),
    )


def is_english(text: str) -> bool:
    """False for a posting written in another language (the audit reads English only)."""
    en, other = english_share(text)
    words = len(text.split())
    if words < 25:
        # Too short for a share to say much: only a run of another language's function words
        # ("con", "en", "y", "para", "de") counts, never a name such as "de Vries".
        return not (other * words >= 3 and other > 0.15 and other > 2 * en)
    return not (other > 0.08 and other > 2 * en)
