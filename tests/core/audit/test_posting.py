"""Reading a posting's structure: which parts yield keywords, the employer, the language."""

import pytest

from profile_helper.core.audit.extract import job_keywords_detailed
from profile_helper.core.audit.posting import company_name, is_english, read_posting
from profile_helper.core.audit.run import audit
from profile_helper.core.errors import InputError

NURSE = """Registered Nurse - ICU
Northwind Health is hiring a Registered Nurse for our 24-bed ICU, reporting to the Director of \
Nursing.

What you'll do:
- Administer medications and monitor patients on ventilators
- Document care in Epic

Requirements:
- Active RN license
- BLS and ACLS certification
- 2+ years of ICU experience

Nice to have:
- CCRN certification

Benefits:
- Medical, dental and vision insurance
- 401(k) with match and tuition reimbursement

About Northwind Health
Northwind Health has served Portland since 1952 with Epic Systems and CarePlus software.

Northwind Health is an equal opportunity employer. We provide reasonable accommodation.
"""


def kinds(text: str) -> dict[str, str]:
    return {text[p.start : p.end].strip(): p.kind for p in read_posting(text).parts}


def test_headings_give_each_line_its_part() -> None:
    parts = kinds(NURSE)
    assert parts["- Document care in Epic"] == "duties"
    assert parts["- BLS and ACLS certification"] == "requirements"
    assert parts["- CCRN certification"] == "preferred"
    assert parts["- 401(k) with match and tuition reimbursement"] == "benefits"
    assert parts["Northwind Health is an equal opportunity employer."] == "about"


def test_the_offer_never_yields_keywords() -> None:
    names = {k.name.casefold() for k in job_keywords_detailed(NURSE)}
    assert not {"insurance", "tuition reimbursement", "northwind health", "carepluss"} & names
    assert not any("director" in n for n in names)


def test_each_keyword_says_how_much_it_matters() -> None:
    detail = {k.name: k for k in job_keywords_detailed(NURSE)}
    assert detail["Registered Nurse"].kind == "title"
    assert detail["Registered Nurse"].importance == "required"
    job = "Cook\nRequirements:\n- Python\nNice to have:\n- Spanish\n- Python"
    found = {k.name: k for k in job_keywords_detailed(job)}
    assert found["Spanish"].importance == "preferred" and found["Spanish"].section == "preferred"
    assert found["Python"].importance == "required"


def test_sentence_cues_work_without_headings() -> None:
    text = (
        "We need a warehouse supervisor with forklift certification and inventory management "
        "experience. Experience with SAP is a plus. We offer dental insurance and a 401(k). "
        "Acme Logistics is an equal opportunity employer. To apply, send your resume to Jo."
    )
    parts = kinds(text)
    assert parts["Experience with SAP is a plus."] == "preferred"
    assert parts["We offer dental insurance and a 401(k)."] == "benefits"
    assert parts["To apply, send your resume to Jo."] == "apply"
    assert parts["Acme Logistics is an equal opportunity employer."] == "eeo"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("About Brightline Foods\nWe make snacks.", "Brightline Foods"),
        ("At Riverbend Schools, we teach.", "Riverbend Schools"),
        ("Harbor Freight Lines is hiring drivers.", "Harbor Freight Lines"),
        ("We are a team.", None),
    ],
)
def test_the_employer_is_found(text: str, name: str | None) -> None:
    assert company_name(text) == name


def test_a_given_company_is_never_a_keyword() -> None:
    job = "Accountant\nRequirements: QuickBooks and Zenith Ledger experience."
    names = [k.name for k in job_keywords_detailed(job, company="Zenith Ledger")]
    assert not any("Zenith" in n for n in names)


DENTAL = """Dental Hygienist - Bright Smiles Family Dentistry

About Bright Smiles
Bright Smiles Family Dentistry has served the Riverside community for 25 years.

What we're looking for
- Current CPR/BLS certification
- Experience with Dentrix is a plus

Bright Smiles is an equal opportunity employer.
"""


