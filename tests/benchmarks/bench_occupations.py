"""Quality of the audit across occupations: the job keywords it finds, its noise, its match rate.

The data (``data/occupations``, described in its README) is 40 original job postings from more
than 20 occupations, most of them outside software, each labelled with what a recruiter would
screen on (its *requirements*) and with what must never come out as a keyword (its *noise*: the
company, its products and tagline, benefits, equal-opportunity wording, the hiring manager's
title, team names, the town), plus profiles written for some of the postings. Thirty postings are
``dev`` (tune on these) and ten are ``heldout`` (only look at the figures).

Each posting goes through the real audit, ``audit(headline, about, skills, job)``; its job
keywords are ``keywords.job_detail[*].keyword`` when the audit gives that list, else
``keywords.job``. Per occupation field and overall, separately for each split:

- recall: the share of labelled requirements (every importance) hit by some extracted keyword,
  and the same for the ``required`` ones alone;
- noise share: the share of extracted keywords that hit a noise phrase, or that never occur in
  the posting once its boilerplate blocks (``noise_text``: about us, benefits, equal
  opportunity, how to apply) are cut out. A keyword that hits a labelled requirement is never
  noise: "Merchandising" in a store manager's posting is useful even though a team is named
  "Merchandising", and "insurance" in a pharmacy technician's is a duty (insurance claims).

A keyword hits a phrase when, lower-cased, with simple plurals folded (-s, -es, -ies to -y) and
punctuation other than ``+ # /`` dropped, its words equal the phrase's (or one of its forms), or
one holds the other as a run of words with at most one extra word on either side. A keyword
"occurs" in the cut text when it is found there at word boundaries (case-insensitive) or, folded
the same way, as a run of words.

Each profile is audited against the posting it was written for (matched) and against a posting
from a clearly different occupation (mismatched); the medians of the two match rates are given
(a ``None`` rate, no job keywords at all, counts as 0). Every profile is written for a dev
posting, so these figures are dev only.

A table per field is printed; with ``BENCH_VERBOSE=1`` each posting's missed requirements and
noise keywords are listed too. Run it with ``python tests/benchmarks/run.py occupations``.
"""

from __future__ import annotations

import json
import os
import re
import statistics
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, TextIO

from profile_helper.commands.output import print_table
from profile_helper.core.audit.run import audit
from tests.benchmarks.harness import Result

DATA = Path(__file__).resolve().parent / "data" / "occupations"
SPLITS = ("dev", "heldout")
RECALL_TARGET = 0.85
NOISE_TARGET = 0.05
MATCHED_TARGET = 0.7
MISMATCHED_TARGET = 0.2

Words = tuple[str, ...]

_APOSTROPHE = re.compile(r"['’]")
_PUNCTUATION = re.compile(r"[^\w\s+#/]|_")


def fold_word(word: str) -> str:
    """A word with a simple English plural folded: "licenses" -> "license", "duties" -> "duty"."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "ches", "shes", "xes", "zes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def words(text: str) -> Words:
    """``text`` as folded words: lower case, plurals folded, punctuation but ``+ # /`` dropped."""
    text = _PUNCTUATION.sub(" ", _APOSTROPHE.sub("", text.lower()))
    return tuple(fold_word(w) for w in text.split())


def _index(needle: Words, haystack: Words) -> Iterable[int]:
    for i in range(len(haystack) - len(needle) + 1):
        if haystack[i : i + len(needle)] == needle:
            yield i


def hits(keyword: Words, phrase: Words) -> bool:
    """Whether two folded phrases name the same thing (see the module docstring)."""
    if not keyword or not phrase:
        return False
    if keyword == phrase:
        return True
    short, long = sorted((keyword, phrase), key=len)
    if len(short) == len(long):
        return False
    return any(i <= 1 and len(long) - i - len(short) <= 1 for i in _index(short, long))


def occurs(phrase: Words, text: Words) -> bool:
    """Whether ``phrase`` is a run of words of ``text`` (both folded)."""
    # Words hold no spaces, so a run of words is a substring between spaces.
    return bool(phrase) and f" {' '.join(phrase)} " in f" {' '.join(text)} "


@dataclass(frozen=True)
class Requirement:
    keyword: str
    kind: str
    importance: str  # "required", "preferred" or "duty"
    forms: tuple[str, ...]

    @property
    def variants(self) -> list[Words]:
        return [w for w in (words(self.keyword), *(words(f) for f in self.forms)) if w]


@dataclass(frozen=True)
class Posting:
    id: str
    occupation: str
    field: str
    split: str
    title: str
    company: str
    text: str
    requirements: tuple[Requirement, ...]
    noise: tuple[str, ...]
    noise_text: tuple[str, ...]

    @property
    def cut_text(self) -> str:
        """The posting without its boilerplate blocks (each replaced by a line break)."""
        text = self.text
        for block in self.noise_text:
            text = text.replace(block, "\n")
        return text


@dataclass(frozen=True)
class ProfileCase:
    id: str
    posting: str
    mismatch: str
    headline: str
    about: str
    skills: tuple[str, ...]
    title: str
    seniority: str
    credentials: tuple[str, ...]
    numbers: tuple[str, ...]

    @property
    def skills_text(self) -> str:
        return "\n".join(self.skills)


