"""Headline candidates: the properties every suggestion keeps, whatever the profile and job.

The job's keywords are passed as ticked ("add if true" confirmed), so the formulas see them all.
Distinct, within 220 characters, the role and top keyword in the first 60, no repeat of the
role or a keyword (also through aliases and case), the person's own good words kept, and the
audit's own headline rules satisfied by what it suggests.
"""

from __future__ import annotations

import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from profile_helper.core.audit.rewrites.skills import mentions
from profile_helper.core.audit.rewrites.suggestions import suggest_rewrites
from profile_helper.core.audit.rules_headline import check_headline
from profile_helper.core.resources import resource_path

ROLES = [
    "Senior Data Engineer",
    "Product Designer",
    "Registered Nurse",
    "Account Executive",
    "Frontend Developer",
    "Head of Marketing",
]
# Skills with alias spellings, case variants, and words of the roles, to tempt repeats.
TRICKY = [
    "Python",
    "python",
    "Python 3",
    "JS",
    "JavaScript",
    "javascript",
    "k8s",
    "Kubernetes",
    "AWS",
    "Amazon Web Services",
    "SQL",
    "PostgreSQL",
    "Postgres",
    "Figma",
    "user research",
    "Data Engineer",
    "data",
    "Engineer",
    "Designer",
    "design",
    "Nurse",
    "Marketing",
    "dbt",
    "CI/CD",
    "Continuous Integration",
    "Go",
    "C++",
    "Node.js",
    "React",
    "react.js",
    "Excel",
    "leadership",
    "SEO",
    "Search Engine Optimization",
]
# Skills that share no word with any role, so the top one is known to be usable.
PLAIN = ["Python", "Kubernetes", "Figma", "Terraform", "Salesforce", "ICU care", "SEO", "dbt"]
OWN_SEGMENTS = [
    "Backend Engineer at Acme",
    "Open to work",
    "Building reliable pipelines for fintech",
    "Python, Django",
    "HELPING TEAMS",
    "Passionate leader",
    "Engineer",
    "Turning research into products people use",
    "Seeking opportunities",
]
ABOUTS = [
    "",
    "I help retail teams ship faster. I cut cloud costs by 38% in a year.",
    "I build data platforms for logistics companies with Python and AWS.",
    "Responsible for many things. Passionate and driven.",
]

own_headlines = st.lists(st.sampled_from(OWN_SEGMENTS), max_size=4).map(" | ".join)


def _alias_groups() -> list[list[str]]:
    path = resource_path("templates/rewrites/skill_aliases.json")
    groups: list[list[str]] = json.loads(path.read_text(encoding="utf-8"))["groups"]
    return groups


def _count(item: str, text: str) -> int:
    """Whole-word, case-blind occurrences of ``item`` or any alias of it (independent of the
    code under test, so the property is checked, not restated)."""
    names = {item.lower()}
    for group in _alias_groups():
        if item.lower() in {g.lower() for g in group}:
            names |= {g.lower() for g in group}
    lowered = text.lower()
    taken: list[range] = []
    for name in sorted(names, key=len, reverse=True):
        for hit in re.finditer(rf"(?<![\w+#.]){re.escape(name)}(?![\w+#]|\.\w)", lowered):
            span = range(hit.start(), hit.end())
            if not any(set(span) & set(t) for t in taken):
                taken.append(span)
    return len(taken)


