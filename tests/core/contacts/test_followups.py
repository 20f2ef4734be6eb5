import sqlite3
from datetime import UTC, date, datetime, timedelta

import pytest

from profile_helper.core.contacts.followups import (
    add_follow_up,
    cadence_of,
    due_follow_ups,
    follow_ups_of,
    get_follow_up,
    mark_done,
    reopen,
    set_tag_cadence,
    snooze,
    snooze_target,
)
from profile_helper.core.contacts.interactions import delete_interaction, log_interaction, timeline
from profile_helper.core.contacts.models import ContactDraft
from profile_helper.core.contacts.store import (
    add_contact,
    add_tag,
    get_contact,
    remove_tag,
    update_contact,
)
from profile_helper.core.errors import InputError, NotFoundError


def _contact(db: sqlite3.Connection, **kw: object) -> int:
    return add_contact(db, ContactDraft(first_name="Ana", last_name="Li", **kw))  # type: ignore[arg-type]


def test_due_done_and_snooze(db: sqlite3.Connection) -> None:
    cid = _contact(db)
    today = date.today()
    late = add_follow_up(db, cid, today - timedelta(days=2), "Send the deck")
    now = add_follow_up(db, cid, today.isoformat(), "Thank-you note")
    later = add_follow_up(db, cid, today + timedelta(days=20), "Check in")
    assert [f.id for f in due_follow_ups(db, today)] == [late, now]
    assert [f.id for f in due_follow_ups(db)] == [late, now, later]
    assert due_follow_ups(db)[0].contact_name == "Ana Li"
    assert len(due_follow_ups(db, today)) == 2
    assert get_contact(db, cid).next_follow_up == (today - timedelta(days=2)).isoformat()

    mark_done(db, late)
    assert get_follow_up(db, late).done_at is not None
    assert len(due_follow_ups(db, today)) == 1
    reopen(db, late)
    assert len(due_follow_ups(db, today)) == 2
    assert snooze(db, now, "tomorrow") == (today + timedelta(days=1)).isoformat()
    snooze(db, late, "2030-01-02")
    assert get_follow_up(db, late).due == "2030-01-02"
    assert due_follow_ups(db, today) == []
    assert next(f.id for f in follow_ups_of(db, cid)) == now


def test_snooze_targets() -> None:
    wednesday = date(2024, 6, 12)
    assert snooze_target("tomorrow", wednesday) == date(2024, 6, 13)
    assert snooze_target("next week", wednesday) == date(2024, 6, 17)  # Monday
    assert snooze_target("2024-07-01", wednesday) == date(2024, 7, 1)
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        snooze_target("someday", wednesday)


def test_bad_input(db: sqlite3.Connection) -> None:
    with pytest.raises(NotFoundError):
        add_follow_up(db, 999, "2024-01-01", "x")
    with pytest.raises(InputError):
        add_follow_up(db, None, "01/02/2024", "x")
    with pytest.raises(InputError, match="kind"):
        log_interaction(db, _contact(db), "telepathy", "hm")


def test_an_interaction_is_logged_on_the_day_it_is_given_in_any_form(
    db: sqlite3.Connection,
) -> None:
    cid = _contact(db)
    log_interaction(db, cid, "call", "a", when=datetime(2024, 3, 5, 22, 30, tzinfo=UTC))
    log_interaction(db, cid, "email", "b", when=" 2024-03-06T08:15:00+00:00 ")
    log_interaction(db, cid, "note", "c", when=date(2024, 3, 7))
    log_interaction(db, cid, "message", "d")
    days = [i.occurred_on for i in timeline(db, cid)]
    assert days == [date.today().isoformat(), "2024-03-07", "2024-03-06", "2024-03-05"]
    with pytest.raises(InputError, match="Not a date"):
        log_interaction(db, cid, "note", "e", when="5 March")
    assert len(timeline(db, cid)) == 4


def test_logging_an_interaction_restarts_the_contacts_cadence(db: sqlite3.Connection) -> None:
    cid = _contact(db, cadence_days=30)
    log_interaction(db, cid, "meeting", "Coffee at the meetup", when="2024-01-10")
    open_ = [f for f in follow_ups_of(db, cid) if f.done_at is None]
    assert [(f.due, f.kind) for f in open_] == [("2024-02-09", "cadence")]
    log_interaction(db, cid, "message", "Sent the article", when="2024-02-01")
    open_ = [f for f in follow_ups_of(db, cid) if f.done_at is None]
    assert [f.due for f in open_] == ["2024-03-02"]
    assert get_contact(db, cid).last_interaction == "2024-02-01"
    # An older entry logged late does not move the clock back.
    log_interaction(db, cid, "note", "Remembered something", when="2023-12-01")
    assert get_contact(db, cid).last_interaction == "2024-02-01"
    assert [i.kind for i in timeline(db, cid)] == ["message", "meeting", "note"]
    delete_interaction(db, timeline(db, cid)[0].id)
    assert get_contact(db, cid).last_interaction == "2024-01-10"
    # Deleting the latest entry puts the clock back to the one before it.
    open_ = [f for f in follow_ups_of(db, cid) if f.done_at is None]
    assert [f.due for f in open_] == ["2024-02-09"]


def test_tag_cadence_and_done_schedules_the_next(db: sqlite3.Connection) -> None:
    cid = _contact(db)
    other = _contact(db, tags=["mentor"], cadence_days=7)
    add_tag(db, [cid], "mentor")
    set_tag_cadence(db, "Mentor", 14)
    assert cadence_of(db, cid) == 14
    assert cadence_of(db, other) == 7  # the contact's own cadence wins
    cadence = [f for f in follow_ups_of(db, cid) if f.kind == "cadence"]
    assert [f.due for f in cadence] == [(date.today() + timedelta(days=14)).isoformat()]
    mark_done(db, cadence[0].id, today=date(2024, 5, 1))
    open_ = [f for f in follow_ups_of(db, cid) if f.done_at is None]
    assert [f.due for f in open_] == ["2024-05-15"]
    # Removing the cadence removes its open follow-up, not the done history.
    update_contact(db, cid, ContactDraft(first_name="Ana", last_name="Li", tags=[]))
    assert [f.done_at is not None for f in follow_ups_of(db, cid)] == [True]


def test_removing_the_tag_that_set_a_cadence_removes_its_follow_up(
    db: sqlite3.Connection,
) -> None:
    cid = _contact(db, tags=["mentor", "friend"])
    set_tag_cadence(db, "mentor", 14)
    assert [f.kind for f in follow_ups_of(db, cid)] == ["cadence"]
    remove_tag(db, [cid], "Mentor")
    assert cadence_of(db, cid) is None
    assert follow_ups_of(db, cid) == []
    assert get_contact(db, cid).tags == ["friend"]


def test_queries_tolerate_added_columns(db: sqlite3.Connection) -> None:
    # Another feature adds its own column to follow_ups; these queries name theirs.
    # (Migration 004 adds application_id and template; this adds one more of its own.)
    db.execute("ALTER TABLE follow_ups ADD COLUMN another_feature_id INTEGER NULL")
    fid = add_follow_up(db, None, "2024-01-01", "Ask about the role")
    assert due_follow_ups(db, "2024-01-01")[0].id == fid
    assert get_follow_up(db, fid).contact_name == ""
