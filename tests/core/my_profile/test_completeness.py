"""Profile completeness from what the app knows, read from a real database."""

from __future__ import annotations

import sqlite3

from profile_helper.core.contacts.models import ContactDraft
from profile_helper.core.contacts.store import add_contact
from profile_helper.core.my_profile import store
from profile_helper.core.my_profile.completeness import completeness, merged
from profile_helper.core.my_profile.for_audit import read_stored
from profile_helper.core.my_profile.models import (
    HAS_PHOTO,
    Certification,
    Education,
    MyProfile,
    Position,
    Skill,
)
from profile_helper.core.settings import set_setting

IDS = ["photo", "headline", "about", "skills", "current_position", "education", "connections"]

FULL = MyProfile(
    headline="Data Engineer | Python",
    about="I build data platforms.",
    positions=[Position("Northwind", "Data Engineer", "Cut load time by 80%.", "", "2021")],
    education=[Education("TU Berlin", "MSc Computer Science")],
    skills=[Skill(name) for name in ("Python", "SQL", "Kafka", "dbt", "AWS")],
)


def test_an_empty_profile_has_every_item_to_do_with_advice() -> None:
    result = completeness(MyProfile(), connections=0, has_photo=False)
    assert [item.id for item in result.items] == IDS
    assert (result.done, result.total) == (0, 7)
    assert all(item.advice for item in result.items)
    assert "0 contacts so far" in result.items[-1].advice


def test_a_full_profile_is_complete_and_its_json_has_exactly_the_documented_keys() -> None:
    result = completeness(FULL, connections=50, has_photo=True)
    assert (result.done, result.total) == (7, 7)
    data = result.to_json()
    assert set(data) == {"items", "done", "total"}
    assert all(set(item) == {"id", "done", "advice"} for item in data["items"])


def test_the_thresholds_are_linkedins() -> None:
    four = MyProfile(skills=FULL.skills[:4])
    by_id = {i.id: i.done for i in completeness(four, connections=49, has_photo=False).items}
    assert by_id["skills"] is False and by_id["connections"] is False


def test_a_current_position_needs_a_description() -> None:
    bare = MyProfile(positions=[Position("Northwind", "Data Engineer")])
    item = completeness(bare, connections=0, has_photo=False).items[4]
    assert item.id == "current_position" and not item.done
    assert item.advice.startswith("Describe")
    past = MyProfile(positions=[Position("A", "B", "Did 3 things.", "", "2019", "2020")])
    assert not completeness(past, connections=0, has_photo=False).items[4].done


def test_typed_text_wins_and_empty_falls_back_to_the_stored() -> None:
    result = merged(FULL, headline="", about="New About", skills=["Go"])
    assert result.headline == FULL.headline
    assert result.about == "New About"
    assert result.skills == [Skill("Go")]
    assert result.positions == FULL.positions


def test_stored_counts_contacts_and_reads_the_photo_tick(db: sqlite3.Connection) -> None:
    for i in range(50):
        add_contact(db, ContactDraft(first_name=f"Person{i}", last_name="Test"))
    set_setting(db, HAS_PHOTO, True)
    store.put_skill(db, Skill("SQL", 12), 0)
    store.put_skill(db, Skill("Excel"), 1)
    store.put_certification(db, Certification("Project Management Professional (PMP)"))
    stored = read_stored(db)
    assert stored.endorsements == {"SQL": 12}
    assert stored.certifications == ["Project Management Professional (PMP)"]
    by_id = {i.id: i.done for i in stored.completeness(headline="Analyst").items}
    assert by_id["connections"] and by_id["photo"] and by_id["headline"]
    assert not by_id["about"] and not by_id["skills"]


def test_nothing_stored_reads_as_empty(db: sqlite3.Connection) -> None:
    stored = read_stored(db)
    assert (stored.connections, stored.has_photo, stored.endorsements) == (0, False, {})
    assert stored.completeness().done == 0
