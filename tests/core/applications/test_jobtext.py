"""Company and role from pasted job descriptions laid out as job boards lay them out."""

from __future__ import annotations

import pytest

from profile_helper.core.applications.jobtext import JobGuess, guess

LINKEDIN = """Senior Data Engineer
Northwind Analytics · Berlin, Germany (Hybrid) · 2 days ago · 87 applicants
Full-time · Mid-Senior level

About the job
We are looking for a data engineer to build our pipelines with Python, dbt and Airflow.
"""

LABELLED = """Job Title: Platform Engineer (Kubernetes)
Company: Contoso Ltd.
Location: Remote, EU
"""

HIRING = """Fabrikam is hiring a Product Designer to shape our mobile app.
You will work with research and engineering.
"""

AT = "Backend Developer at Tailspin Toys\n\nWhat you'll do\n- Build APIs in Go"

ABOUT = """Responsibilities
- Own the analytics roadmap
About Wide World Importers
We ship things.
"""

NOTHING = "We value curiosity.\nYou will learn a lot.\nBenefits: lunch."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (LINKEDIN, JobGuess("Northwind Analytics", "Senior Data Engineer")),
        (LABELLED, JobGuess("Contoso Ltd.", "Platform Engineer (Kubernetes)")),
        (HIRING, JobGuess("Fabrikam", "Product Designer to shape our mobile app")),
        (AT, JobGuess("Tailspin Toys", "Backend Developer")),
        (ABOUT, JobGuess("Wide World Importers", "")),
        (NOTHING, JobGuess("", "")),
        ("", JobGuess("", "")),
    ],
)
def test_guess(text: str, expected: JobGuess) -> None:
    assert guess(text) == expected


def test_a_location_line_is_not_taken_for_the_company() -> None:
    text = "Data Analyst\nRemote · Full-time\n\nJoin Proseware Inc and help us grow."
    assert guess(text) == JobGuess("Proseware Inc", "Data Analyst")


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Data Analyst\n\nAt Litware, we turn data into decisions.", "Litware"),
        ("Data Analyst\nWe move fast.\n\nAbout Woodgrove Bank\nA bank.", "Woodgrove Bank"),
        ("Data Analyst\n\nLitware is hiring across Europe.", "Litware"),
        (
            "Data Analyst\nYou will build reports.\n\nThanks!\nThe Adventure Works team",
            "Adventure Works",
        ),
        ("Data Analyst\nYou will build reports.\n— Fourth Coffee Talent Team", "Fourth Coffee"),
    ],
)
def test_the_company_from_the_posting_body(text: str, company: str) -> None:
    assert guess(text).company == company
