"""The audit as a whole: the JSON contract, determinism, and hostile input."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from profile_helper.core.audit.rules_headline import RULE_IDS
from profile_helper.core.audit.run import MAX_INPUT_CHARS, audit
from profile_helper.core.errors import InputError
from tests.core.audit.profiles import GOOD_ABOUT, GOOD_HEADLINE, GOOD_SKILLS, JOB


def check_contract(data: dict[str, object]) -> None:
    assert set(data) == {"score", "sections", "findings", "keywords", "match_rate", "rewrites"}
    rewrites = data["rewrites"]
    assert isinstance(rewrites, dict) and {"headline", "about", "skills"} <= set(rewrites)
    assert isinstance(rewrites["about"], str)
    assert all(isinstance(h, str) and len(h) <= 220 for h in rewrites["headline"])
    assert all(isinstance(s, str) for s in rewrites["skills"])
    assert isinstance(data["score"], int) and 0 <= data["score"] <= 100
    sections = data["sections"]
    assert isinstance(sections, dict) and set(sections) == {"headline", "about", "skills"}
    for section in sections.values():
        assert set(section) == {"score", "length", "limit"}
        assert all(isinstance(v, int) for v in section.values())
        assert 0 <= section["score"] <= 100
    findings = data["findings"]
    assert isinstance(findings, list)
    for finding in findings:
        assert set(finding) == {"id", "section", "severity", "message", "span", "suggestion"}
        assert finding["id"] in RULE_IDS
        assert finding["section"] in {"headline", "about", "skills", "match"}
        assert finding["severity"] in {"error", "warning", "tip"}
        assert finding["span"] is None or (
            isinstance(finding["span"], list) and len(finding["span"]) == 2
        )
    keywords = data["keywords"]
    assert isinstance(keywords, dict)
    assert set(keywords) == {"profile", "job", "matched", "missing", "job_detail"}
    assert all(isinstance(v, list) for v in keywords.values())
    assert set(keywords["matched"]) | set(keywords["missing"]) == set(keywords["job"])
    detail = keywords["job_detail"]
    assert [d["keyword"] for d in detail] == keywords["job"]
    for item in detail:
        assert set(item) == {"keyword", "kind", "importance", "section", "found_in"}
        assert item["kind"] in {
            "skill",
            "tool",
            "certification",
            "licence",
            "title",
            "knowledge",
            "duty",
        }
        assert item["importance"] in {"required", "preferred", "duty"}
        assert item["found_in"] in {"headline", "about", "skills", "none"}
        assert (item["found_in"] == "none") == (item["keyword"] in keywords["missing"])
    rate = data["match_rate"]
    assert rate is None or (isinstance(rate, float) and 0 <= rate <= 1)


def test_json_contract_with_and_without_job() -> None:
    with_job = audit(GOOD_HEADLINE, GOOD_ABOUT, GOOD_SKILLS, JOB).to_json()
    check_contract(json.loads(json.dumps(with_job)))
    assert with_job["keywords"]["job"][0] == "Data Engineer"
    without = audit(GOOD_HEADLINE, GOOD_ABOUT, GOOD_SKILLS).to_json()
    check_contract(without)
    assert without["match_rate"] is None and without["keywords"]["job"] == []


def test_empty_audit_is_all_errors() -> None:
    data = audit().to_json()
    check_contract(data)
    assert data["score"] == 0
    assert {f["id"] for f in data["findings"]} == {"headline.empty", "about.empty", "skills.empty"}


def test_same_text_same_result() -> None:
    first = json.dumps(audit("A | B", GOOD_ABOUT, GOOD_SKILLS, JOB).to_json())
    for _ in range(3):
        assert json.dumps(audit("A | B", GOOD_ABOUT, GOOD_SKILLS, JOB).to_json()) == first


def test_rewrites_build_on_the_job_keywords() -> None:
    result = audit("Engineer", GOOD_ABOUT, GOOD_SKILLS, JOB)
    assert result.rewrites is not None
    data = result.to_json()["rewrites"]
    assert len(data["headline"]) >= 3
    # The person's own title leads; the job's keywords they show follow it.
    assert all(h.startswith("Engineer | Python") for h in data["headline"])
    assert data["skills"][: len(result.matched) - 1]
    assert "rewrites" not in audit(GOOD_HEADLINE, with_rewrites=False).to_json()


def test_extras_extend_the_json() -> None:
    result = audit(GOOD_HEADLINE, GOOD_ABOUT, GOOD_SKILLS, JOB)
    result.extras["saved_as"] = "June"
    assert result.to_json()["saved_as"] == "June"
    assert result.missing == [] and result.job_keywords[0].source == "role"
    assert result.target_role == "Data Engineer"
    assert result.job_keyword_names[:2] == ["Data Engineer", "Python"]
    assert result.skills_list[:2] == ["Python", "SQL"]


def test_huge_input_is_refused_cleanly() -> None:
    with pytest.raises(InputError, match="at most"):
        audit(about="x" * (MAX_INPUT_CHARS + 1))
    with pytest.raises(InputError, match="binary"):
        audit(job="abc\x00def")


@pytest.mark.slow
def test_one_megabyte_paste_answers_or_refuses() -> None:
    big = ("I build data platforms in Python and cut costs by 40%. " * 20_000)[:1_000_000]
    with pytest.raises(InputError):
        audit(GOOD_HEADLINE, big, GOOD_SKILLS, JOB)
    near_limit = big[: MAX_INPUT_CHARS - 1]
    result = audit(GOOD_HEADLINE, near_limit, GOOD_SKILLS, near_limit)
    check_contract(result.to_json())
    assert "about.too_long" in {f.id for f in result.findings}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    headline=st.text(max_size=300),
    about=st.text(max_size=3000),
    skills=st.text(max_size=500),
    job=st.text(max_size=2000),
)
def test_arbitrary_unicode_answers_or_refuses(
    headline: str, about: str, skills: str, job: str
) -> None:
    try:
        result = audit(headline, about, skills, job)
    except InputError as exc:
        assert exc.message
        return
    data = result.to_json()
    check_contract(data)
    texts = {"headline": headline, "about": about, "skills": skills}
    for finding in data["findings"]:
        if finding["span"] is not None:
            start, end = finding["span"]
            assert 0 <= start <= end <= len(texts[finding["section"]])


@pytest.mark.slow
@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    chunk=st.text(min_size=1, max_size=40),
    section=st.sampled_from(["headline", "about", "skills", "job"]),
)
def test_megabyte_pastes_of_arbitrary_unicode_are_refused_cleanly(chunk: str, section: str) -> None:
    paste = (chunk * (1_000_000 // len(chunk) + 1))[:1_000_000]
    with pytest.raises(InputError) as caught:
        audit(**{section: paste})  # type: ignore[arg-type]
    # The size check comes first, so a megabyte is refused for its length whatever it holds.
    assert "1,000,000 characters" in caught.value.message
