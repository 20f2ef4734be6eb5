"""Rewrite suggestions: headline candidates, the About outline and the skills order."""

from __future__ import annotations

import pytest

from profile_helper.core.audit.rewrites.about import (
    audience_phrase,
    first_person,
    outcome_phrase,
    sort_sentences,
)
from profile_helper.core.audit.rewrites.skills import merge_duplicates, reorder_skills
from profile_helper.core.audit.rewrites.suggestions import PROOF_PLACEHOLDER, suggest_rewrites
from profile_helper.core.audit.word_lists import has_metric

ABOUT = (
    "Responsible for backend services. I'm a backend engineer who likes hard data problems.\n"
    "I build APIs in Python and Django for logistics teams. In 2019 I moved to Berlin. "
    "I cut AWS costs by 38% and reduced p95 latency from 900 ms to 120 ms. "
    "Passionate, driven and innovative team player.\n"
    "Feel free to reach out about data platforms."
)
JOB = ["Kubernetes", "Python", "Apache Kafka", "PostgreSQL", "Terraform"]


def _suggest(**overrides: object) -> dict[str, object]:
    args: dict[str, object] = {
        "headline": "Backend Engineer at Acme | Python, Django | Open to work",
        "about": ABOUT,
        "skills": ["python", "JS", "Django", "JavaScript", "k8s", "SQL"],
        "job_keywords": JOB,
        "missing_keywords": ["Apache Kafka", "PostgreSQL", "Terraform"],
        "target_role": "Senior Data Engineer",
    }
    args.update(overrides)
    return suggest_rewrites(**args).to_json()  # type: ignore[arg-type]


def test_json_shape() -> None:
    data = _suggest()
    assert set(data) == {"headline", "about", "skills"}
    assert isinstance(data["about"], str)


def test_headlines_put_role_and_top_keyword_first() -> None:
    headlines = _suggest()["headline"]
    assert isinstance(headlines, list) and len(headlines) >= 3
    assert len(set(headlines)) == len(headlines)
    for headline in headlines:
        assert len(headline) <= 220
        assert "Senior Data Engineer" in headline[:60]
        assert "Kubernetes" in headline[:60]
        assert headline.count("|") <= 3
        assert "Open to work" not in headline
    assert any("38%" in h for h in headlines)  # the person's own result


@pytest.mark.parametrize(
    "kwargs",
    [
        {
            "headline": "",
            "about": "",
            "skills": [],
            "job_keywords": [],
            "missing_keywords": [],
            "target_role": "",
        },
        {"target_role": "Principal " * 30, "job_keywords": ["x" * 150] * 1},
        {"job_keywords": [], "missing_keywords": []},
    ],
)
def test_always_three_headlines_within_limit(kwargs: dict[str, object]) -> None:
    headlines = _suggest(**kwargs)["headline"]
    assert isinstance(headlines, list) and len(headlines) >= 3
    assert all(0 < len(h) <= 220 for h in headlines)


def test_about_keeps_good_sentences_and_drops_weak_ones() -> None:
    about = _suggest()["about"]
    assert isinstance(about, str)
    paragraphs = about.split("\n\n")
    assert paragraphs[0] == "I'm a backend engineer who likes hard data problems."
    assert "I build APIs in Python and Django for logistics teams." in about
    assert "I cut AWS costs by 38%" in about
    assert paragraphs[-1] == "Feel free to reach out about data platforms."
    assert "Responsible for" not in about and "team player" not in about
    assert PROOF_PLACEHOLDER not in about


def test_about_without_metric_gets_a_placeholder_and_a_call_to_action() -> None:
    about = _suggest(about="I design data platforms for retail teams.")["about"]
    assert isinstance(about, str)
    assert PROOF_PLACEHOLDER in about
    assert "Senior Data Engineer roles" in about.split("\n\n")[-1]
    assert len(about.split("\n\n")) == 4


def test_skills_job_first_duplicates_and_aliases_merged_missing_proposed() -> None:
    skills = _suggest()["skills"]
    assert skills == [
        "Kubernetes",
        "Python",
        "Apache Kafka",
        "PostgreSQL",
        "Terraform",
        "JS",
        "Django",
        "SQL",
    ]


def test_reorder_skills_reports_proposed_separately() -> None:
    ordered, proposed = reorder_skills(["Postgres", "Excel"], ["PostgreSQL", "dbt"], ["dbt"])
    assert ordered == ["PostgreSQL", "dbt", "Excel"]
    assert proposed == ["dbt"]


def test_merge_duplicates_ignores_case_spacing_and_aliases() -> None:
    assert merge_duplicates(["AWS", "aws ", "Amazon Web Services", "K8s", "kubernetes"]) == [
        "AWS",
        "K8s",
    ]


def test_metric_detection_ignores_years() -> None:
    assert has_metric("Grew revenue 25%") and has_metric("Saved €40k a year")
    assert has_metric("Led 12 engineers") and has_metric("3x faster builds")
    assert not has_metric("In 2019 I moved to Berlin")
    assert outcome_phrase("In 2020 I joined. I cut AWS costs by 38%, and more.") == (
        "Cut AWS costs by 38%"
    )


def test_sentence_sorting() -> None:
    parts = sort_sentences("I lead data teams. Let's talk! - Shipped 40 releases\n- Worked on x")
    assert parts.hook == "I lead data teams."
    assert parts.call_to_action == "Let's talk!"
    assert parts.proof == ["Shipped 40 releases."]


def test_the_role_is_not_proposed_as_a_skill() -> None:
    rewrites = suggest_rewrites(
        "Engineer",
        "",
        ["SQL"],
        ["Senior Data Engineer", "Python", "SQL"],
        ["Senior Data Engineer", "Python"],
        "Senior Data Engineer",
    )
    assert rewrites.skills == ["SQL", "Python"]  # what the person has first, then proposed
    assert rewrites.proposed_skills == ["Python"]


def test_outline_names_each_tool_once() -> None:
    about = suggest_rewrites(
        "", "", [], ["Python", "SQL", "Kafka", "dbt", "Snowflake"], [], "Data Engineer"
    ).about
    hook, what_i_do = about.split("\n\n")[:2]
    assert hook == "I'm a Data Engineer working with Python, SQL and Kafka."
    assert "Python" not in what_i_do and "dbt and Snowflake" in what_i_do


def test_audience_phrase() -> None:
    assert audience_phrase("I build APIs in Python for logistics teams.") == "logistics teams"
    assert audience_phrase("I help early-stage founders turn data into decisions.") == (
        "early-stage founders"
    )
    assert audience_phrase("I like long walks.") == ""


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Caring ICU nurse with 6 years of experience.",
            "I'm a caring ICU nurse with 6 years of experience.",
        ),
        ("ICU nurse since 2015.", "I've been an ICU nurse since 2015."),
        ("Jane is a nurse.", "Jane is a nurse."),  # about someone, with its own verb
        ("The nurses on my ward are great.", "The nurses on my ward are great."),
        ("She leads nurses.", "She leads nurses."),
        ("Responsible for nurse rosters.", "Responsible for nurse rosters."),
    ],
)
def test_title_fragments_become_first_person(sentence: str, expected: str) -> None:
    assert first_person(sentence, "Registered Nurse") == expected


def test_outline_keeps_a_title_fragment_as_the_hook() -> None:
    about = suggest_rewrites(
        "Nurse",
        "Caring ICU nurse with 6 years of experience. Responsible for patient care.",
        [],
        [],
        [],
        "Registered Nurse",
    ).about
    assert about.startswith("I'm a caring ICU nurse with 6 years of experience.\n\n")
    assert "Responsible for" not in about