def _suggest(
    role: str, job: list[str], skills: list[str], headline: str = "", about: str = ""
) -> list[str]:
    return suggest_rewrites(headline, about, skills, job, job, role, confirmed=job).headline


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    role=st.sampled_from(ROLES),
    job=st.lists(st.sampled_from(TRICKY), max_size=8),
    skills=st.lists(st.sampled_from(TRICKY), max_size=8),
    headline=own_headlines,
    about=st.sampled_from(ABOUTS),
)
def test_candidates_are_distinct_short_and_never_repeat(
    role: str, job: list[str], skills: list[str], headline: str, about: str
) -> None:
    candidates = _suggest(role, job, skills, headline, about)
    assert 1 <= len(candidates) <= 5
    assert len({c.lower() for c in candidates}) == len(candidates)
    for candidate in candidates:
        assert 0 < len(candidate) <= 220
        assert candidate.startswith(role)
        assert candidate.count("|") <= 3
        for item in {role, *job, *skills}:
            assert _count(item, candidate) <= 1, (item, candidate)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    role=st.sampled_from(ROLES),
    job=st.lists(st.sampled_from(PLAIN), min_size=1, max_size=6, unique=True),
    skills=st.lists(st.sampled_from(PLAIN + TRICKY), max_size=6),
    headline=own_headlines,
    about=st.sampled_from(ABOUTS),
)
def test_role_and_top_keyword_in_the_first_60(
    role: str, job: list[str], skills: list[str], headline: str, about: str
) -> None:
    for candidate in _suggest(role, job, skills, headline, about):
        visible = candidate[:60].lower()
        assert role.lower() in visible
        assert job[0].lower() in visible, candidate


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    role=st.sampled_from(ROLES),
    job=st.lists(st.sampled_from(TRICKY), max_size=8),
    headline=own_headlines,
    about=st.sampled_from(ABOUTS),
)
def test_candidates_pass_the_audits_own_headline_rules(
    role: str, job: list[str], headline: str, about: str
) -> None:
    for candidate in _suggest(role, job, [], headline, about):
        serious = [f.id for f in check_headline(candidate, []) if f.severity != "tip"]
        if candidate == role:  # nothing else given: the title alone, never an invented skill
            serious = [s for s in serious if s != "headline.title_only"]
        assert serious == [], candidate


def test_the_reported_repeat_is_gone() -> None:
    # The job names the role "Senior Data Engineer"; the person's headline is just "Engineer".
    job = ["Senior Data Engineer", "Python", "SQL", "Kafka", "dbt", "Snowflake"]
    candidates = _suggest("Senior Data Engineer", job, [], headline="Engineer")
    assert candidates[0] == "Senior Data Engineer | Python | SQL | Kafka"
    for candidate in candidates:
        assert _count("Engineer", candidate) == 1
    assert "Senior Data Engineer | Python | Engineer" not in candidates


def test_keeps_the_persons_own_good_words() -> None:
    headline = "Backend Engineer at Acme | Building reliable pipelines for fintech | Open to work"
    candidates = _suggest("Data Engineer", ["Python", "SQL", "Kafka"], ["Python"], headline)
    assert "Data Engineer | Python | SQL | Building reliable pipelines for fintech" in candidates
    assert not any("Acme" in c or "Open to work" in c for c in candidates)


def test_who_i_help_and_outcome_come_from_the_about() -> None:
    about = "I build APIs for logistics teams. I cut AWS costs by 38% and halved latency."
    candidates = _suggest("Backend Engineer", ["Python", "Django", "AWS"], [], about=about)
    assert (
        "Backend Engineer | Python for logistics teams | Cut AWS costs by 38% and halved latency"
        in candidates
    )


def test_outcome_naming_a_keyword_does_not_repeat_it() -> None:
    about = "I cut AWS costs by 38%."
    for candidate in _suggest("Cloud Engineer", ["AWS", "Terraform"], [], about=about):
        assert _count("AWS", candidate) == 1


def test_three_to_five_candidates_from_two_keywords() -> None:
    candidates = _suggest("Product Designer", ["Figma", "Prototyping"], [])
    assert 3 <= len(candidates) <= 5


def test_buzzword_keywords_stay_out_of_headlines() -> None:
    for candidate in _suggest("Head of Sales", ["leadership", "Salesforce", "SaaS"], []):
        assert "leadership" not in candidate.lower()


def test_mentions_uses_whole_words_and_aliases() -> None:
    assert mentions("JS", "JavaScript and Node.js") == 1
    assert mentions("Go", "Google Cloud") == 0
    assert mentions("SQL", "PostgreSQL") == 0
    assert mentions("AWS", "Amazon Web Services (AWS)") == 1
    assert mentions("engineer", "Senior Data Engineer | Engineer") == 2
