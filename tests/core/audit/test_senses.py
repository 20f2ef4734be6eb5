"""Ambiguous names count only in their own sense: the field's words must be there too."""

import pytest

from profile_helper.core.audit.extract import job_keywords_detailed


def skills(job: str) -> set[str]:
    return {k.skill for k in job_keywords_detailed(job)}


@pytest.mark.parametrize(
    ("job", "wrong"),
    [
        ("Forklift Operator\nRequirements: keep the warehouse safe and clean.", "SAFe"),
        (
            "Math Teacher\nRequirements: teach AP Calculus and Algebra II to grade 11.",
            "Accounts payable",
        ),
        ("Cardiac Nurse\nRequirements: care for patients after PCI and CABG surgery.", "PCI DSS"),
        (
            "Sales Associate\nRequirements: excel at helping customers find the right shoes.",
            "Excel",
        ),
        ("Lab Manager\nRequirements: support our R&D teams with supplies and scheduling.", "R"),
        ("Driver\nRequirements: go the extra mile for every customer on the route.", "Go"),
    ],
)
def test_an_everyday_word_is_not_the_skill(job: str, wrong: str) -> None:
    assert wrong not in skills(job)


@pytest.mark.parametrize(
    ("job", "right"),
    [
        ("Agile Coach\nRequirements: SAFe, Scrum and Jira for our release train.", "SAFe"),
        (
            "AP Clerk\nRequirements: AP experience: vendor invoices, 3-way match and ACH runs.",
            "Accounts payable",
        ),
        ("Security Analyst\nRequirements: PCI compliance for card payments.", "PCI DSS"),
        ("Analyst\nRequirements: Excel and SQL for weekly reports.", "Excel"),
        ("Data Scientist\nRequirements: R or Python, SQL and statistics.", "R"),
    ],
)
def test_the_skill_counts_where_its_field_is(job: str, right: str) -> None:
    assert right in skills(job)
