"""The applications store, the contacts involved, and the message variables of an application."""

from __future__ import annotations

import sqlite3

import pytest

from profile_helper.core.applications.message_values import application_variables
from profile_helper.core.applications.models import ApplicationDraft
from profile_helper.core.applications.store import (
    ApplicationQuery,
    add_contacts,
    get_application,
    list_applications,
    remove_contact,
    update_application,
)
from profile_helper.core.contacts.store import delete_contacts
from profile_helper.core.errors import InputError, NotFoundError
from tests.core.applications.builders import application, contact


def test_follow_ups_gained_an_application_column(db: sqlite3.Connection) -> None:
    columns = {r[1] for r in db.execute("PRAGMA table_info(follow_ups)")}
    assert {"application_id", "template", "contact_id", "kind"} <= columns
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_add_edit_list_and_search(db: sqlite3.Connection) -> None:
    first = application(db, "Northwind", "Data Engineer", applied="2026-03-02")
    second = application(db, "Contoso", "Platform Engineer")
    update_application(
        db,
        second,
        ApplicationDraft(
            "  Contoso  Ltd ", "Platform  Engineer", salary="€70–80k", notes="Via Ana"
        ),
    )
    app = get_application(db, second)
    assert (app.company, app.role, app.salary) == ("Contoso Ltd", "Platform Engineer", "€70–80k")
    assert [a.id for a in list_applications(db)] == [second, first]
    assert [a.id for a in list_applications(db, ApplicationQuery(status="applied"))] == [first]
    assert [a.id for a in list_applications(db, ApplicationQuery(search="ana"))] == [second]
    assert list_applications(db, ApplicationQuery(search="100%_")) == []
    with pytest.raises(InputError, match="company"):
        update_application(db, first, ApplicationDraft(" ", "Role"))
    with pytest.raises(InputError, match="role"):
        application(db, "Acme", "  ")
    with pytest.raises(NotFoundError):
        get_application(db, 12345)


def test_contacts_involved(db: sqlite3.Connection) -> None:
    rita = contact(db, "Rita", "Okafor", "Northwind")
    ana = contact(db, "Ana", "García")
    app_id = application(db, contacts=[(rita, "recruiter")])
    add_contacts(db, app_id, [ana], "interviewer")
    add_contacts(db, app_id, [ana], "interviewer")  # twice is once
    people = get_application(db, app_id).contacts
    assert [(p.name, p.role) for p in people] == [
        ("Ana García", "interviewer"),
        ("Rita Okafor", "recruiter"),
    ]
    with pytest.raises(InputError, match="Unknown role"):
        add_contacts(db, app_id, [ana], "boss")
    with pytest.raises(NotFoundError, match="no contact #999"):
        add_contacts(db, app_id, [999], "interviewer")
    remove_contact(db, app_id, rita)
    delete_contacts(db, [ana])
    assert get_application(db, app_id).contacts == []


def test_message_variables_name_the_interviewer(db: sqlite3.Connection) -> None:
    rita = contact(db, "Rita", "Okafor", "Northwind")
    ana = contact(db, "Ana", "García", "Northwind")
    app_id = application(db, contacts=[(rita, "recruiter"), (ana, "interviewer")])
    values = application_variables(db, app_id)
    assert values["job"] == {
        "title": "Data Engineer",
        "company": "Northwind",
        "url": "",
        "contact_name": "Ana García",
        "stage": "saved",
    }
    assert values["contact_id"] == ana
    assert values["contact"]["first_name"] == "Ana"
    alone = application_variables(db, application(db, "Contoso", "Analyst"))
    assert (alone["contact"], alone["job"]["contact_name"]) == (None, "")
