"""The person's own profile in a real database: added, updated, unchanged, read back."""

from __future__ import annotations

import sqlite3

from profile_helper.core.my_profile import models, store
from profile_helper.core.my_profile.models import Certification, Education, Position, Skill


def test_a_position_is_added_then_unchanged_then_updated(db: sqlite3.Connection) -> None:
    nurse = Position("St Mary's", "ICU Nurse", "Cared for 12 patients a shift.", "", "2021-03")
    assert store.put_position(db, nurse, "linkedin") == "added"
    assert store.put_position(db, nurse, "linkedin") == "unchanged"
    longer = Position("St Mary's", "ICU Nurse", "Cared for 14 patients.", "Leeds", "2021-03")
    assert store.put_position(db, longer, "linkedin") == "updated"
    assert store.positions(db) == [longer]
    assert store.positions(db)[0].current


def test_current_positions_come_first(db: sqlite3.Connection) -> None:
    old = Position("Acme", "Clerk", started_on="2015", finished_on="2018")
    now = Position("Beta", "Accountant", started_on="2019")
    store.put_position(db, old)
    store.put_position(db, now)
    assert [p.company for p in store.positions(db)] == ["Beta", "Acme"]


def test_skills_keep_their_order_and_endorsements(db: sqlite3.Connection) -> None:
    assert store.put_skill(db, Skill("Phlebotomy", 3), 1) == "added"
    assert store.put_skill(db, Skill("Triage", 7), 0) == "added"
    assert store.put_skill(db, Skill("triage", 7), 0) == "updated"  # new spelling
    assert store.put_skill(db, Skill("triage", 7), 0) == "unchanged"
    assert store.skills(db) == [Skill("triage", 7), Skill("Phlebotomy", 3)]


def test_the_whole_profile_reads_back(db: sqlite3.Connection) -> None:
    assert store.put_single_value(db, models.HEADLINE, "RN | ICU") == "added"
    assert store.put_single_value(db, models.HEADLINE, "RN | ICU") == "unchanged"
    store.put_single_value(db, models.WEBSITES, ["https://example.org"])
    store.put_education(db, Education("Leeds University", "BSc Nursing", finished_on="2020"))
    store.put_certification(db, Certification("BLS", "American Heart Association"))
    profile = store.load(db)
    assert profile.headline == "RN | ICU"
    assert profile.websites == ["https://example.org"]
    assert profile.education[0].degree == "BSc Nursing"
    assert profile.certifications == [Certification("BLS", "American Heart Association")]
