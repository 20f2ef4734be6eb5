"""What the editors colour: buzzwords, weak openers, metrics, and the job's keywords present.

Computed with the audit, off the GUI thread; the editors only apply the ranges.
"""

from __future__ import annotations

from dataclasses import dataclass

from profile_helper.core.audit.run import AuditResult
from profile_helper.core.audit.terms import find_terms
from profile_helper.core.audit.text import tokenize
from profile_helper.core.audit.vocabulary import default_vocabulary
from profile_helper.core.audit.word_lists import metric_spans, word_list
from profile_helper.core.audit.word_roots import stem

KINDS = ("buzzword", "weak_opener", "metric", "keyword")


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    kind: str  # one of KINDS


def highlights(result: AuditResult) -> dict[str, list[Highlight]]:
    """Ranges to colour in each section's text, sorted, by kind."""
    profile = result.profile
    texts = {"headline": profile.headline, "about": profile.about, "skills": profile.skills_text}
    found: dict[str, list[Highlight]] = {name: _flagged(result, name) for name in texts}
    found["about"].extend(Highlight(s, e, "metric") for s, e in metric_spans(profile.about))
    if result.job_keywords:
        for name, text in texts.items():
            found[name].extend(_keywords_in(text, result))
    return {name: sorted(spans, key=lambda h: (h.start, h.end)) for name, spans in found.items()}


def _flagged(result: AuditResult, section: str) -> list[Highlight]:
    """The buzzwords and weak openers the audit's findings point at in one section."""
    kinds = {".buzzword": "buzzword", ".weak_opener": "weak_opener"}
    return [
        Highlight(*finding.span, kind)
        for finding in result.findings
        if finding.span is not None and finding.section == section
        for suffix, kind in kinds.items()
        if finding.id.endswith(suffix)
    ]


def _keywords_in(text: str, result: AuditResult) -> list[Highlight]:
    """Where a text names one of the job's keywords: a named skill, or a phrase or the title,
    compared by stem and without the title's level ("Senior")."""
    wanted: set[str] = set()
    for keyword in result.job_keywords:
        if keyword.source == "vocabulary":
            wanted.add(keyword.skill)
            wanted.update(keyword.alternatives)
    toks = tokenize(text)
    spans = [
        Highlight(hit.start, hit.end, "keyword")
        for hit in default_vocabulary().find(text, toks)
        if hit.skill in wanted or wanted.intersection(hit.alternatives)
    ]
    taken = [(h.start, h.end) for h in spans]
    spans += [
        Highlight(hit.start, hit.end, "keyword")
        for hit in find_terms(text, toks, taken)
        if hit.name in wanted
    ]
    filters = word_list("filters")
    norms = [stem(t.norm) for t in toks]
    for keyword in result.job_keywords:
        if keyword.source == "vocabulary":
            continue
        words = [stem(t.norm) for t in tokenize(keyword.name) if t.norm not in filters]
        n = len(words)
        spans += [
            Highlight(toks[i].start, toks[i + n - 1].end, "keyword")
            for i in range(len(norms) - n + 1)
            if n and norms[i : i + n] == words
        ]
    return spans
