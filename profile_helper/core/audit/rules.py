"""Rule checks on the headline and the About section (skills and match are in rules_skills).

Every finding has a stable id (listed in :data:`RULE_IDS`), so that the front ends and saved
audits can rely on it. Rules fire on real problems and stay quiet on a good profile: each one
checks something a recruiter would notice, with a threshold from ``resources/limits.json``.
"""

from __future__ import annotations

import re
import unicodedata

from profile_helper.core.audit.model import Finding
from profile_helper.core.audit.phrases import find_phrases, limits, phrases
from profile_helper.core.audit.text import normalize, paragraphs, sentences, tokenize
from profile_helper.core.audit.vocabulary import default_vocabulary

RULE_IDS: tuple[str, ...] = (
    "headline.empty",
    "headline.too_long",
    "headline.job_seeking_phrase",
    "headline.buzzword",
    "headline.separators",
    "headline.all_caps",
    "headline.emoji",
    "headline.keywords_late",
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
    "match.low",
    "match.missing_keywords",
)

# Separators people put between headline parts; "/" only with spaces, so "CI/CD" is one word.
_SEPARATOR = re.compile(r"\s[|/\\–—-]\s|[|•·▪♦►➤✦★;]")
# A quantified result: a percentage, an amount of money, a multiple, or a count of something.
# A four-digit year is not a metric, so bare numbers must not look like one.
_METRIC = re.compile(
    r"\d[\d,.]*\s?(?:%|percent\b)"
    r"|[$€£¥₹]\s?\d"
    r"|\b\d[\d,.]*\s?(?:k|m|bn|mn|million|billion|thousand)\b"
    r"|\b\d+(?:\.\d+)?\s?[x×]\b|\b[x×]\d+\b"
    r"|\b(?!(?:19|20)\d\d\b)\d[\d,.]*\+?\s+[a-z]",
    re.IGNORECASE,
)
_FIRST_PERSON = {"i", "i'm", "im", "my", "me", "mine", "myself", "we", "our"}
_THIRD_PERSON = {"he", "she", "his", "her", "hers", "him", "himself", "herself"}


def buzzword_findings(section: str, text: str) -> list[Finding]:
    found = []
    # "Responsible for" is flagged as a weak opener; its first word is not a second finding.
    openers = [(h.start, h.end) for h in find_phrases(text, phrases("weak_openers"))]
    for hit in find_phrases(text, phrases("buzzwords")):
        if any(start <= hit.start < end for start, end in openers):
            continue
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


def check_headline(text: str, top_keywords: list[str]) -> list[Finding]:
    """Findings for the headline; ``top_keywords`` are the job's best keywords, if any."""
    lim = limits()["headline"]
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
    found: list[Finding] = []
    if len(text) > lim["max_chars"]:
        found.append(
            Finding(
                "headline.too_long",
                "headline",
                "error",
                f"Your headline has {len(text)} characters; LinkedIn keeps {lim['max_chars']}.",
                (lim["max_chars"], len(text)),
                "Cut the words after the limit, or move them to your About section.",
            )
        )
    for hit in find_phrases(text, phrases("job_seeking")):
        found.append(
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
        )
        break
    found.extend(buzzword_findings("headline", text))
    separators = list(_SEPARATOR.finditer(text))
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
    vocab = default_vocabulary()
    for tok in tokenize(text):
        letters = [c for c in tok.text if c.isalpha()]
        shouting = len(letters) >= 4 and all(c.isupper() for c in letters)
        if shouting and vocab.canonical(tok.text) is None:
            found.append(
                Finding(
                    "headline.all_caps",
                    "headline",
                    "warning",
                    f"“{tok.text}” is in capitals, which reads as shouting.",
                    (tok.start, tok.end),
                    f"Write “{tok.text.capitalize()}”; keep capitals for acronyms.",
                )
            )
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
    if top_keywords:
        visible = normalize(text[: lim["visible_in_search"]])
        seen = {t.norm for t in tokenize(visible)}
        if not any(
            all(t.norm in seen for t in tokenize(k)) and tokenize(k) for k in top_keywords[:3]
        ):
            best = top_keywords[0]
            found.append(
                Finding(
                    "headline.keywords_late",
                    "headline",
                    "warning",
                    f"None of the job's top keywords is in the first {lim['visible_in_search']} "
                    "characters, the part search results and invitations show.",
                    (0, min(len(text), lim["visible_in_search"])),
                    f"Start with the role and “{best}”, e.g. “<Role> | {best} | …”.",
                )
            )
    return found


