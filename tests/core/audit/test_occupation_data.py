"""The occupations benchmark's data is consistent: labels point at text that is really there.

The benchmark (``tests/benchmarks/bench_occupations.py``) scores the audit against these labels,
so a label that names a word the posting never uses, or a boilerplate block that is not in the
posting, would quietly skew every figure it prints.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest

from tests.benchmarks.bench_occupations import (
    DATA,
    Posting,
    ProfileCase,
    hits,
    load_postings,
    load_profiles,
    occurs,
    words,
)

FIELDS = {
    "health",
    "education",
    "finance",
    "logistics",
    "trades",
    "sales",
    "marketing",
    "hospitality",
    "hr",
    "legal",
    "public",
    "retail",
    "design",
    "software",
    "data",
    "it",
    "construction",
    "project",
}
SOFTWARE_FIELDS = {"software", "data", "it"}
KINDS = {"skill", "tool", "certification", "licence", "title", "knowledge", "duty"}
IMPORTANCES = {"required", "preferred", "duty"}


@pytest.fixture(scope="module")
def postings() -> list[Posting]:
    return load_postings()


@pytest.fixture(scope="module")
def profiles() -> list[ProfileCase]:
    return load_profiles()


def test_the_splits_and_the_spread_of_occupations(postings: list[Posting]) -> None:
    assert Counter(p.split for p in postings) == {"dev": 30, "heldout": 10}
    assert len({p.occupation for p in postings}) >= 20
    outside = [p for p in postings if p.field not in SOFTWARE_FIELDS]
    assert len(outside) * 3 >= len(postings) * 2
    assert {p.field for p in postings} <= FIELDS


def test_label_files_name_their_posting(postings: list[Posting]) -> None:
    for path in sorted((DATA / "postings").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["id"] == path.stem
        assert path.with_suffix(".txt").is_file()
    assert {p.stem for p in (DATA / "postings").glob("*.txt")} == {p.id for p in postings}


def test_requirements_occur_in_their_posting(postings: list[Posting]) -> None:
    for posting in postings:
        text, cut = words(posting.text), words(posting.cut_text)
        assert any(r.kind == "title" for r in posting.requirements), posting.id
        assert posting.company in posting.text, posting.id
        for r in posting.requirements:
            assert r.kind in KINDS and r.importance in IMPORTANCES, (posting.id, r)
            assert any(occurs(v, text) for v in r.variants), (posting.id, r.keyword)
            # Outside the boilerplate too, or a keyword for it would count as noise.
            assert any(occurs(v, cut) for v in r.variants), (posting.id, r.keyword)


def test_noise_blocks_are_verbatim_and_no_requirement_is_noise(postings: list[Posting]) -> None:
    for posting in postings:
        assert posting.noise_text, posting.id
        for block in posting.noise_text:
            assert block in posting.text, (posting.id, block[:40])
        noise = [words(n) for n in posting.noise]
        for r in posting.requirements:
            for variant in r.variants:
                clash = [n for n in noise if hits(variant, n)]
                assert not clash, (posting.id, r.keyword, clash)


def test_profiles_point_at_postings_of_other_occupations(
    postings: list[Posting], profiles: list[ProfileCase]
) -> None:
    by_id = {p.id: p for p in postings}
    assert len(profiles) >= 20
    for profile in profiles:
        own, other = by_id[profile.posting], by_id[profile.mismatch]
        assert own.split == "dev", profile.id
        assert own.occupation != other.occupation, profile.id
        assert 5 <= len(profile.skills) <= 40, profile.id
        for number in profile.numbers:
            assert number in profile.about, (profile.id, number)
    assert len({p.posting for p in profiles}) == len(profiles)
    outside = [p for p in profiles if by_id[p.posting].field not in SOFTWARE_FIELDS]
    assert len(outside) >= 14
