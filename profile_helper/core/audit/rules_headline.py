"""The audit's rule ids, and the checks on the headline (About: rules_about; skills: rules_skills;
experience: rules_experience).

Every finding has a stable id (listed in :data:`RULE_IDS`), so that the front ends and saved
audits can rely on it. Rules fire on real problems and stay quiet on a good profile: each one
checks something a recruiter would notice, with a threshold from ``resources/limits.json``.
"""

from __future__ import annotations

import re
import unicodedata

from profile_helper.core.audit.keyword import Keyword
from profile_helper.core.audit.match import SectionWords
from profile_helper.core.audit.phrases import find_phrases
from profile_helper.core.audit.profile import Finding
from profile_helper.core.audit.text import Token, normalize, tokenize
from profile_helper.core.audit.vocabulary import default_vocabulary
from profile_helper.core.audit.word_lists import buzzword_hits, word_list
from profile_helper.core.resources import limits

RULE_IDS: tuple[str, ...] = (
    "headline.empty",
    "headline.too_long",
    "headline.job_seeking_phrase",
    "headline.buzzword",
    "headline.separators",
    "headline.all_caps",
    "headline.emoji",
    "headline.keywords_late",
    "headline.title_only",
    "about.empty",
    "about.too_long",
    "about.short",
    "about.weak_hook",
    "about.no_metrics",
    "about.third_person",
    "about.no_call_to_action",
    "about.buzzword",
    "about.weak_opener",
    "about.wall_of_text",
    "skills.empty",
    "skills.too_few",
    "skills.too_many",
    "skills.too_long",
    "skills.duplicate",
    "skills.missing_from_job",
    "experience.no_description",
    "experience.too_long",
    "experience.no_metrics",
    "experience.weak_opener",
    "experience.title_mismatch",
    "experience.gap",
    "match.low",
    "match.missing_keywords",
)

# Separators people put between headline parts; "/" only with spaces, so "CI/CD" is one word.
_SEPARATOR = re.compile(r"\s[|/\\–—-]\s|[|•·▪♦►➤✦★;]")


def buzzword_findings(section: str, text: str) -> list[Finding]:
    found = []
    # "Responsible for" is flagged as a weak opener; its first word is not a second finding.
    for hit in buzzword_hits(text):
        word = text[hit.start : hit.end]
        found.append(
            Finding(
                f"{section}.buzzword",
                section,
                "tip",
                f"“{word}” is one of the words LinkedIn calls overused; on its own it proves "
                "nothing.",
                (hit.start, hit.end),
                f"Show it instead of saying it: replace “{word}” with a result, a tool or a "
                "number.",
            )
        )
    return found


def _is_emoji(ch: str) -> bool:
    return unicodedata.category(ch) == "So" or 0x1F000 <= ord(ch) <= 0x1FAFF


def check_headline(text: str, top_keywords: list[Keyword]) -> list[Finding]:
    """Findings for the headline; ``top_keywords`` are the job's best keywords, if any."""
    if not text.strip():
        return [
            Finding(
                "headline.empty",
                "headline",
                "error",
                "Your headline is empty: it is the first thing a recruiter's search shows.",
                None,
                "Write “Role | skill | skill | skill”, e.g. “Data Engineer | Python | AWS | dbt”.",
            )
        ]
    return [
        *_too_long(text),
        *_job_seeking(text),
        *buzzword_findings("headline", text),
        *_shape(text),
        *_shouting(text),
        *_keywords_late(text, top_keywords),
    ]


def _too_long(text: str) -> list[Finding]:
    limit = limits()["headline"]["max_chars"]
    if len(text) <= limit:
        return []
    return [
        Finding(
            "headline.too_long",
            "headline",
            "error",
            f"Your headline has {len(text)} characters; LinkedIn keeps {limit}.",
            (limit, len(text)),
            "Cut the words after the limit, or move them to your About section.",
        )
    ]


def _job_seeking(text: str) -> list[Finding]:
    """The first "Seeking opportunities", "Open to work"... (one finding is enough)."""
    for hit in find_phrases(text, word_list("job_seeking")):
        return [
            Finding(
                "headline.job_seeking_phrase",
                "headline",
                "warning",
                f"“{text[hit.start : hit.end]}” tells searchers you are looking, not what you "
                "offer; recruiters search for roles and skills.",
                (hit.start, hit.end),
                "Lead with the role you want and your top skills; use LinkedIn's Open to Work "
                "setting to signal the search.",
            )
        ]
    return []


