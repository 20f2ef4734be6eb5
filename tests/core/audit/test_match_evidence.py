"""The match rate weighs a job keyword by the posting's evidence that it matters, and still
tells a profile that has half of what the job asks from one that has it all."""

from __future__ import annotations

import pytest

from profile_helper.core.audit.extract import job_keywords_detailed
from profile_helper.core.audit.run import audit
from tests.benchmarks.bench_occupations import load_postings, load_profiles

JOB = """Account Executive

Requirements
- Three years of closing new business, with every deal kept current in Salesforce.
- You forecast your pipeline in Salesforce each week.
- Comfortable prospecting on LinkedIn and HubSpot.
"""


def _rate(about: str, job: str = JOB, headline: str = "", skills: str = "") -> float:
    rate = audit(headline=headline, about=about, skills=skills, job=job).match_rate
    assert rate is not None
    return rate


def test_a_tool_the_posting_names_twice_counts_more_than_one_it_names_once() -> None:
    keywords = {k.name: k for k in job_keywords_detailed(JOB)}
    assert keywords["Salesforce"].count == 2 and keywords["HubSpot"].count == 1
    assert keywords["Salesforce"].importance == keywords["HubSpot"].importance == "required"
    # Both are required tools; the posting comes back to one of them.
    assert _rate("I keep every deal in Salesforce.") > _rate("I keep every deal in HubSpot.")


@pytest.mark.parametrize(
    "profile_id",
    ["warehouse-supervisor-marcus", "hr-generalist-carmen", "software-engineer-theo"],
)
def test_half_a_profile_scores_clearly_lower_and_another_job_near_nothing(
    profile_id: str,
) -> None:
    postings = {p.id: p for p in load_postings()}
    profile = next(p for p in load_profiles() if p.id == profile_id)
    job = postings[profile.posting].text
    full = _rate(profile.about, job, profile.headline, profile.skills_text)
    lines = [line for line in profile.about.splitlines() if line.strip()]
    half = _rate("\n".join(lines[::2]), job, profile.headline, "\n".join(profile.skills[::2]))
    other = postings[profile.mismatch].text
    mismatched = _rate(profile.about, other, profile.headline, profile.skills_text)
    assert half <= full - 0.2
    assert mismatched <= 0.1
