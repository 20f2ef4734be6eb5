"""What a job description asks for, and what only describes the employer, the title or the offer."""

from __future__ import annotations

from profile_helper.core.audit.extract import job_keywords, job_keywords_detailed
from profile_helper.core.audit.job_context import nationality, title_words
from profile_helper.core.audit.word_lists import word_list
from profile_helper.core.audit.yake_phrases import is_skill_like


def skills_of(text: str) -> list[str]:
    return [k.skill for k in job_keywords_detailed(text) if k.source == "vocabulary"]


def test_a_skill_is_named_as_the_ad_writes_it_most() -> None:
    job = "Tags: amazon-web-services\nYou run services on AWS.\nYou know AWS Lambda and AWS well."
    names = {k.skill: k.name for k in job_keywords_detailed(job)}
    assert names["Amazon Web Services"] == "AWS"
    # On a tie the earliest spelling wins, so the list does not depend on anything else.
    tie = {k.skill: k.name for k in job_keywords_detailed("We use k8s.\nKubernetes is our base.")}
    assert tie["Kubernetes"] == "k8s"


def test_words_of_a_job_title_are_not_skills() -> None:
    job = "We are hiring.\nJava Backend Engineer\nYou build services in Go and Kotlin."
    text = job.split("\n")[1]
    assert title_words(text) == {0, len("Java ")}
    assert "Back-end development" not in skills_of(job)
    # The same word outside a title is a skill.
    assert "Back-end development" in skills_of("You have built backend services in Kotlin.")


def test_a_language_before_a_noun_is_a_nationality() -> None:
    text = "The Danish universities ask that you are fluent in Danish and English."
    first = text.index("Danish") + len("Danish")
    second = text.index("in Danish") + len("in Danish")
    assert nationality(text, "Danish", first)
    assert not nationality(text, "Danish", second)
    listed = "You speak German Italian and French."
    assert not nationality(listed, "German", len("You speak German"))
    assert not nationality("Python developers", "Python", len("Python"))  # not a language
    academic = "The post is under the Danish Ministry of Science. You write papers in Python."
    assert "Danish" not in skills_of(academic) and "Python" in skills_of(academic)
    assert "Danish" in skills_of("You speak Danish fluently.")


def test_fields_of_knowledge_are_found_without_being_listed() -> None:
    job = (
        "You will own our storage infrastructure and the fleet protocols.\n"
        "Automate infrastructure changes and manage security reviews.\n"
        "Strong management of priorities.\n"
    )
    found = [k for k in job_keywords_detailed(job) if k.source == "phrase"]
    names = [k.name for k in found]
    assert names == ["storage infrastructure", "fleet protocols"]
    # Verbs ("automate", "manage") and fillers ("strong") do not open a field.
    assert all(not n.startswith(("automate", "manage", "strong")) for n in names)


def test_a_field_already_named_by_the_vocabulary_is_not_repeated() -> None:
    keywords = job_keywords("You lead risk management and project management for the bank.")
    assert keywords.count("risk management") == 1
    assert "project management" in keywords
    # Nor is a part of a longer skill.
    assert "chain management" not in job_keywords("You know supply chain management well.")


def test_pay_benefits_and_hiring_process_are_not_requirements() -> None:
    job = (
        "You write Python every day.\n"
        "€50k - 65k, equity and a pension scheme.\n"
        "No third party recruitment agencies please.\n"
        "Questions about the recruitment process? Please contact HR.\n"
    )
    skills = skills_of(job)
    assert skills == ["Python"]


def test_yake_phrases_are_never_duties() -> None:
    job = (
        "Provide smart tools for farmers. Provide smart tools to growers. Soil science matters; "
        "soil science drives yield. We provide smart tools and soil science advice.\n"
    )
    extra = [k.name for k in job_keywords_detailed(job) if k.source == "yake"]
    assert not any("provide" in name for name in extra)


def test_the_keywords_are_deterministic() -> None:
    job = (
        "Senior Data Engineer\nYou design cloud infrastructure and data pipelines on AWS, "
        "with Kafka and dbt. Fluent English; Danish is a plus. Network protocols knowledge.\n"
    )
    first = job_keywords_detailed(job)
    assert all(job_keywords_detailed(job) == first for _ in range(3))
    assert [k.name for k in first][:1] == ["Senior Data Engineer"]


def test_sentences_about_the_employer_are_not_requirements() -> None:
    job = (
        "<ORGANIZATION> is a leading supplier of wind power and machine learning tools.\n"
        "The Department of Chemistry and Statistics hosts the group.\n"
        "The application must be in English.\n"
        "You bring Python and SQL; machine learning is a plus.\n"
    )
    assert skills_of(job) == ["Python", "SQL", "Machine learning"]
    # A sentence opening on its verb is only about the employer when a name was blanked out.
    assert "Statistics" in skills_of("Is statistics your strength? You know Statistics well.")
    assert "Apache Airflow" in skills_of("You know SQL and\nhave worked with Airflow.")


def test_yake_phrases_are_fields_not_words_titles_or_pairs() -> None:
    stop, filters = word_list("stopwords"), word_list("filters")
    assert is_skill_like("soil science", stop, filters)
    assert not is_skill_like("conservation", stop, filters)  # one word: vague or listed
    assert not is_skill_like("postdoctoral researcher", stop, filters)  # a title
    assert not is_skill_like("professional and personal", stop, filters)  # a pair
