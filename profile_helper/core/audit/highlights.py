"""What the editors colour: buzzwords, weak openers, metrics, and the job's keywords present.

Computed with the audit, off the GUI thread; the editors only apply the ranges.
"""

from __future__ import annotations

from dataclasses import dataclass

from profile_helper.core.audit.match import stem
from profile_helper.core.audit.run import AuditResult
from profile_helper.core.audit.text import tokenize
from profile_helper.core.audit.vocabulary import default_vocabulary
from profile_helper.core.audit.word_lists import metric_spans, word_list

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
    found: dict[str, list[Highlight]] = {name: [] for name in texts}
    for finding in result.findings:
        if finding.span is None or finding.section not in found:
            continue
        if finding.id.endswith(".buzzword"):
            found[finding.section].append(Highlight(*finding.span, "buzzword"))
        elif finding.id.endswith(".weak_opener"):
            found[finding.section].append(Highlight(*finding.span, "weak_opener"))
    found["about"].extend(Highlight(s, e, "metric") for s, e in metric_spans(profile.about))
    wanted_skills: set[str] = set()
    for keyword in result.job_keywords:
        if keyword.source == "vocabulary":
            wanted_skills.add(keyword.skill)
            wanted_skills.update(keyword.alternatives)
    # Phrases and the title are compared by stem, a title without its level ("Senior").
    filters = word_list("filters")
    phrases = [
        [stem(t.norm) for t in tokenize(k.name) if t.norm not in filters]
        for k in result.job_keywords
        if k.source != "vocabulary"
    ]
    vocab = default_vocabulary()
    for name, text in texts.items():
        if not result.job_keywords:
            break
        for hit in vocab.find(text):
            if hit.skill in wanted_skills or wanted_skills.intersection(hit.alternatives):
                found[name].append(Highlight(hit.start, hit.end, "keyword"))
        toks = tokenize(text)
        norms = [stem(t.norm) for t in toks]
        for words in phrases:
            n = len(words)
            for i in range(len(norms) - n + 1):
                if n and norms[i : i + n] == words:
                    found[name].append(Highlight(toks[i].start, toks[i + n - 1].end, "keyword"))
    return {name: sorted(spans, key=lambda h: (h.start, h.end)) for name, spans in found.items()}
