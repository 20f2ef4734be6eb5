import sqlite3

import pytest

from profile_helper.core.contacts.importer import apply_import
from profile_helper.core.contacts.models import (
    STATUSES,
    ContactDraft,
    ParseResult,
    Website,
    contact_as_dict,
)
from profile_helper.core.contacts.store import (
    add_contact,
    add_tag,
    all_statuses,
    all_tags,
    delete_contacts,
    get_contact,
    remove_tag,
    set_status,
    update_contact,
    validate,
)
from profile_helper.core.errors import InputError, NotFoundError


def _ana(**changes: object) -> ContactDraft:
    draft = ContactDraft(
        first_name="Ana",
        last_name="García",
        company="TechStart, Inc.",
        position="CTO",
        emails=["ana@techstart.io", "ana@home.net"],
        phones=["+1 555 0100"],
        websites=[Website("https://ana.dev", "Blog")],
        url="https://www.linkedin.com/in/ana-garcia/?trk=x",
        tags=["mentor", " Mentor ", "berlin"],
        tier=1,
    )
    for key, value in changes.items():
        setattr(draft, key, value)
    return draft


def test_add_get_update_delete(db: sqlite3.Connection) -> None:
    contact_id = add_contact(db, _ana())
    contact = get_contact(db, contact_id)
    assert contact.full_name == "Ana García"
    assert contact.url == "https://www.linkedin.com/in/ana-garcia"
    assert contact.emails == ["ana@techstart.io", "ana@home.net"]
    assert contact.tags == ["berlin", "mentor"]
    assert contact.websites == [Website("https://ana.dev", "Blog")]
    assert contact.status == "to contact"
    assert contact.created_at and contact.updated_at

    update_contact(db, contact_id, _ana(company="Globex", tags=["advisor"], status="met"))
    changed = get_contact(db, contact_id)
    assert (changed.company, changed.tags, changed.status) == ("Globex", ["advisor"], "met")
    assert changed.created_at == contact.created_at

    assert delete_contacts(db, [contact_id]) == 1
    with pytest.raises(NotFoundError):
        get_contact(db, contact_id)


def test_validation_names_each_field() -> None:
    problems = validate(
        ContactDraft(emails=["nope"], url="https://", tier=7, connected_on="15/01/2024")
    )
    assert set(problems) == {"first_name", "emails", "url", "tier", "connected_on"}
    assert "nope" in problems["emails"]
    assert validate(_ana()) == {}


def test_add_refuses_invalid_and_duplicate_profile(db: sqlite3.Connection) -> None:
    with pytest.raises(InputError, match="first or a last name"):
        add_contact(db, ContactDraft())
    add_contact(db, _ana())
    with pytest.raises(InputError, match="already has the profile"):
        add_contact(db, _ana(first_name="Other", url="linkedin.com/in/ANA-GARCIA"))
    assert db.execute("SELECT count(*) FROM contacts").fetchone()[0] == 1


def test_bulk_tag_and_status(db: sqlite3.Connection) -> None:
    ids = [add_contact(db, ContactDraft(first_name=n)) for n in ("A", "B", "C")]
    add_tag(db, ids[:2], "Recruiter")
    assert all_tags(db) == [("Recruiter", 2)]
    assert (
        "recruiter"
        in db.execute("SELECT search_text FROM contacts WHERE id = ?", (ids[0],)).fetchone()[0]
    )
    remove_tag(db, [ids[0]], "recruiter")
    assert get_contact(db, ids[0]).tags == []
    set_status(db, ids, "talking")
    assert {get_contact(db, i).status for i in ids} == {"talking"}
    set_status(db, [ids[0]], "went quiet")
    assert all_statuses(db)[-1] == "went quiet"
    with pytest.raises(InputError):
        set_status(db, ids, "  ")


def test_contact_as_dict_for_templates(db: sqlite3.Connection) -> None:
    record = contact_as_dict(get_contact(db, add_contact(db, _ana())))
    assert record["full_name"] == "Ana García"
    assert record["email"] == "ana@techstart.io"
    assert record["tags"] == ["berlin", "mentor"]
    assert record["url"] == "https://www.linkedin.com/in/ana-garcia"
    for key in ("first_name", "last_name", "company", "position", "emails", "next_follow_up"):
        assert key in record


def test_statuses_typed_once_are_offered_again(db: sqlite3.Connection) -> None:
    assert all_statuses(db) == list(STATUSES)
    cid = add_contact(db, _ana(status="interviewing"))
    update_contact(db, cid, _ana(status="referred me"))
    apply_import(db, ParseResult(rows=[(2, ContactDraft(first_name="Bo", status="alumni"))]))
    assert all_statuses(db) == [*STATUSES, "interviewing", "referred me", "alumni"]