def load_postings(root: Path = DATA) -> list[Posting]:
    postings = []
    for label in sorted((root / "postings").glob("*.json")):
        data = json.loads(label.read_text(encoding="utf-8"))
        text = label.with_suffix(".txt").read_text(encoding="utf-8")
        requirements = tuple(
            Requirement(r["keyword"], r["kind"], r["importance"], tuple(r.get("forms", ())))
            for r in data["requirements"]
        )
        postings.append(
            Posting(
                id=data["id"],
                occupation=data["occupation"],
                field=data["field"],
                split=data["split"],
                title=data["title"],
                company=data["company"],
                text=text,
                requirements=requirements,
                noise=tuple(data["noise"]),
                noise_text=tuple(data["noise_text"]),
            )
        )
    return postings


def load_profiles(root: Path = DATA) -> list[ProfileCase]:
    profiles = []
    for path in sorted((root / "profiles").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        profiles.append(
            ProfileCase(
                id=data["id"],
                posting=data["posting"],
                mismatch=data["mismatch"],
                headline=data["headline"],
                about=data["about"],
                skills=tuple(data["skills"]),
                title=data["title"],
                seniority=data["seniority"],
                credentials=tuple(data["credentials"]),
                numbers=tuple(data["numbers"]),
            )
        )
    return profiles


def audit_json(headline: str, about: str, skills: str, job: str) -> dict[str, Any]:
    data: dict[str, Any] = audit(headline, about, skills, job).to_json()
    return data


def job_keywords(data: dict[str, Any]) -> list[str]:
    """The job keywords of an audit's JSON: from ``job_detail`` when there is one."""
    keywords = data["keywords"]
    detail = keywords.get("job_detail")
    if isinstance(detail, list):
        return [str(item["keyword"]) for item in detail]
    return [str(k) for k in keywords["job"]]


@dataclass
class PostingScore:
    posting: Posting
    keywords: list[str]
    missed: list[Requirement]
    noise: list[str]

    @property
    def found(self) -> int:
        return len(self.posting.requirements) - len(self.missed)

    @property
    def required(self) -> int:
        return sum(r.importance == "required" for r in self.posting.requirements)

    @property
    def required_found(self) -> int:
        missed = sum(r.importance == "required" for r in self.missed)
        return self.required - missed


def _present(keyword: str, cut: str, cut_words: Words) -> bool:
    """Whether ``keyword`` is in the posting's text outside its boilerplate blocks."""
    folded = words(keyword)
    pattern = r"(?<!\w)" + re.escape(keyword.strip()) + r"(?!\w)"
    return bool(re.search(pattern, cut, re.IGNORECASE)) or occurs(folded, cut_words)


def score_posting(posting: Posting, keywords: Sequence[str]) -> PostingScore:
    folded = [words(k) for k in keywords]
    missed = [
        r for r in posting.requirements if not any(hits(k, v) for k in folded for v in r.variants)
    ]
    noise_phrases = [words(n) for n in posting.noise]
    cut = posting.cut_text
    cut_words = words(cut)
    variants = [v for r in posting.requirements for v in r.variants]
    noise = [
        keyword
        for keyword, k in zip(keywords, folded, strict=True)
        if not any(hits(k, v) for v in variants)
        and (any(hits(k, n) for n in noise_phrases) or not _present(keyword, cut, cut_words))
    ]
    return PostingScore(posting, list(keywords), missed, noise)


@dataclass
class Totals:
    postings: int = 0
    requirements: int = 0
    found: int = 0
    required: int = 0
    required_found: int = 0
    keywords: int = 0
    noise: int = 0

    def add(self, score: PostingScore) -> None:
        self.postings += 1
        self.requirements += len(score.posting.requirements)
        self.found += score.found
        self.required += score.required
        self.required_found += score.required_found
        self.keywords += len(score.keywords)
        self.noise += len(score.noise)

    @property
    def recall(self) -> float:
        return self.found / self.requirements if self.requirements else 0.0

    @property
    def required_recall(self) -> float:
        return self.required_found / self.required if self.required else 0.0

    @property
    def noise_share(self) -> float:
        return self.noise / self.keywords if self.keywords else 0.0


def totals(scores: Iterable[PostingScore]) -> Totals:
    total = Totals()
    for score in scores:
        total.add(score)
    return total


@cache
def _posting_keywords(text: str) -> tuple[str, ...]:
    return tuple(job_keywords(audit_json("", "", "", text)))


@dataclass
class PairRates:
    """One profile's match rate against its own posting and against its mismatch."""

    profile: ProfileCase
    posting: Posting
    matched: float
    mismatched: float


def _rate(profile: ProfileCase, posting: Posting) -> float:
    data = audit_json(profile.headline, profile.about, profile.skills_text, posting.text)
    rate = data["match_rate"]
    return float(rate) if rate is not None else 0.0


def match_rates(profiles: Sequence[ProfileCase], postings: dict[str, Posting]) -> list[PairRates]:
    return [
        PairRates(
            profile,
            postings[profile.posting],
            _rate(profile, postings[profile.posting]),
            _rate(profile, postings[profile.mismatch]),
        )
        for profile in profiles
    ]


def _median(values: Sequence[float]) -> str:
    return f"{statistics.median(values):.2f}" if values else ""


def _print_rows(headers: Sequence[str], rows: Sequence[Sequence[object]], out: TextIO) -> None:
    print_table(headers, rows, out)


def report(
    scores: Sequence[PostingScore],
    pairs: Sequence[PairRates],
    out: TextIO,
    *,
    verbose: bool = False,
) -> None:
    """The per-field table (and with ``verbose``, each posting's misses and noise)."""
    rows: list[list[object]] = []
    for split in SPLITS:
        in_split = [s for s in scores if s.posting.split == split]
        pairs_in_split = [p for p in pairs if p.posting.split == split]
        by_field: dict[str, list[PostingScore]] = defaultdict(list)
        for score in in_split:
            by_field[score.posting.field].append(score)
        for field_name in sorted(by_field):
            field_pairs = [p for p in pairs_in_split if p.posting.field == field_name]
            rows.append(_row(split, field_name, totals(by_field[field_name]), field_pairs))
        rows.append(_row(split, "ALL", totals(in_split), pairs_in_split))
    headers = [
        "split",
        "field",
        "postings",
        "reqs",
        "recall",
        "req'd recall",
        "kws",
        "noise",
        "profiles",
        "matched",
        "mismatched",
    ]
    out.write("\noccupations: recall, noise share and median match rates by field\n")
    _print_rows(headers, rows, out)
    if not verbose:
        return
    for score in scores:
        t = totals([score])
        out.write(
            f"\n[{score.posting.split}] {score.posting.id} ({score.posting.occupation}): "
            f"recall {t.recall:.2f}, noise {t.noise_share:.2f} "
            f"({len(score.noise)}/{len(score.keywords)})\n"
        )
        out.write("  missed: " + ("; ".join(r.keyword for r in score.missed) or "-") + "\n")
        noise = "; ".join(" ".join(k.split()) for k in score.noise)
        out.write("  noise:  " + (noise or "-") + "\n")
    out.write("\n")
    for pair in pairs:
        out.write(
            f"{pair.profile.id}: {pair.matched:.2f} against {pair.profile.posting}, "
            f"{pair.mismatched:.2f} against {pair.profile.mismatch}\n"
        )
    out.write("\n")


def _row(split: str, field_name: str, t: Totals, pairs: Sequence[PairRates]) -> list[object]:
    return [
        split,
        field_name,
        t.postings,
        t.requirements,
        f"{t.recall:.3f}",
        f"{t.required_recall:.3f}",
        t.keywords,
        f"{t.noise_share:.3f}",
        len(pairs) or "",
        _median([p.matched for p in pairs]),
        _median([p.mismatched for p in pairs]),
    ]


def run() -> list[Result]:
    postings = load_postings()
    if not postings:
        return [Result("occupations: recall", 0.0, "", note=f"skipped: no postings in {DATA}")]
    scores = [score_posting(p, _posting_keywords(p.text)) for p in postings]
    pairs = match_rates(load_profiles(), {p.id: p for p in postings})
    verbose = os.environ.get("BENCH_VERBOSE", "") not in ("", "0")
    report(scores, pairs, sys.stdout, verbose=verbose)
    results: list[Result] = []
    for split in SPLITS:
        t = totals(s for s in scores if s.posting.split == split)
        results += [
            Result(
                f"occupations [{split}]: recall",
                t.recall,
                "",
                target=f">= {RECALL_TARGET}",
                ok=t.recall >= RECALL_TARGET,
                note=f"{t.postings} postings, {t.found} of {t.requirements} requirements",
            ),
            Result(
                f"occupations [{split}]: recall (required)",
                t.required_recall,
                "",
                note=f"{t.required_found} of {t.required} required",
            ),
            Result(
                f"occupations [{split}]: noise share",
                t.noise_share,
                "",
                target=f"<= {NOISE_TARGET}",
                ok=t.noise_share <= NOISE_TARGET,
                note=f"{t.noise} of {t.keywords} keywords",
            ),
        ]
    for split in SPLITS:
        in_split = [p for p in pairs if p.posting.split == split]
        if not in_split:
            continue
        matched = [p.matched for p in in_split]
        mismatched = [p.mismatched for p in in_split]
        matched_median = statistics.median(matched)
        mismatched_median = statistics.median(mismatched)
        results += [
            Result(
                f"occupations [{split}]: match rate, matched pairs",
                matched_median,
                "",
                target=f">= {MATCHED_TARGET}",
                ok=matched_median >= MATCHED_TARGET,
                note=f"median of {len(matched)} profiles; lowest {min(matched):.2f}",
            ),
            Result(
                f"occupations [{split}]: match rate, mismatched pairs",
                mismatched_median,
                "",
                target=f"<= {MISMATCHED_TARGET}",
                ok=mismatched_median <= MISMATCHED_TARGET,
                note=f"median of {len(mismatched)} profiles; highest {max(mismatched):.2f}",
            ),
        ]
    return results
