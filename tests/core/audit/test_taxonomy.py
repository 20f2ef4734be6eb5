"""The compiled vocabulary in resources/vocabulary loads and holds what the audit relies on."""

from __future__ import annotations

import gzip
import threading
from collections import Counter

import pytest

from profile_helper.core.audit.named_skills import vocabulary_keywords
from profile_helper.core.audit.taxonomy import (
    KINDS,
    SENSES,
    Taxonomy,
    Term,
    key_of,
    load_taxonomy,
)
from profile_helper.core.resources import read_text, resource_path


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


def find(taxonomy: Taxonomy, phrase: str, kind: str | None = None) -> list[Term]:
    return [m.term for m in taxonomy.lookup(phrase) if kind is None or m.term.kind == kind]


def test_loads_once_and_is_shared_across_threads(taxonomy: Taxonomy) -> None:
    seen: list[Taxonomy] = []
    threads = [threading.Thread(target=lambda: seen.append(load_taxonomy())) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(t is taxonomy for t in seen)


def test_counts(taxonomy: Taxonomy) -> None:
    kinds = Counter(term.kind for term in taxonomy.terms)
    assert set(kinds) <= KINDS
    assert len(taxonomy.terms) >= 27_000
    assert kinds["skill"] >= 8_000
    assert kinds["tool"] >= 15_000
    assert kinds["knowledge"] >= 30
    assert kinds["certification"] + kinds["licence"] >= 300
    assert kinds["licence"] >= 100
    assert len(taxonomy.titles) >= 40_000
    assert taxonomy.longest >= 5


def test_every_term_is_well_formed(taxonomy: Taxonomy) -> None:
    for term in taxonomy.terms:
        assert term.name and term.name == term.name.strip()
        assert term.sense in SENSES
        assert len(term.aliases) == len(term.alias_senses)
        assert set(term.alias_senses) <= SENSES
        assert all(len(code) == 2 and code.isdigit() for code in term.fields)


def test_known_terms_of_several_fields(taxonomy: Taxonomy) -> None:
    (excel,) = find(taxonomy, "Microsoft Excel", "skill")
    assert "Excel" in excel.aliases and "MS Excel" in excel.aliases
    assert excel.hot
    assert find(taxonomy, "Excel", "skill") == [excel]
    assert "43" in excel.fields and "13" in excel.fields

    (quickbooks,) = find(taxonomy, "QuickBooks", "skill")
    assert quickbooks.name == "Intuit QuickBooks"

    epic = [m for m in taxonomy.lookup("Epic") if m.term.name == "Epic Systems"]
    assert epic and epic[0].sense == "exact_case" and "29" in epic[0].term.fields

    (ehr,) = [t for t in find(taxonomy, "EHR software") if t.name == "EHR software"]
    assert "Electronic health record software" in ehr.aliases and "29" in ehr.fields

    (sql,) = find(taxonomy, "Structured query language", "skill")
    assert sql.name == "SQL"

    # Tools, whose plurals fold: "forklift" finds "Forklifts".
    (forklift,) = find(taxonomy, "forklift", "tool")
    assert forklift.name == "Forklifts" and "53" in forklift.fields
    assert find(taxonomy, "pallet jacks", "tool")
    assert find(taxonomy, "automated external defibrillators", "tool")
    assert find(taxonomy, "mechanical stethoscopes", "tool")

    assert find(taxonomy, "Medicine and Dentistry", "knowledge")

    # Vendor-led names answer to the product alone, and some vendors to their bare name.
    for phrase, name in [
        ("Microsoft Office", "Microsoft Office"),
        ("SQL Server", "Microsoft SQL Server"),
        ("Jira", "Atlassian JIRA"),
        ("Jenkins", "Jenkins CI"),
        ("Azure", "Microsoft Azure"),
        ("AutoCAD", "Autodesk AutoCAD"),
        ("Kronos", "Kronos"),
        ("Cerner", "Cerner"),
    ]:
        assert name in [t.name for t in find(taxonomy, phrase, "skill")], phrase
    assert not find(taxonomy, "Database", "skill")  # "Oracle Database" gives no bare "Database"


def test_certifications_and_licences(taxonomy: Taxonomy) -> None:
    (ccrn,) = find(taxonomy, "CCRN", "certification")
    assert "Critical Care Registered Nurse certification" in ccrn.aliases
    assert ccrn.fields == frozenset({"29"})
    (servsafe,) = find(taxonomy, "ServSafe", "certification")
    assert "35" in servsafe.fields
    (cdl,) = find(taxonomy, "CDL Class A", "licence")
    assert "Class A CDL" in cdl.aliases and "53" in cdl.fields
    assert find(taxonomy, "Commercial Driver's License Class A", "licence") == [cdl]
    (pmp,) = find(taxonomy, "Project Management Professional", "certification")
    assert pmp.name == "PMP"
    for phrase, kind in [
        ("RN", "licence"),
        ("BLS", "certification"),
        ("ACLS", "certification"),
        ("CPA", "licence"),
        ("Series 7", "licence"),
        ("OSHA 30", "certification"),
        ("EPA 608", "certification"),
        ("CompTIA Security+", "certification"),
        ("CISSP", "certification"),
        ("SHRM-CP", "certification"),
        ("bar admission", "licence"),
        ("food handler card", "certification"),
    ]:
        assert find(taxonomy, phrase, kind), phrase


def test_the_certifications_file_is_complete_and_built_in() -> None:
    rows = [
        line.split("\t")
        for line in read_text("vocabulary/certifications.tsv").splitlines()
        if line and not line.startswith("#")
    ]
    assert len(rows) >= 300
    taxonomy = load_taxonomy()
    for row in rows:
        assert len(row) == 6, row
        abbreviation, full_name, kind, fields, _aliases, sense = row
        assert abbreviation or full_name, row
        assert kind in {"certification", "licence"}, row
        assert fields and all(len(f) == 2 and f.isdigit() for f in fields.split(",")), row
        assert sense in SENSES, row
        # The build merged it: its full name finds a term of its kind (rerun the build if not).
        assert find(taxonomy, full_name, kind), f"not in terms.tsv, rebuild: {full_name}"


def test_risky_words_need_case_or_context(taxonomy: Taxonomy) -> None:
    def senses(phrase: str) -> set[str]:
        return {m.sense for m in taxonomy.lookup(phrase) if m.term.kind == "skill"}

    assert senses("Go") == {"context"}
    assert senses("R") == {"context"}
    assert senses("C") == {"context"}
    assert senses("Word") == {"context"}
    assert "exact_case" in senses("Outlook")
    assert senses("C++") == {""}
    assert senses("Microsoft Word") == {""}
    (word,) = [m for m in taxonomy.lookup("word") if m.term.name == "Microsoft Word"]
    assert word.accepts(["Word"]) and not word.accepts(["word"])


def test_titles_tell_the_field(taxonomy: Taxonomy) -> None:
    assert taxonomy.field_of_title("Registered Nurse") == frozenset({"29"})
    assert "53" in taxonomy.field_of_title("truck driver")
    assert taxonomy.field_of_title("Heavy and Tractor-Trailer Truck Drivers") == frozenset({"53"})
    assert taxonomy.field_of_title("Senior Registered Nurse - ICU, nights") == frozenset({"29"})
    assert "15" in taxonomy.field_of_title("Software Developer")
    assert "35" in taxonomy.field_of_title("Barista")
    assert taxonomy.field_of_title("") == frozenset()
    assert taxonomy.field_of_title("Qwxyz") == frozenset()
    assert taxonomy.titles["registered nurse"] == frozenset({"29"})
    assert "registered nurse" in taxonomy.titles


def test_index_keys_match_the_tokenizer(taxonomy: Taxonomy) -> None:
    assert key_of("Pallet Jacks") == ("pallet", "jack")
    for term in taxonomy.terms[:: max(1, len(taxonomy.terms) // 400)]:
        for form, _sense in term.forms():
            if key_of(form):
                assert term in [m.term for m in taxonomy.term_index(key_of(form))], form


def test_attribution_files_exist() -> None:
    notice = read_text("vocabulary/NOTICE.md")
    assert "O*NET 29.2" in notice and "CC BY 4.0" in notice and "USDOL/ETA" in notice
    attribution = read_text("vocabulary/attribution.txt")
    assert "O*NET" in attribution and "CC BY 4.0" in attribution
    assert 2 <= len(attribution.strip().splitlines()) <= 4
    assert sum(p.stat().st_size for p in resource_path("vocabulary").iterdir()) < 3_000_000


def test_no_python_under_resources() -> None:
    # resources/ ships as package data ("**/*"): build scripts belong in tools/.
    root = resource_path("vocabulary")
    assert not list(root.rglob("*.py"))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Write IEP goals with families.", ["IEP software"]),
        ("Support students with IEPs.", ["IEP software"]),  # an acronym's plural "s"
        ("Support students with iePs.", []),  # not how an acronym is written
    ],
)
def test_an_acronym_is_found_in_the_plural(text: str, found: list[str]) -> None:
    assert [k.skill for k in vocabulary_keywords(text)] == found


@pytest.mark.parametrize(
    "name", ["vocabulary/index.tsv", "vocabulary/terms.tsv", "vocabulary/titles.tsv.gz"]
)
def test_the_files_have_plain_lines(name: str) -> None:
    # The loader splits on "\n" alone, which is what splitlines gives only for such files.
    data = resource_path(name).read_bytes()
    text = (gzip.decompress(data) if name.endswith(".gz") else data).decode("utf-8")
    assert text.endswith("\n")
    assert text[:-1].split("\n") == text.splitlines()


def test_the_index_is_sorted(taxonomy: Taxonomy) -> None:
    assert taxonomy.index_lines == sorted(taxonomy.index_lines)
    assert taxonomy.index_lines[-1]
