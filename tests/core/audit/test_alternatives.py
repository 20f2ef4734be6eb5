"""Alternatives a posting offers ("Tableau or Power BI") count once, met by the best of them;
teams it names are not what it asks for; listed fields of knowledge are knowledge."""

from profile_helper.core.audit.alternatives import either_groups
from profile_helper.core.audit.extract import job_keywords_detailed
from profile_helper.core.audit.job_context import listed_teams
from profile_helper.core.audit.run import audit

JOB = """Data Analyst

Requirements
- SQL and Python.
- Tableau or Power BI for dashboards.
- You will work with our Payroll and Finance teams.
"""


def test_keywords_joined_by_or_are_one_group_and_by_and_are_not() -> None:
    text = "Use AWS, Azure or GCP. Know Excel, SQL and Python. Tableau or Power BI; Python/R."
    names = ["AWS", "Azure", "GCP", "Excel", "SQL", "Python", "Tableau", "Power BI"]
    groups = either_groups(names, text)
    assert frozenset({"AWS", "Azure", "GCP"}) in groups
    assert frozenset({"Tableau", "Power BI"}) in groups
    assert not any("Excel" in g or "SQL" in g for g in groups)


def test_one_alternative_meets_the_requirement() -> None:
    keywords = {k.name: k for k in job_keywords_detailed(JOB)}
    assert keywords["Tableau"].either == ("Power BI",)
    with_one = audit(about="I build reports in Power BI, SQL and Python.", job=JOB).match_rate
    with_both = audit(
        about="I build reports in Power BI and Tableau, SQL and Python.", job=JOB
    ).match_rate
    assert with_one is not None and with_one == with_both


def test_teams_named_in_a_list_of_teams_are_not_keywords() -> None:
    text = "You will work with our Accounts Payable, Payroll and FP&A teams. You know Payroll."
    assert listed_teams(text, ["Accounts Payable", "Payroll"]) == {"Accounts Payable"}
    assert "Payroll" not in [k.name for k in job_keywords_detailed(JOB)]


def test_a_soft_skill_counts_half_of_a_named_tool() -> None:
    job = "Analyst\n\nRequirements\n- Excellent communication skills.\n- Tableau.\n"
    with_tool = audit(about="I build dashboards in Tableau.", job=job).match_rate
    with_soft = audit(about="My communication skills are strong.", job=job).match_rate
    assert with_tool is not None and with_soft is not None
    assert with_tool > with_soft > 0


def test_a_duty_phrase_less_an_edge_word_is_met() -> None:
    job = "AP Clerk\n\nDuties\n- Maintain vendor master data and W-9s.\n"
    rate = audit(about="I keep the vendor master clean.", job=job)
    assert "vendor master data" in rate.matched


def test_a_list_ending_in_or_another_of_its_kind_is_alternatives() -> None:
    text = "Experience with Adaptive Planning, Anaplan or another planning tool; Excel, SQL."
    groups = either_groups(["Adaptive Planning", "Anaplan", "Excel", "SQL"], text)
    assert groups == [frozenset({"Adaptive Planning", "Anaplan"})]
