"""A certification or licence the posting asks for counts as found when the person holds it."""

from __future__ import annotations

from profile_helper.core.audit.run import audit

JOB = """Site Project Manager at Fabrikam.

Requirements:
- PMP certification required
- 5+ years managing construction projects
- CDL Class A license
- Experience with MS Project and budgeting
"""
HEADLINE = "Project Manager | Construction"
SKILLS = "MS Project\nBudgeting"
HELD = ["Project Management Professional (PMP)", "Class A CDL"]


def detail(certifications: list[str]) -> dict[str, str]:
    result = audit(HEADLINE, "I run builds.", SKILLS, JOB, certifications=certifications)
    return {d["keyword"]: d["found_in"] for d in result.to_json()["keywords"]["job_detail"]}


def test_held_certifications_are_found_in_certifications() -> None:
    without = detail([])
    assert without["PMP"] == "none" and without["CDL Class A"] == "none"
    held = detail(HELD)
    assert held["PMP"] == "certifications"
    assert held["CDL Class A"] == "certifications"


def test_they_count_towards_the_match_and_leave_the_missing_list() -> None:
    without = audit(HEADLINE, "I run builds.", SKILLS, JOB)
    held = audit(HEADLINE, "I run builds.", SKILLS, JOB, certifications=HELD)
    assert {"PMP", "CDL Class A"} <= set(without.missing)
    assert not {"PMP", "CDL Class A"} & set(held.missing)
    assert held.match_rate is not None and without.match_rate is not None
    assert held.match_rate > without.match_rate
    assert held.locations["PMP"] == ["certifications"]


def test_a_keyword_shown_in_the_headline_keeps_its_better_place() -> None:
    result = audit("Project Manager, PMP", "", SKILLS, JOB, certifications=HELD)
    found = {d["keyword"]: d["found_in"] for d in result.job_detail()}
    assert found["PMP"] == "headline"


def test_a_certification_name_claims_no_skill() -> None:
    job = "Cloud Engineer\n\nRequirements:\n- AWS\n- Terraform\n"
    result = audit(
        "Cloud Engineer", "", "Terraform", job, certifications=["AWS Certified Developer"]
    )
    assert "AWS" in result.missing


def test_every_found_in_value_is_documented() -> None:
    result = audit(HEADLINE, "I run builds.", SKILLS, JOB, certifications=HELD)
    values = {d["found_in"] for d in result.job_detail()}
    assert values <= {"headline", "about", "skills", "certifications", "none"}
    assert set(result.to_json()["keywords"]["job_detail"][0]) == {
        "keyword",
        "kind",
        "importance",
        "section",
        "found_in",
    }