def check_about(text: str) -> list[Finding]:
    """Findings for the About section."""
    lim = limits()["about"]
    if not text.strip():
        return [
            Finding(
                "about.empty",
                "about",
                "error",
                "Your About section is empty: it is where recruiters read what you do and for "
                "whom.",
                None,
                "Write three or four short paragraphs: a hook, what you do with which tools, a "
                "result with a number, and how to reach you.",
            )
        ]
    found: list[Finding] = []
    if len(text) > lim["max_chars"]:
        found.append(
            Finding(
                "about.too_long",
                "about",
                "error",
                f"Your About section has {len(text)} characters; LinkedIn keeps "
                f"{lim['max_chars']}.",
                (lim["max_chars"], len(text)),
                f"Aim for {lim['ideal_min']:,}–{lim['ideal_max']:,} characters.",
            )
        )
    elif len(text.strip()) < lim["short_below"]:
        found.append(
            Finding(
                "about.short",
                "about",
                "warning",
                f"Your About section has {len(text.strip())} characters: too little to show "
                "what you do and prove it.",
                None,
                f"Aim for {lim['ideal_min']:,}–{lim['ideal_max']:,} characters in three or four "
                "short paragraphs.",
            )
        )
    found.extend(_hook(text, lim["see_more_desktop"]))
    if not _METRIC.search(text):
        found.append(
            Finding(
                "about.no_metrics",
                "about",
                "warning",
                "No quantified result: nothing says how much, how many or how fast.",
                None,
                "Add one result with a number, e.g. “cut release time from 2 days to 3 hours” "
                "or “grew revenue 30%”.",
            )
        )
    words = [t.norm for t in tokenize(text.replace("’", "'"))]
    first = sum(w in _FIRST_PERSON for w in words)
    third = sum(w in _THIRD_PERSON for w in words)
    if first == 0 and third > 0:
        found.append(
            Finding(
                "about.third_person",
                "about",
                "warning",
                "Your About section speaks of you in the third person; on your own profile it "
                "reads as distant.",
                None,
                "Write in the first person: “I build…”, not “Jane builds…”.",
            )
        )
    tail = text[-300:]
    if len(text.strip()) >= 200 and not find_phrases(tail, phrases("call_to_action")):
        found.append(
            Finding(
                "about.no_call_to_action",
                "about",
                "tip",
                "The About section ends without telling the reader what to do next.",
                None,
                "Close with one line such as “Message me if you are hiring for …” or “Let's "
                "connect: jane@example.com”.",
            )
        )
    found.extend(buzzword_findings("about", text))
    verbs = ", ".join(sorted(phrases("strong_verbs")))
    for hit in find_phrases(text, phrases("weak_openers")):
        found.append(
            Finding(
                "about.weak_opener",
                "about",
                "warning",
                f"“{text[hit.start : hit.end]}” describes a duty, not what you achieved.",
                (hit.start, hit.end),
                f"Start with what you did and its result, using a verb such as {verbs}.",
            )
        )
    longest = max(paragraphs(text), key=lambda p: p[1] - p[0])
    if longest[1] - longest[0] > lim["paragraph_max"]:
        found.append(
            Finding(
                "about.wall_of_text",
                "about",
                "warning",
                f"One paragraph runs {longest[1] - longest[0]} characters; on a phone that is "
                "a wall of text.",
                longest,
                f"Break it into paragraphs of at most {lim['paragraph_max']} characters, one "
                "idea each.",
            )
        )
    return found


def _hook(text: str, see_more: int) -> list[Finding]:
    start = len(text) - len(text.lstrip())
    spans = sentences(text)
    first_end = spans[0][1] if spans else len(text)
    opening = normalize(text[start : start + 40])
    weak = sorted(
        (p for p in phrases("weak_hooks") if re.match(re.escape(p) + r"\b", opening)),
        key=len,
    )
    if weak:
        return [
            Finding(
                "about.weak_hook",
                "about",
                "warning",
                f"The About section opens with “{text[start : start + len(weak[-1])]}”: the "
                "first lines before “see more” should make a recruiter want to read on.",
                (start, min(first_end, len(text))),
                "Open with what you do and for whom, and a result, e.g. “I help fintechs ship "
                "secure payment APIs; last year mine handled €2B.”",
            )
        ]
    if first_end - start > see_more:
        return [
            Finding(
                "about.weak_hook",
                "about",
                "warning",
                f"The first sentence runs past the {see_more} characters shown before “see "
                "more”, so the hook is cut off.",
                (start, first_end),
                "Make the first sentence short and concrete: what you do, for whom, a result.",
            )
        ]
    return []
