"""Words, aliases and boundaries: what counts as the same skill and what never does."""

from __future__ import annotations

import pytest

from profile_helper.core.audit.extract import job_keywords, target_role
from profile_helper.core.audit.run import audit
from profile_helper.core.audit.text import tokenize
from profile_helper.core.audit.vocabulary import default_vocabulary, parse
from profile_helper.core.audit.yake_phrases import yake_keywords


def skills_in(text: str) -> list[str]:
    return [hit.skill for hit in default_vocabulary().find(text)]


def test_tokens_keep_the_shape_of_technical_words() -> None:
    words = [t.text for t in tokenize("C++, C#, Node.js and CI/CD on k8s (ISO 27001). end-to-end.")]
    assert words == [
        "C++",
        "C#",
        "Node.js",
        "and",
        "CI/CD",
        "on",
        "k8s",
        "ISO",
        "27001",
        "end-to-end",
    ]


@pytest.mark.parametrize(
    ("written", "skill"),
    [
        ("JS", "JavaScript"),
        ("k8s", "Kubernetes"),
        ("CI/CD", "CI/CD"),
        ("continuous integration", "CI/CD"),
        ("S3", "Amazon S3"),
        ("ISO 27001", "ISO 27001"),
        ("Node.js", "Node.js"),
        ("C#", "C#"),
        ("C++", "C++"),
        ("Postgres", "PostgreSQL"),
        ("relational databases", "Relational databases"),
    ],
)
def test_aliases_name_the_same_skill(written: str, skill: str) -> None:
    assert skills_in(f"We use {written} every day.") == [skill]


@pytest.mark.parametrize(
    "text",
    [
        "We run a platform for travel.",  # "Tform"-like pieces inside words never match
        "Go beyond what is asked.",  # the verb, not the language
        "Master the craft of writing.",
        "We swiftly respond to our customers.",
    ],
)
def test_no_matches_inside_words_or_on_ordinary_words(text: str) -> None:
    assert skills_in(text) == []


def test_java_is_not_javascript() -> None:
    assert skills_in("JavaScript") == ["JavaScript"]
    assert skills_in("Java") == ["Java"]


def test_case_sensitive_names_keep_their_case() -> None:
    assert skills_in("Services in Go, Rust and R.") == ["Go", "Rust", "R"]
    assert skills_in("services in go and rust") == []


def test_tform_is_not_in_platform_when_matching_a_job() -> None:
    vocab = parse("Tform\n")
    assert vocab.find("our data platform") == []
    assert [h.skill for h in vocab.find("we use Tform daily")] == ["Tform"]


def test_profile_alias_matches_job_skill() -> None:
    result = audit(
        headline="Platform Engineer | k8s | JS",
        about="",
        skills="k8s\nJS",
        job="Platform Engineer\nYou know Kubernetes and JavaScript.",
    )
    assert set(result.matched) >= {"Kubernetes", "JavaScript"}
    assert result.locations["Kubernetes"] == ["headline", "skills"]


def test_job_keywords_drop_placeholders_and_boilerplate() -> None:
    job = (
        "Backend Engineer at <ORGANIZATION> in <LOCATION>.\n"
        "You have 5+ years of experience with Python and PostgreSQL. Great team, great salary.\n"
    )
    keywords = job_keywords(job)
    assert keywords[:3] == ["Backend Engineer", "Python", "PostgreSQL"]
    assert not any("organization" in k.lower() or "salary" in k.lower() for k in keywords)


def test_target_role() -> None:
    assert target_role("Senior Data Engineer (m/f/d)\nAbout us") == "Senior Data Engineer"
    assert target_role("We help farmers sell produce.") is None


def test_yake_settings_take_effect() -> None:
    text = (
        "Data pipelines and data pipeline tooling. Data pipelines in Python. Streaming data "
        "pipelines with Kafka. Machine learning models and machine learning pipelines."
    )
    strict = yake_keywords(text, top=10)
    # jaro at 0.7 removes near-duplicates that the default seqm keeps.
    import yake  # noqa: PLC0415 - heavy; only this test needs YAKE's defaults

    loose = yake.KeywordExtractor(lan="en", n=3, top=10).extract_keywords(text)
    assert len({k.lower() for k, _ in strict}) <= len({k.lower() for k, _ in loose})
    assert [k for k, _ in strict] != [k for k, _ in loose]


def test_vocabulary_has_no_alias_naming_two_skills() -> None:
    """Two skills may share words only when case tells them apart ("Swift" and "SWIFT")."""
    vocab = default_vocabulary()
    for aliases in vocab.index.values():
        if len({a.skill for a in aliases}) > 1:
            exact = [a.exact for a in aliases]
            assert None not in exact and len(set(exact)) == len(exact), aliases
    assert len(vocab.skills) > 1000
    assert [h.skill for h in vocab.find("Apps in Swift, payments over SWIFT")] == ["Swift", "SWIFT"]


def test_joined_words_name_skills() -> None:
    hits = default_vocabulary().find("google-cloud-platform, ruby-on-rails, Python-based, C-level")
    assert [(h.skill, h.text) for h in hits] == [
        ("Google Cloud Platform", "google-cloud-platform"),
        ("Ruby on Rails", "ruby-on-rails"),
        ("Python", "Python"),
    ]


def test_slash_lists_are_alternatives() -> None:
    (hit,) = default_vocabulary().find("Unix/Linux")
    assert hit.text == "Unix/Linux" and hit.alternatives == ("Unix", "Linux")
    job = "You know Unix/Linux and HTML/CSS."
    either = audit(headline="", about="I run Linux servers.", skills="CSS", job=job)
    assert either.missing == []
    assert either.locations["Unix/Linux"] == ["about"] and either.locations["HTML/CSS"] == [
        "skills"
    ]
    neither = audit(headline="", about="I run Windows servers.", skills="Excel", job=job)
    assert neither.missing == ["Unix/Linux", "HTML/CSS"]
