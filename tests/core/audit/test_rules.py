"""Each rule fires on a text with the problem and stays quiet on a good profile."""

from __future__ import annotations

import pytest

from profile_helper.core.audit.rules_headline import RULE_IDS
from profile_helper.core.audit.run import AuditResult, audit
from tests.core.audit.profiles import GOOD_ABOUT, GOOD_HEADLINE, GOOD_SKILLS, JOB
from tests.core.audit.test_experience import EXPERIENCE_FIRING


def ids(result: AuditResult) -> list[str]:
    return [f.id for f in result.findings]


def good(**changes: str) -> AuditResult:
    fields = {"headline": GOOD_HEADLINE, "about": GOOD_ABOUT, "skills": GOOD_SKILLS, "job": JOB}
    fields.update(changes)
    return audit(fields["headline"], fields["about"], fields["skills"], fields.get("job", ""))


def test_good_profile_has_no_findings() -> None:
    result = good()
    assert result.findings == [], [f.message for f in result.findings]
    assert result.score >= 95
    assert result.match_rate is not None and result.match_rate >= 0.9


def test_good_profile_without_job_has_no_findings() -> None:
    assert ids(good(job="")) == []


FIRING: dict[str, dict[str, str]] = {
    "headline.empty": {"headline": "   "},
    "headline.too_long": {"headline": "Data Engineer | Python | " + "x" * 220},
    "headline.job_seeking_phrase": {"headline": "Seeking opportunities in data engineering"},
    "headline.buzzword": {"headline": "Passionate Data Engineer | Python | Kafka | AWS"},
    "headline.separators": {"headline": "Data Engineer | Python | Kafka | AWS | dbt | Spark"},
    "headline.all_caps": {"headline": "Data Engineer | Python | HIRING ME IS SMART"},
    "headline.emoji": {"headline": "Data Engineer 🚀 Python ✨ Kafka 🔥 AWS"},
    "headline.keywords_late": {
        "headline": "I help fintech teams trust their numbers, every single day of the week | "
        "Data Engineer | Python"
    },
    "headline.title_only": {"headline": "Marketing Manager"},
    "about.empty": {"about": ""},
    "about.too_long": {"about": GOOD_ABOUT + ("More detail here. " * 150)},
    "about.short": {"about": "I build data platforms in Python. I cut costs by 40%. Message me."},
    "about.weak_hook": {"about": "Hi there! " + GOOD_ABOUT},
    "about.no_metrics": {
        "about": "I build data platforms in Python and Kafka for fintech teams since 2015.\n\n"
        + "I care about tests and documentation, and I mentor engineers. " * 12
        + "\n\nMessage me if you are hiring."
    },
    "about.third_person": {
        "about": GOOD_ABOUT.replace("I have", "she has")
        .replace("I ", "Jane ")
        .replace("my ", "her ")
        .replace("our ", "the ")
        .replace(" me", " Jane")
    },
    "about.no_call_to_action": {"about": GOOD_ABOUT.rsplit("\n\nIf you", 1)[0]},
    "about.buzzword": {
        "about": GOOD_ABOUT.replace("I build", "I am a passionate engineer. I build")
    },
    "about.weak_opener": {"about": GOOD_ABOUT.replace("I led", "I was responsible for")},
    "about.wall_of_text": {"about": GOOD_ABOUT.replace("\n\n", " ")},
    "skills.empty": {"skills": ""},
    "skills.too_few": {"skills": "Python, SQL"},
    "skills.too_many": {"skills": "\n".join(f"Skill number {i}" for i in range(101))},
    "skills.too_long": {"skills": GOOD_SKILLS + "\n" + "Designing " * 10},
    "skills.duplicate": {"skills": GOOD_SKILLS + "\nk8s"},
    "skills.missing_from_job": {"skills": "Python\nSQL\nExcel\nTableau\nCommunication"},
    "match.low": {"headline": "Accountant", "about": GOOD_ABOUT.split("\n")[0], "skills": "Excel"},
    "match.missing_keywords": {
        "skills": GOOD_SKILLS.replace("Airflow", "Go"),
        "about": GOOD_ABOUT.replace("Airflow schedules it; ", ""),
    },
}


def test_every_rule_has_a_firing_case() -> None:
    # The experience rules need positions; their cases are in test_experience.
    assert set(FIRING) | set(EXPERIENCE_FIRING) == set(RULE_IDS)


@pytest.mark.parametrize("rule_id", [r for r in RULE_IDS if r in FIRING])
def test_rule_fires(rule_id: str) -> None:
    result = good(**FIRING[rule_id])
    assert rule_id in ids(result)
    finding = next(f for f in result.findings if f.id == rule_id)
    assert finding.message and finding.section == rule_id.split(".", maxsplit=1)[0]
    if finding.span is not None:
        text = result.profile.section_text(finding.section)
        assert 0 <= finding.span[0] < finding.span[1] <= len(text)


