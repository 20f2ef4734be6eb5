"""What the editors colour: buzzwords, weak openers, metrics, and the job's keywords present.

Computed with the audit, off the GUI thread; the editors only apply the ranges.
"""

from __future__ import annotations

from dataclasses import dataclass

from profile_helper.core.audit.match import SectionWords
from profile_helper.core.audit.run import AuditResult
from profile_helper.core.audit.word_lists import metric_spans

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
    """Where a text meets one of the job's keywords, as the match reads it
    (:meth:`SectionWords.spans`): a named skill, the title, or a duty in other words ("I manage
    inventory" for "inventory management")."""
    section = SectionWords.of(text)
    spans = {span for keyword in result.job_keywords for span in section.spans(keyword)}
    return [Highlight(start, end, "keyword") for start, end in spans]