def test_the_employer_s_name_goes_on_over_the_capitalised_words_after_it() -> None:
    posting = read_posting(DENTAL)
    assert posting.company == "Bright Smiles"
    assert "Family" not in posting.needs_text and "Dentistry" not in posting.needs_text
    names = [k.name for k in job_keywords_detailed(DENTAL)]
    assert "Dental Hygienist" in names and "Dentrix" in names
    assert "Dentistry" not in names


def test_the_employer_s_name_stops_at_a_sentence_or_a_job_title() -> None:
    job = (
        "Northwind Health Registered Nurse\n\nRequirements\n"
        "- Experience with Northwind Health. Epic charting\n"
        "- Comfortable with Northwind Health The Joint Commission standards\n"
    )
    needs = read_posting(job, company="Northwind Health").needs_text
    assert "Registered Nurse" in needs
    assert "Epic charting" in needs and "The Joint Commission" in needs


def test_another_language_is_refused_in_one_line() -> None:
    german = (
        "Wir suchen eine engagierte Pflegefachkraft für unsere Intensivstation. Sie sind "
        "verantwortlich für die Versorgung der Patienten und arbeiten eng mit dem Team zusammen. "
        "Wir bieten eine faire Vergütung und ein tolles Team mit vielen Möglichkeiten."
    )
    assert not is_english(german)
    assert is_english(NURSE)
    with pytest.raises(InputError, match="English"):
        audit(job=german)


@pytest.mark.parametrize(
    "job",
    [
        "Buscamos enfermera con experiencia en urgencias y disponibilidad para turnos de noche.",
        "Nous recherchons un comptable expérimenté pour notre bureau de Lyon, avec SAP.",
        "Procuramos enfermeiro com experiência em urgência e turnos noturnos em Lisboa.",
    ],
)
def test_a_short_posting_in_another_language_is_refused_too(job: str) -> None:
    """Under 25 words a share says little, but a run of another language's words does: the
    audit says why rather than finding no keywords in silence."""
    assert not is_english(job)
    with pytest.raises(InputError, match="English"):
        audit(job=job)


@pytest.mark.parametrize(
    "job",
    [
        "Registered nurse, ICU, night shifts, BLS and ACLS required. Epic charting a plus.",
        "Python developer with SQL and Django; remote in the EU.",
        "Sales manager for the de Vries group in La Paz: CRM, quota, Salesforce.",
        "Data analyst",
    ],
)
def test_a_short_english_posting_is_read(job: str) -> None:
    assert is_english(job)


@pytest.mark.parametrize(
    "job",
    [
        "- Python\n- SQL\n- Airflow\n- dbt",
        "Forklift operator needed for the night shift, with OSHA 10.",
        "Line cook " * 10_000,
    ],
)
def test_postings_without_headings_give_a_clear_result(job: str) -> None:
    result = audit(headline="Cook", job=job)
    assert result.match_rate is not None


def test_a_title_without_its_level_is_partial_never_found() -> None:
    job = "Senior Marketing Manager\nRequirements: SEO, Google Analytics and budgeting."
    result = audit(
        headline="Marketing Manager | SEO | Google Analytics",
        about="I run SEO and Google Analytics for a retail brand and own a budget.",
        skills="SEO\nGoogle Analytics\nBudgeting",
        job=job,
    )
    assert "Senior Marketing Manager" in result.missing
    same_level = audit(
        headline="Senior Marketing Manager | SEO | Google Analytics",
        about="I run SEO and Google Analytics for a retail brand and own a budget.",
        skills="SEO\nGoogle Analytics\nBudgeting",
        job=job,
    )
    assert result.match_rate is not None and same_level.match_rate is not None
    assert result.match_rate < same_level.match_rate


def test_word_forms_match_each_other() -> None:
    job = "Math Teacher\nRequirements: lesson planning and classroom management."
    result = audit(
        headline="Mathematics Teacher",
        about="I do lesson planning for grade 7 and classroom management for 28 students.",
        job=job,
    )
    assert "Math Teacher" in result.matched
