"""The experience section: each position's description, the current title, gaps (noted only)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from profile_helper.core.audit.career_gaps import gaps, month_index
from profile_helper.core.audit.rules_experience import titles_agree
from profile_helper.core.audit.run import AuditResult, audit
from profile_helper.core.my_profile.models import Position
from tests.core.audit.profiles import GOOD_ABOUT, GOOD_HEADLINE, GOOD_SKILLS, JOB

CURRENT = Position(
    "Northwind",
    "Senior Data Engineer",
    "Built the Kafka pipelines behind 40 dashboards.\nCut nightly load time from 6 hours to 50 "
    "minutes.",
    started_on="2021-03",
)
EARLIER = Position(
    "Contoso",
    "Data Analyst",
    "Automated 12 weekly reports in Python, saving the team a day a week.",
    started_on="2018-01",
    finished_on="2021-02",
)
GOOD = (CURRENT, EARLIER)


def run(positions: tuple[Position, ...], headline: str = GOOD_HEADLINE) -> AuditResult:
    return audit(headline, GOOD_ABOUT, GOOD_SKILLS, JOB, positions=positions)


def experience_ids(result: AuditResult) -> list[str]:
    return [f.id for f in result.findings_for("experience")]


# One case per experience rule: the good positions with one change that must make it fire.
EXPERIENCE_FIRING: dict[str, tuple[Position, ...]] = {
    "experience.no_description": (replace(CURRENT, description=""), EARLIER),
    "experience.too_long": (replace(CURRENT, description="Cut costs by 30%. " + "x" * 2000),),
    "experience.no_metrics": (replace(CURRENT, description="Built the data platform."),),
    "experience.weak_opener": (
        replace(CURRENT, description="Responsible for the data platform; 40 dashboards."),
    ),
    "experience.title_mismatch": (replace(CURRENT, title="Marketing Manager"),),
    "experience.gap": (CURRENT, replace(EARLIER, finished_on="2020-06")),
}


def test_good_positions_have_no_findings_and_a_full_section_score() -> None:
    result = run(GOOD)
    assert experience_ids(result) == []
    assert result.sections["experience"].score == 100
    assert result.to_json()["sections"]["experience"] == {
        "score": 100,
        "length": len(CURRENT.description),
        "limit": 2000,
    }


def test_without_positions_there_is_no_experience_section_and_the_score_is_unchanged() -> None:
    without = audit(GOOD_HEADLINE, GOOD_ABOUT, GOOD_SKILLS, JOB)
    assert "experience" not in without.sections
    assert experience_ids(without) == []
    assert without.score == run(GOOD).score


@pytest.mark.parametrize("rule_id", sorted(EXPERIENCE_FIRING))
def test_rule_fires(rule_id: str) -> None:
    result = run(EXPERIENCE_FIRING[rule_id])
    assert rule_id in experience_ids(result)
    finding = next(f for f in result.findings if f.id == rule_id)
    assert finding.section == "experience" and finding.span is None
    assert finding.to_json()["id"] == rule_id


def test_findings_cost_points_but_a_gap_costs_none() -> None:
    weak = run(EXPERIENCE_FIRING["experience.no_metrics"])
    assert weak.sections["experience"].score == 85
    assert weak.score < run(GOOD).score
    gap = run(EXPERIENCE_FIRING["experience.gap"])
    (note,) = gap.findings_for("experience")
    assert note.severity == "info"
    assert gap.sections["experience"].score == 100
    assert all(c.finding.id != "experience.gap" for c in gap.costs)
    assert gap.score == run(GOOD).score


def test_the_gap_note_is_neutral_and_names_both_positions() -> None:
    (note,) = run(EXPERIENCE_FIRING["experience.gap"]).findings_for("experience")
    assert "Data Analyst at Contoso" in note.message
    assert "Senior Data Engineer at Northwind" in note.message
    assert "8 months" in note.message
    assert note.suggestion is not None and note.suggestion.startswith("Nothing to fix")


def test_the_mismatch_says_which_titles_differ() -> None:
    (finding,) = run(EXPERIENCE_FIRING["experience.title_mismatch"]).findings_for("experience")
    assert "“Data Engineer”" in finding.message
    assert "“Marketing Manager”" in finding.message


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("Senior Data Engineer", "Data Engineer | Python"),
        ("Data Engineer", "Sr. Data Engineer at Northwind"),
        ("HR Generalist", "Human Resources Generalist | Payroll"),
        ("Registered Nurse", "ICU Nurse, BSN, RN"),
        ("data engineer", "DATA ENGINEER | Kafka"),
        ("Lead Software Engineer, Payments", "Software Engineer | Payments | Go"),
    ],
)
def test_titles_agree_across_case_abbreviations_and_levels(title: str, headline: str) -> None:
    assert titles_agree(title, headline)


def test_different_jobs_do_not_agree() -> None:
    assert not titles_agree("Marketing Manager", "Data Engineer | Python")


def test_the_current_position_is_the_one_compared() -> None:
    old_title = replace(EARLIER, title="Marketing Manager")
    assert experience_ids(run((CURRENT, old_title))) == []


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("2020-06", False, 2020 * 12 + 5),
        ("2020", False, 2020 * 12),
        ("2020", True, 2020 * 12 + 11),
        ("2020-06-30", True, 2020 * 12 + 5),
        ("", True, None),
        ("June 2020", False, None),
        ("2020-13", False, None),
    ],
)
def test_dates_keep_their_precision(text: str, end: bool, expected: int | None) -> None:
    assert month_index(text, end=end) == expected


def test_overlapping_and_year_only_positions_leave_no_gap() -> None:
    side = Position("Side project", "Founder", started_on="2019-01", finished_on="2020-12")
    assert gaps([CURRENT, replace(EARLIER, finished_on="2020-06"), side], 6) == []
    years = [
        Position("A", "X", started_on="2015", finished_on="2017"),
        Position("B", "Y", "", "", "2018"),
    ]
    assert gaps(years, 6) == []


def test_a_gap_of_exactly_six_months_is_not_noted() -> None:
    six = replace(EARLIER, finished_on="2020-08")  # September 2020 to February 2021
    assert gaps([CURRENT, six], 6) == []
    (gap,) = gaps([CURRENT, replace(EARLIER, finished_on="2020-07")], 6)
    assert gap.months == 7 and gap.before.company == "Contoso"


def test_json_has_the_finding_shape_of_the_other_sections() -> None:
    data = run(EXPERIENCE_FIRING["experience.no_metrics"]).to_json()
    finding = next(f for f in data["findings"] if f["section"] == "experience")
    assert set(finding) == {"id", "section", "severity", "message", "span", "suggestion"}