# A second good profile, in another trade, written differently: no rule may fire on it either.
NURSE = {
    "headline": "Registered Nurse (ICU) | Critical care, ECMO and sepsis protocols | Mentor",
    "about": (
        "I am an intensive care nurse with nine years on a 24-bed adult ICU, where I care for "
        "patients on ventilators, ECMO and continuous renal replacement.\n\n"
        "I led our unit's sepsis bundle audit: compliance went from 61% to 92% in eight months, "
        "and we cut time to antibiotics by 40 minutes on average. I also precept new graduate "
        "nurses; 12 of the 14 I have mentored still work on our unit.\n\n"
        "I hold CCRN certification and teach the hospital's ECMO course twice a year. "
        "Colleagues come to me for calm handovers, clear escalation and checklists that work "
        "at 4 am on a full unit.\n\n"
        "Families remember how we explained things to them, so I write our unit's family "
        "guides in plain language and review them every spring with two former patients.\n\n"
        "I am looking at charge nurse and clinical educator roles in the Boston area. If that "
        "is your team, let's talk: message me here."
    ),
    "skills": "Critical care nursing\nECMO\nSepsis management\nPatient assessment\n"
    "Mechanical ventilation\nPreceptorship\nClinical education\nCRRT\nBLS\nACLS",
}


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_stays_quiet_on_good_profiles(rule_id: str) -> None:
    assert rule_id not in ids(good())
    nurse = audit(NURSE["headline"], NURSE["about"], NURSE["skills"])
    assert rule_id not in ids(nurse)


def test_spans_point_at_the_problem() -> None:
    result = good(about=GOOD_ABOUT.replace("I led", "I was responsible for"))
    finding = next(f for f in result.findings if f.id == "about.weak_opener")
    assert finding.span is not None
    assert result.profile.about[slice(*finding.span)].lower() == "responsible for"


def test_an_email_address_is_a_call_to_action() -> None:
    about = GOOD_ABOUT.rsplit("\n\nIf you", 1)[0] + "\n\njane.doe@example.com"
    assert "about.no_call_to_action" not in ids(good(about=about))


def test_a_plain_first_person_opening_is_not_a_weak_hook() -> None:
    about = "I'm a data engineer who builds platforms analysts trust. " + GOOD_ABOUT
    assert "about.weak_hook" not in ids(good(about=about))


def test_a_year_is_not_a_metric() -> None:
    about = FIRING["about.no_metrics"]["about"]
    assert "2015" in about
    assert "about.no_metrics" in ids(good(about=about))
    assert "about.no_metrics" not in ids(good(about=about.replace("since 2015", "for 12 banks")))


def test_acronyms_are_not_shouting() -> None:
    assert "headline.all_caps" not in ids(good(headline="Data Engineer | AWS | SCADA | HIPAA"))
    assert "headline.all_caps" not in ids(good(headline="AI/ML Engineer at NASA | UX/UI | GCP"))
    shouting = [f.span for f in good(headline="SENIOR DATA ENGINEER | Python").findings]
    assert (0, 6) in shouting and (7, 11) in shouting


def test_keywords_late_accepts_aliases_and_titles_without_level() -> None:
    job = "Senior Platform Engineer\nYou run Kubernetes and Terraform on AWS."
    assert "headline.keywords_late" not in ids(good(headline="k8s Platform Engineer", job=job))
    assert "headline.keywords_late" not in ids(good(headline="Platform Engineer | AWS", job=job))
    late = "I help teams sleep at night, whatever happens to their servers | Platform Engineer"
    assert "headline.keywords_late" in ids(good(headline=late, job=job))


def test_cicd_is_not_a_separator() -> None:
    headline = "DevOps Engineer | CI/CD | AWS | Terraform"
    assert "headline.separators" not in ids(good(headline=headline))


def test_skills_only_profile_is_not_a_perfect_match() -> None:
    skills = "\n".join(["Python", "Spark", "Kafka", "AWS", "dbt", "Snowflake", "Terraform"])
    skills += "\nKubernetes\nSQL\nAirflow\nData Engineering"
    result = audit(headline="", about="", skills=skills, job=JOB)
    assert result.missing == []
    assert result.match_rate is not None and result.match_rate < 0.7
    assert result.score < 60


@pytest.mark.parametrize(
    "headline", ["Marketing Manager", "Journeyman Electrician", "Store Manager at Acme Outdoors"]
)
def test_a_bare_title_gets_a_finding_and_loses_points(headline: str) -> None:
    bare = audit(headline, GOOD_ABOUT, GOOD_SKILLS)
    assert "headline.title_only" in ids(bare)
    assert bare.sections["headline"].score < 100
    finding = next(f for f in bare.findings if f.id == "headline.title_only")
    assert finding.suggestion is not None and "specialty" in finding.suggestion


@pytest.mark.parametrize(
    "headline",
    [
        "Marketing Manager | Lifecycle email | DTC brands",
        "Planner, AICP",
        "I help nurses sleep better",
        "Registered Nurse (ICU) | Critical care",
    ],
)
def test_a_title_with_more_is_not_title_only(headline: str) -> None:
    assert "headline.title_only" not in ids(audit(headline, GOOD_ABOUT, GOOD_SKILLS))


@pytest.mark.parametrize(
    "closing",
    [
        "I would love to talk with teams who care about that.",
        "Always happy to talk shop with other sellers.",
        "Always happy to chat about supply chains.",
        "If that is your team, let's talk.",
    ],
)
def test_common_closings_count_as_a_call_to_action(closing: str) -> None:
    about = GOOD_ABOUT.rsplit("\n\nIf you", 1)[0] + "\n\n" + closing
    assert "about.no_call_to_action" not in ids(audit(GOOD_HEADLINE, about, GOOD_SKILLS))


def test_certified_with_what_and_track_record_with_a_number_are_not_buzzwords() -> None:
    about = GOOD_ABOUT.replace(
        "I build", "I am a certified forklift trainer with a track record of 40 placements. I build"
    )
    assert "about.buzzword" not in ids(audit(GOOD_HEADLINE, about, GOOD_SKILLS))
    flagged = GOOD_ABOUT.replace("I build", "I am certified. I have a proven track record. I build")
    assert ids(audit(GOOD_HEADLINE, flagged, GOOD_SKILLS)).count("about.buzzword") == 2
