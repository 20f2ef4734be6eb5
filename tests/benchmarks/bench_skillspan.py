"""Quality of the job-keyword extraction on SkillSpan's development split.

For each posting, the job-description extraction runs on the posting's text and is scored against
the experts' spans:

- precision: the share of extracted keywords that hit an annotated span (skill or knowledge);
- recall: the share of annotated knowledge spans hit by some extracted keyword;
- F1 of the two, all pooled over every posting.

A keyword hits a span when, after lower-casing and dropping a few stopwords, their word sets have
a Jaccard similarity of at least 0.5, or the keyword contains the whole span with at most two
words more. Raw YAKE (n=3, jaro, 0.7, top 20) is measured in the same run as the baseline.
To show whether a change generalises, the same figures are given for each half of the split cut
two ways (even and odd positions; the "tech" and "house" sources), and each posting's own F1 is
summarised by its median and worst decile, so a gain that comes from a few postings shows.
The data lives outside the repository (``../shared/data/skillspan/dev.json``); without it the
benchmark reports that it was skipped.
"""

from __future__ import annotations

import json
import re
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yake

from profile_helper.core.audit.extract import job_keywords
from tests.benchmarks.harness import REPO_ROOT, Result

DATA = REPO_ROOT.parent / "shared" / "data" / "skillspan" / "dev.json"
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "in",
        "on",
        "for",
        "to",
        "with",
        "as",
        "at",
        "by",
        "from",
        "is",
        "are",
        "be",
        "our",
        "your",
        "we",
        "you",
        "their",
        "this",
        "that",
        "it",
        "its",
    ]
)
WORD = re.compile(r"[\w+#]+(?:[./-][\w+#]+)*")


@dataclass
class Posting:
    source: str  # "tech" or "house": the two sites the postings come from
    text: str
    spans: list[frozenset[str]]  # skill and knowledge spans, as word sets
    knowledge: list[frozenset[str]]  # knowledge spans only (what recall counts)


def word_set(text: str) -> frozenset[str]:
    return frozenset(w for w in WORD.findall(text.lower().replace("_", " ")) if w not in STOPWORDS)


def _spans(tokens: Sequence[str], tags: Sequence[str]) -> list[str]:
    found: list[list[str]] = []
    current: list[str] | None = None
    for token, tag in zip(tokens, tags, strict=True):
        if tag == "B":
            current = [token]
            found.append(current)
        elif tag == "I" and current is not None:
            current.append(token)
        else:
            current = None
    return [" ".join(span) for span in found]


def load_postings(path: Path = DATA) -> list[Posting]:
    by_posting: dict[tuple[str, int], list[dict[str, object]]] = defaultdict(list)
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                by_posting[(row["source"], row["idx"])].append(row)
    postings = []
    for key in sorted(by_posting):
        rows = by_posting[key]
        lines: list[str] = []
        # Every occurrence counts, as in the figures quoted for raw YAKE.
        skill: list[frozenset[str]] = []
        knowledge: list[frozenset[str]] = []
        for row in rows:
            tokens = [str(t) for t in row["tokens"]]  # type: ignore[attr-defined]
            lines.append(" ".join(tokens))
            for span in _spans(tokens, row["tags_skill"]):  # type: ignore[arg-type]
                skill.append(word_set(span))
            for span in _spans(tokens, row["tags_knowledge"]):  # type: ignore[arg-type]
                knowledge.append(word_set(span))
        skill = [s for s in skill if s]
        knowledge = [k for k in knowledge if k]
        postings.append(Posting(key[0], "\n".join(lines), skill + knowledge, knowledge))
    return postings


def hits(keyword: frozenset[str], span: frozenset[str]) -> bool:
    if not keyword or not span:
        return False
    if len(keyword & span) / len(keyword | span) >= 0.5:
        return True
    return span <= keyword and len(keyword) - len(span) <= 2


@dataclass
class Score:
    precision: float
    recall: float
    f1: float
    extracted: int
    per_posting: list[float]  # each posting's own F1, in the postings' order


