"""People you know at an application's company, found through a tolerant company key."""

from __future__ import annotations

import sqlite3
import time

import pytest

from profile_helper.core.applications.warm_intros import company_key, contacts_at_company
from profile_helper.core.contacts.models import ContactDraft
from profile_helper.core.contacts.store import add_contact


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Acme", "ACME, Inc."),
        ("Acme Inc", "acme inc."),
        ("Acme", "Acme LLC"),
        ("Acme", "Acme Ltd."),
        ("Acme", "Acme Limited"),
        ("Siemens", "Siemens AG"),
        ("Foo", "Foo GmbH & Co. KG"),
        ("Société Générale", "Societe Generale S.A."),
        ("Capgemini", "Capgemini S.A.S."),
        ("Capgemini SAS", "CAPGEMINI"),
        ("Philips", "Philips N.V."),
        ("ING", "ING B.V."),
        ("Unilever", "Unilever PLC"),
        ("Ford", "Ford Co."),
        ("Oracle", "Oracle Corp."),
        ("Oracle", "Oracle Corporation"),
        ("Walt Disney", "The Walt Disney Company"),
        ("Atlassian", "Atlassian Pty Ltd"),
        ("Luxottica", "Luxottica S.p.A."),
        ("Enel", "Enel SRL"),
        ("Sony", "Sony KK"),
        ("Nokia", "Nokia Oy"),
        ("Tele2", "Tele2 AB"),
        ("Equinor", "Equinor ASA"),
        ("Procter & Gamble", "Procter&Gamble"),
        ("Coca-Cola", "Coca Cola"),
        ("Micro  Soft", "Micro Soft"),
    ],
)
def test_spellings_of_one_company_have_one_key(one: str, other: str) -> None:
    assert company_key(one) == company_key(other) != ""


@pytest.mark.parametrize(("one", "other"), [("Acme", "Acme Bank"), ("Meta", "Metal Inc")])
def test_other_companies_differ(one: str, other: str) -> None:
    assert company_key(one) != company_key(other)


def test_a_name_that_is_only_a_legal_form_is_kept() -> None:
    assert company_key("AB") == "ab"
    assert company_key("   ") == ""


def test_contacts_at_the_company_closest_first(db: sqlite3.Connection) -> None:
    ada = add_contact(db, ContactDraft("Ada", "Lovelace", "Engineer", "Société Générale", tier=2))
    bob = add_contact(
        db, ContactDraft("Bob", "Builder", "Recruiter", "SOCIETE GENERALE S.A.", tier=1)
    )
    cy = add_contact(db, ContactDraft("Cy", "Young", "Analyst", "societe generale"))
    add_contact(db, ContactDraft("Dee", "Other", "Analyst", "Acme"))
    add_contact(db, ContactDraft("Eve", "Nobody", "Analyst", ""))
    people = contacts_at_company(db, "Societe Generale SA")
    assert [p.id for p in people] == [bob, ada, cy]
    assert people[0].to_json() == {
        "id": bob,
        "name": "Bob Builder",
        "position": "Recruiter",
        "company": "SOCIETE GENERALE S.A.",
        "url": "",
        "tier": 1,
    }
    assert contacts_at_company(db, "") == []
    assert contacts_at_company(db, "Initech") == []


def test_fast_on_thirty_thousand_contacts(db: sqlite3.Connection) -> None:
    rows = [
        (f"First{i}", f"Last{i}", "Engineer", f"Company {i % 3000} GmbH", "t", "t")
        for i in range(30_000)
    ]
    db.executemany(
        "INSERT INTO contacts(first_name, last_name, position, company, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        rows,
    )
    company_key.cache_clear()
    started = time.perf_counter()
    people = contacts_at_company(db, "company 42")
    elapsed = time.perf_counter() - started
    assert len(people) == 10
    # A generous bound for a shared machine; it takes about a tenth of this.
    assert elapsed < 1.0, elapsed
