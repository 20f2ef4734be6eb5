"""Quality of the job-keyword extraction on SkillSpan's development split.

For each posting, the job-description extraction runs on the posting's text and is scored against
the experts' spans:

- precision: the share of extracted keywords that hit an annotated span (skill or knowledge);
- recall: the share of annotated knowledge spans hit by some extracted keyword;
- F1 of the two, all pooled over every posting.

A keyword hits a span when, after lower-casing and dropping a few stopwords, their word sets have
a Jaccard similarity of at least 0.5, or the keyword contains the whole span with at most two
words more. Raw YAKE (n=3, jaro, 0.7, top 20) is measured in the same run as the baseline.
The data lives outside the repository (``../shared/data/skillspan/dev.json``); without it the
benchmark reports that it was skipped.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

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
        postings.append(Posting("\n".join(lines), skill + knowledge, knowledge))
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


def evaluate(extract: Callable[[str], Iterable[str]], postings: Sequence[Posting]) -> Score:
    good = total = found = wanted = 0
    for posting in postings:
        keywords = [word_set(k) for k in extract(posting.text)]
        keywords = [k for k in keywords if k]
        total += len(keywords)
        good += sum(any(hits(k, s) for s in posting.spans) for k in keywords)
        wanted += len(posting.knowledge)
        found += sum(any(hits(k, s) for k in keywords) for s in posting.knowledge)
    precision = good / total if total else 0.0
    recall = found / wanted if wanted else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1, total)


def raw_yake(text: str) -> list[str]:
    import yake

    extractor = yake.KeywordExtractor(lan="en", n=3, dedup_func="jaro", dedup_lim=0.7, top=20)
    return [keyword for keyword, _score in extractor.extract_keywords(text)]


def ours(text: str) -> list[str]:
    from profile_helper.core.audit.extract import job_keywords

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
    base = evaluate(raw_yake, postings)
    mine = evaluate(ours, postings)
    note = f"{len(postings)} postings; {mine.extracted} keywords vs {base.extracted}"
    return [
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