def _f1(good: int, total: int, found: int, wanted: int) -> tuple[float, float, float]:
    precision = good / total if total else 0.0
    recall = found / wanted if wanted else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def evaluate(extract: Callable[[str], Iterable[str]], postings: Sequence[Posting]) -> Score:
    good = total = found = wanted = 0
    per_posting: list[float] = []
    for posting in postings:
        keywords = [word_set(k) for k in extract(posting.text)]
        keywords = [k for k in keywords if k]
        p_good = sum(any(hits(k, s) for s in posting.spans) for k in keywords)
        p_found = sum(any(hits(k, s) for k in keywords) for s in posting.knowledge)
        total += len(keywords)
        good += p_good
        wanted += len(posting.knowledge)
        found += p_found
        per_posting.append(_f1(p_good, len(keywords), p_found, len(posting.knowledge))[2])
    precision, recall, f1 = _f1(good, total, found, wanted)
    return Score(precision, recall, f1, total, per_posting)


def halves(postings: Sequence[Posting]) -> dict[str, list[Posting]]:
    """Two independent ways of cutting the split in two, to see whether a gain is general.

    Even and odd positions mix both sources; tech and house differ in style and field, so a
    change tuned to one shows up as a gap between them.
    """
    return {
        "even": list(postings[0::2]),
        "odd": list(postings[1::2]),
        "tech": [p for p in postings if p.source == "tech"],
        "house": [p for p in postings if p.source == "house"],
    }


def spread(values: Sequence[float]) -> tuple[float, float]:
    """The median and the worst decile (10th percentile) of per-posting scores."""
    ordered = sorted(values)
    if not ordered:
        return 0.0, 0.0
    return statistics.median(ordered), ordered[int(0.1 * (len(ordered) - 1))]


def raw_yake(text: str) -> list[str]:
    extractor = yake.KeywordExtractor(lan="en", n=3, dedup_func="jaro", dedup_lim=0.7, top=20)
    return [keyword for keyword, _score in extractor.extract_keywords(text)]


def ours(text: str) -> list[str]:
    return job_keywords(text)


def run() -> list[Result]:
    if not DATA.is_file():
        return [
            Result(
                "skillspan: job keywords F1",
                0.0,
                "",
                target=">= 0.55",
                note=f"skipped: {DATA} is missing",
            )
        ]
    postings = load_postings()
    # Each extraction runs once per posting; the halves reuse its answers.
    raw_yake_once, ours_once = cache(raw_yake), cache(ours)
    base = evaluate(raw_yake_once, postings)
    mine = evaluate(ours_once, postings)
    note = f"{len(postings)} postings; {mine.extracted} keywords vs {base.extracted}"
    results = [
        Result(
            "skillspan: precision",
            mine.precision,
            "",
            base.precision,
            "raw YAKE",
            ">= 0.55",
            mine.precision >= 0.55,
            note,
        ),
        Result("skillspan: recall (knowledge)", mine.recall, "", base.recall, "raw YAKE"),
        Result("skillspan: F1", mine.f1, "", base.f1, "raw YAKE", ">= 0.55", mine.f1 >= 0.55),
    ]
    # Scored on each half alone: a gain that holds on one half only is tuned to its postings.
    for name, part in halves(postings).items():
        half, half_base = evaluate(ours_once, part), evaluate(raw_yake_once, part)
        results.append(
            Result(
                f"skillspan [{name}]: F1",
                half.f1,
                "",
                half_base.f1,
                "raw YAKE",
                note=f"{len(part)} postings; P {half.precision:.3f} R {half.recall:.3f}",
            )
        )
    # Per posting: the median and the worst tenth, so a change helping a few postings shows.
    median, worst = spread(mine.per_posting)
    base_median, base_worst = spread(base.per_posting)
    results.append(Result("skillspan: per-posting F1 median", median, "", base_median, "raw YAKE"))
    results.append(
        Result("skillspan: per-posting F1 worst decile", worst, "", base_worst, "raw YAKE")
    )
    return results
