"""Rewrite suggestions: headline candidates, the About outline and the skills order."""

from __future__ import annotations

import pytest

from profile_helper.core.audit.rewrites.about import (
    audience_phrase,
    first_person,
    outcome_phrase,
    sort_sentences,
)
from profile_helper.core.audit.rewrites.about_edits import apply_edits, rewrite_about
from profile_helper.core.audit.rewrites.skills import merge_duplicates, reorder_skills
from profile_helper.core.audit.rewrites.suggestions import suggest_rewrites
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
    return suggest_rewrites(**args, confirmed=JOB).to_json()  # type: ignore[arg-type]


def test_json_shape() -> None:
    data = _suggest()
    assert {"headline", "about", "skills"} <= set(data)  # the keys front ends already read
    assert {"add_if_true", "about_edits", "about_notes", "needs_audience"} <= set(data)
    assert isinstance(data["about"], str)


def test_headlines_put_role_and_top_keyword_first() -> None:
    headlines = _suggest()["headline"]
    assert isinstance(headlines, list) and 3 <= len(headlines) <= 5
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
def test_headlines_within_limit_and_without_placeholders(kwargs: dict[str, object]) -> None:
    headlines = _suggest(**kwargs)["headline"]
    assert isinstance(headlines, list) and 1 <= len(headlines) <= 5
    for headline in headlines:
        assert 0 < len(headline) <= 220
        assert "[" not in headline and "..." not in headline


def test_job_keywords_the_profile_lacks_are_offered_not_used() -> None:
    rewrites = suggest_rewrites(
        "Backend Engineer | Python", "I build APIs in Python.", ["Python"], JOB, JOB[2:], ""
    )
    assert rewrites.add_if_true == ["Apache Kafka", "PostgreSQL", "Terraform"]
    for headline in rewrites.headline:
        assert "Kafka" not in headline and "Terraform" not in headline
    ticked = suggest_rewrites(
        "Backend Engineer | Python",
        "I build APIs in Python.",
        ["Python"],
        JOB,
        JOB[2:],
        "",
        confirmed=["Terraform"],
    )
    assert any("Terraform" in h for h in ticked.headline)
    assert "Terraform" not in ticked.add_if_true


def test_own_title_and_credentials_are_kept() -> None:
    for headline, role in [
        ("CPA | Staff Accountant | Month-end close, NetSuite", "Staff Accountant, CPA"),
        ("BSN, RN, CCRN | Cardiovascular ICU Nurse | CRRT", "Cardiovascular ICU Nurse, BSN, RN"),
        ("Planner, AICP | Making zoning readable", "Planner, AICP"),
    ]:
        candidates = suggest_rewrites(
            headline,
            "",
            ["NetSuite", "CRRT", "Zoning"],
            ["Senior Accountant"],
            [],
            "",
            job_title="Senior Accountant",
        ).headline
        assert all(c.startswith(role) for c in candidates), candidates
        assert not any("Senior" in c for c in candidates)


def test_without_a_title_the_jobs_title_loses_its_level() -> None:
    candidates = suggest_rewrites(
        "", "", ["Python", "SQL"], [], [], "", job_title="Senior Data Engineer"
    ).headline
    assert all(c.startswith("Data Engineer | ") for c in candidates)


def test_numbers_stay_whole_and_fragments_are_not_results() -> None:
    about = "We serve 30,000 small businesses. Grew signups 25%, from 1,200 to 1,500 a month."
    assert outcome_phrase(about) == "Grew signups 25%, from 1,200 to 1,500 a month"
    assert outcome_phrase("The last four years running a $5.2M store.") == ""


def test_about_keeps_order_numbers_and_voice_and_fixes_what_the_audit_flags() -> None:
    data = _suggest()
    about = data["about"]
    assert isinstance(about, str)
    assert about.startswith("I was in charge of backend services. I'm a backend engineer")
    assert "I cut AWS costs by 38% and reduced p95 latency from 900 ms to 120 ms." in about
    assert "In 2019 I moved to Berlin." in about
    assert about.rstrip().endswith("Feel free to reach out about data platforms.")
    assert "Passionate" not in about and "driven" not in about and "innovative" not in about
    edits = data["about_edits"]
    assert isinstance(edits, list)
    assert [e["kind"] for e in edits] == ["weak_opener", "buzzword"]  # one run of adjectives
    assert "Team player." in about
    notes = data["about_notes"]
    assert isinstance(notes, list)
    assert "“team player”: back it with a result, a tool or a number." in notes


def test_about_edits_undo_one_by_one() -> None:
    original = "Responsible for rosters. I'm a passionate nurse.\n\nMaria, RN"
    rewrite = rewrite_about(original, "Registered Nurse")
    assert rewrite.text == (
        "I was in charge of rosters. I'm a nurse.\n\nIf you're hiring for Registered Nurse "
        "roles, I'd be glad to talk: send me a message here.\n\nMaria, RN"
    )
    for skip, edit in enumerate(rewrite.edits):
        undone = apply_edits(original, [e for i, e in enumerate(rewrite.edits) if i != skip])
        assert (edit.before or "x") in undone or edit.after not in undone
        assert undone != rewrite.text
    assert apply_edits(original, []) == original


def test_about_without_metric_gets_a_note_and_a_call_to_action() -> None:
    data = _suggest(about="I design data platforms for retail teams.")
    about = data["about"]
    assert isinstance(about, str) and "[" not in about
    assert about.startswith("I design data platforms for retail teams.\n\n")
    assert "Senior Data Engineer roles" in about.split("\n\n")[-1]
    notes = data["about_notes"]
    assert isinstance(notes, list) and any("result with a number" in n for n in notes)


def test_skills_job_first_duplicates_and_aliases_merged_missing_proposed() -> None:
    data = _suggest()
    assert data["skills"] == ["Kubernetes", "Python", "JS", "Django", "SQL"]
    assert data["proposed_skills"] == ["Apache Kafka", "PostgreSQL", "Terraform"]


def test_benefits_degrees_and_teams_are_never_proposed() -> None:
    job = ["Python", "dental insurance", "Bachelor's degree", "MBA", "401(k)", "Payroll"]
    rewrites = suggest_rewrites(
        "Data Engineer", "", ["Python"], job, job[1:], "", sections={"Payroll": "about"}
    )
    assert rewrites.proposed_skills == []
    assert rewrites.add_if_true == []


def test_the_skills_list_stays_within_linkedins_limit() -> None:
    skills = [f"Skill {i}" for i in range(99)]
    rewrites = suggest_rewrites("", "", skills, ["Python", "SQL"], ["Python", "SQL"], "")
    assert len(rewrites.skills) == 99
    assert len(rewrites.skills) + len(rewrites.proposed_skills) <= 100


def test_reorder_skills_reports_proposed_separately() -> None:
    ordered, proposed = reorder_skills(["Postgres", "Excel"], ["PostgreSQL", "dbt"], ["dbt"])
    assert ordered == ["PostgreSQL", "Excel"]
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
    assert rewrites.skills == ["SQL"]  # what the person has; the rest only proposed
    assert rewrites.proposed_skills == ["Python"]


def test_audience_phrase() -> None:
    assert audience_phrase("I build APIs in Python for logistics teams.") == "logistics teams"
    assert audience_phrase("I help early-stage founders turn data into decisions.") == (
        "early-stage founders"
    )
    assert audience_phrase("I like long walks.") == ""
    assert audience_phrase("I help lead the forecast.") == ""  # a task, not people


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