def _shape(text: str) -> list[Finding]:
    """A bare title, too many separators, too many emoji."""
    found: list[Finding] = []
    separators = list(_SEPARATOR.finditer(text))
    if not separators and _only_a_title(text):
        found.append(
            Finding(
                "headline.title_only",
                "headline",
                "warning",
                "Your headline is only a job title: it says what you are called, not what you "
                "do best or the keywords recruiters search for.",
                (0, len(text)),
                f"Keep “{text.strip()}” and add your specialty, the value you bring and two or "
                f"three keywords: “{text.strip()} | <specialty> | <skill> | <skill>”.",
            )
        )
    if len(separators) > 3:
        found.append(
            Finding(
                "headline.separators",
                "headline",
                "tip",
                f"Your headline has {len(separators)} separators; more than three reads as a "
                "list of tags.",
                (separators[3].start(), separators[-1].end()),
                "Keep the role and the three skills that matter most for the job you want.",
            )
        )
    return found


def _shouting(text: str) -> list[Finding]:
    """Words in capitals that are not acronyms, and more than two emoji."""
    found = [
        Finding(
            "headline.all_caps",
            "headline",
            "warning",
            f"“{tok.text}” is in capitals, which reads as shouting.",
            (tok.start, tok.end),
            f"Write “{tok.text.capitalize()}”; keep capitals for acronyms.",
        )
        for tok in _shouted_words(text)
    ]
    emoji = [i for i, ch in enumerate(text) if _is_emoji(ch)]
    if len(emoji) > 2:
        found.append(
            Finding(
                "headline.emoji",
                "headline",
                "tip",
                f"Your headline has {len(emoji)} emoji; more than two crowd out the keywords "
                "recruiters search for.",
                (emoji[2], emoji[-1] + 1),
                "Keep at most two emoji, or none.",
            )
        )
    return found


def _keywords_late(text: str, top_keywords: list[Keyword]) -> list[Finding]:
    """None of the job's three best keywords in the part search results show."""
    if not top_keywords:
        return []
    shown = limits()["headline"]["visible_in_search"]
    # The visible part has one of the three best keywords, as written or through an alias.
    visible = SectionWords.of(text[:shown])
    if any(visible.has(k) or visible.has_title_without_level(k) for k in top_keywords[:3]):
        return []
    best = top_keywords[0].name
    return [
        Finding(
            "headline.keywords_late",
            "headline",
            "warning",
            f"None of the job's top keywords is in the first {shown} characters, the part "
            "search results and invitations show.",
            (0, min(len(text), shown)),
            f"Start with the role and “{best}”, e.g. “<Role> | {best} | …”.",
        )
    ]


_EMPLOYER = re.compile(r"\s+(?:at|@)\s+.*$", re.IGNORECASE | re.DOTALL)


def _only_a_title(text: str) -> bool:
    """True for a bare title ("Marketing Manager", "Store Manager at Acme"): a few words, no
    comma or separator, ending in a role noun ("Manager", "Nurse")."""
    title = _EMPLOYER.sub("", text.strip())
    words = [normalize(w) for w in re.findall(r"[\w&'-]+", title)]
    if not words or len(words) > 5 or "," in title:
        return False
    return words[-1] in word_list("roles")


def _shouted_words(text: str) -> list[Token]:
    """Words in capitals that are not acronyms: long ones ("SEEKING") or runs ("BIG DATA GURU").

    Short capitals are usually acronyms ("NASA", "AI/ML") and known skills ("GDPR") never count.
    """
    vocab = default_vocabulary()
    parts: list[Token] = []
    for tok in tokenize(text):
        # "AI/ML" and "UX-UI" are two acronyms, not one long shouted word.
        offset = 0
        for piece in re.split(r"[./-]", tok.text):
            start = tok.start + tok.text.index(piece, offset) if piece else tok.start
            offset = start - tok.start + len(piece)
            if piece:
                parts.append(Token(piece, normalize(piece), start, start + len(piece)))

    def caps(t: Token) -> bool:
        letters = [c for c in t.text if c.isalpha()]
        return len(letters) >= 3 and all(c.isupper() for c in letters)

    shouted = []
    for i, tok in enumerate(parts):
        if not caps(tok) or vocab.canonical(tok.text) is not None:
            continue
        in_run = (i > 0 and caps(parts[i - 1])) or (i + 1 < len(parts) and caps(parts[i + 1]))
        if len(tok.text) >= 6 or in_run:
            shouted.append(tok)
    return shouted
