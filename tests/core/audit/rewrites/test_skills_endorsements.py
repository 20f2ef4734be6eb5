"""The suggested skills order uses LinkedIn's endorsement counts when they are known."""

from __future__ import annotations

from profile_helper.core.audit.rewrites.skills import by_endorsements, reorder_skills
from profile_helper.core.audit.run import audit

SKILLS = ["Excel", "Python", "SQL", "Tableau"]


def test_without_counts_the_persons_order_is_kept() -> None:
    assert by_endorsements(SKILLS, None) == SKILLS
    assert by_endorsements(SKILLS, {}) == SKILLS


def test_most_endorsed_first_and_ties_keep_their_order() -> None:
    counts = {"Python": 40, "Tableau": 12, "Excel": 12}
    assert by_endorsements(SKILLS, counts) == ["Python", "Excel", "Tableau", "SQL"]


def test_counts_are_found_through_aliases_and_case() -> None:
    assert by_endorsements(["JS", "HTML"], {"javascript": 9, "HTML": 2}) == ["JS", "HTML"]


def test_the_jobs_skills_stay_first_and_endorsements_order_the_rest() -> None:
    counts = {"Excel": 3, "Tableau": 30, "Python": 50, "SQL": 1}
    ordered, _proposed = reorder_skills(SKILLS, ["SQL"], [], counts)
    assert ordered == ["SQL", "Python", "Tableau", "Excel"]


def test_the_audit_passes_the_counts_to_the_skills_rewrite() -> None:
    result = audit(
        "Data Analyst | SQL",
        "",
        "\n".join(SKILLS),
        endorsements={"Tableau": 25, "Excel": 4},
    )
    assert result.rewrites is not None
    assert result.rewrites.skills == ["Tableau", "Excel", "Python", "SQL"]
    plain = audit("Data Analyst | SQL", "", "\n".join(SKILLS))
    assert plain.rewrites is not None and plain.rewrites.skills == SKILLS
