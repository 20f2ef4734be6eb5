"""Status transitions and the follow-ups they create, in a real database."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from profile_helper.core.applications.events import (
    change_status,
    undo_last_change,
)
from profile_helper.core.applications.statuses import STATUSES, TRANSITIONS, can_move
from profile_helper.core.applications.store import delete_application, get_application, timeline
from profile_helper.core.contacts.followups import due_follow_ups, mark_done
from profile_helper.core.errors import InputError, NotFoundError
from tests.core.applications.builders import TODAY, application, contact, open_follow_ups


def test_applying_sets_two_follow_ups_then_suggests_ghosted(db: sqlite3.Connection) -> None:
    app_id = application(db, applied="2026-03-16")
    assert open_follow_ups(db, app_id) == [
        ("2026-03-23", "application", ""),
        ("2026-03-30", "application", ""),
        ("2026-04-06", "suggest ghosted", ""),
    ]
    app = get_application(db, app_id)
    assert (app.status, app.applied_on, app.updated_on) == ("applied", "2026-03-16", "2026-03-16")
    # They are in the one follow-up list the Today page, 'followups list' and the calendar use.
    listed = due_follow_ups(db, "2026-04-30")
    assert listed[0].reason == "Follow up on your application: Data Engineer at Northwind"


def test_an_application_entered_late_shows_only_what_is_still_ahead(db: sqlite3.Connection) -> None:
    app_id = application(db, applied="2026-03-01")  # the first follow-up date has passed
    assert [d for d, _, _ in open_follow_ups(db, app_id)] == ["2026-03-15", "2026-03-22"]
    old = application(db, applied="2026-01-05")
    assert open_follow_ups(db, old) == [("2026-01-26", "suggest ghosted", "")]


def test_the_chase_goes_to_the_recruiter(db: sqlite3.Connection) -> None:
    recruiter = contact(db, "Rita", "Okafor", "Northwind")
    app_id = application(db, applied="2026-03-16", contacts=[(recruiter, "recruiter")])
    rows = db.execute(
        "SELECT DISTINCT contact_id FROM follow_ups WHERE application_id = ?", (app_id,)
    ).fetchall()
    assert [r[0] for r in rows] == [recruiter]


def test_any_answer_stops_the_chase(db: sqlite3.Connection) -> None:
    app_id = application(db, applied="2026-03-10")
    change_status(db, app_id, "screening", on="2026-03-12", today=TODAY)
    assert open_follow_ups(db, app_id) == []
    events = timeline(db, app_id)
    assert [(e.status, e.from_status, e.occurred_on) for e in events] == [
        ("screening", "applied", "2026-03-12"),
        ("applied", "saved", "2026-03-10"),
        ("saved", None, "2026-03-10"),
    ]


def test_an_interview_sets_a_thank_you_per_interviewer_the_next_day(db: sqlite3.Connection) -> None:
    ana = contact(db, "Ana", "García")
    li = contact(db, "Li", "Ming")
    app_id = application(
        db, applied="2026-03-02", contacts=[(ana, "interviewer"), (li, "interviewer")]
    )
    change = change_status(db, app_id, "interviewing", on="2026-03-17", today=TODAY)
    rows = db.execute(
        "SELECT contact_id, due, reason, template FROM follow_ups WHERE id IN (?, ?) ORDER BY id",
        change.follow_up_ids,
    ).fetchall()
    assert [(r[0], r[1], r[3]) for r in rows] == [
        (ana, "2026-03-18", "thank_you_interview"),
        (li, "2026-03-18", "thank_you_interview"),
    ]
    assert rows[0][2] == "Thank Ana García for the interview: Data Engineer at Northwind"
    assert get_application(db, app_id).interview_on == "2026-03-17"
    # A second round ("Another interview" in the window): another thank-you each after it.
    again = change_status(db, app_id, "interviewing", on="2026-03-24", note="Panel", today=TODAY)
    assert len(again.follow_up_ids) == 2
    assert get_application(db, app_id).interview_on == "2026-03-24"
    assert timeline(db, app_id)[0].note == "Panel"


def test_an_interview_without_known_interviewers_still_gets_a_thank_you(
    db: sqlite3.Connection,
) -> None:
    app_id = application(db, applied="2026-03-02")
    change_status(db, app_id, "interviewing", on="2026-03-17", today=TODAY)
    assert open_follow_ups(db, app_id) == [("2026-03-18", "thank you", "thank_you_interview")]


def test_rejection_after_an_interview_asks_for_feedback(db: sqlite3.Connection) -> None:
    app_id = application(db, applied="2026-03-02")
    change_status(db, app_id, "interviewing", on="2026-03-10", today=TODAY)
    mark_done(db, open_follow_ups_ids(db, app_id)[0])
    change = change_status(db, app_id, "rejected", on="2026-03-16", today=TODAY)
    assert get_application(db, app_id).rejected_stage == "interviewing"
    assert open_follow_ups(db, app_id) == [("2026-03-18", "feedback", "feedback_request")]
    assert len(change.follow_up_ids) == 1
    assert timeline(db, app_id)[0].describe() == "Rejected at the interviewing stage"


def test_a_rejection_replaces_an_unsent_thank_you(db: sqlite3.Connection) -> None:
    app_id = application(db, applied="2026-03-02")
    change_status(db, app_id, "interviewing", on="2026-03-10", today=TODAY)
    change_status(db, app_id, "rejected", on="2026-03-16", today=TODAY)
    assert open_follow_ups(db, app_id) == [("2026-03-18", "feedback", "feedback_request")]


def open_follow_ups_ids(db: sqlite3.Connection, app_id: int) -> list[int]:
    return [
        r[0]
        for r in db.execute(
            "SELECT id FROM follow_ups WHERE application_id = ? AND done_at IS NULL", (app_id,)
        )
    ]


@pytest.mark.parametrize("stage", ["applied", "screening"])
def test_an_automated_rejection_gets_no_follow_up(db: sqlite3.Connection, stage: str) -> None:
    app_id = application(db, applied="2026-03-02")
    change = change_status(db, app_id, "rejected", on="2026-03-05", stage=stage, today=TODAY)
    assert change.follow_up_ids == []
    assert open_follow_ups(db, app_id) == []
    assert get_application(db, app_id).rejected_stage == stage


def test_the_stage_defaults_to_where_the_application_was(db: sqlite3.Connection) -> None:
    app_id = application(db, applied="2026-03-02")
    change_status(db, app_id, "screening", on="2026-03-04", today=TODAY)
    change_status(db, app_id, "rejected", today=TODAY)
    app = get_application(db, app_id)
    assert (app.rejected_stage, app.updated_on) == ("screening", TODAY.isoformat())
    assert open_follow_ups(db, app_id) == []


def test_withdrawing_clears_every_open_follow_up(db: sqlite3.Connection) -> None:
    app_id = application(db, applied="2026-03-02")
    change_status(db, app_id, "interviewing", on="2026-03-17", today=TODAY)
    change_status(db, app_id, "withdrawn", today=TODAY)
    assert open_follow_ups(db, app_id) == []


def test_moves_the_statuses_do_not_allow_are_refused(db: sqlite3.Connection) -> None:
    app_id = application(db, applied="2026-03-02")
    change_status(db, app_id, "rejected", stage="screening", today=TODAY)
    with pytest.raises(InputError, match="rejected cannot move to offer; it is closed"):
        change_status(db, app_id, "offer", today=TODAY)
    other = application(db, applied="2026-03-02")
    with pytest.raises(InputError, match="cannot move to saved"):
        change_status(db, other, "saved", today=TODAY)
    with pytest.raises(InputError, match="stage is recorded only with a rejection"):
        change_status(db, other, "screening", stage="applied", today=TODAY)
    with pytest.raises(InputError, match="Unknown status 'hired'"):
        change_status(db, other, "hired", today=TODAY)
    with pytest.raises(NotFoundError):
        change_status(db, 999, "applied", today=TODAY)
    with pytest.raises(InputError, match="2026-03-19 is in the future"):
        change_status(db, other, "rejected", on="2026-03-19", today=TODAY)
    # An interview ahead is fine: the thank-you waits for the day after it.
    change = change_status(db, other, "interviewing", on="2026-03-25", today=TODAY)
    assert len(change.follow_up_ids) == 1
    assert get_application(db, other).status == "interviewing"


def test_the_transition_table_is_closed_over_the_statuses() -> None:
    assert set(TRANSITIONS) == set(STATUSES)
    for targets in TRANSITIONS.values():
        assert targets <= set(STATUSES)
    assert not can_move("rejected", "applied")
    assert can_move("ghosted", "interviewing")  # silence is sometimes only slowness


def test_a_saved_application_that_gets_an_answer_counts_as_sent(db: sqlite3.Connection) -> None:
    app_id = application(db)
    assert get_application(db, app_id).applied_on is None
    change_status(db, app_id, "screening", on="2026-03-11", today=TODAY)
    assert get_application(db, app_id).applied_on == "2026-03-11"


def test_deleting_an_application_deletes_its_follow_ups(db: sqlite3.Connection) -> None:
    app_id = application(db, applied="2026-03-16")
    delete_application(db, app_id)
    assert db.execute("SELECT count(*) FROM follow_ups").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM application_events").fetchone()[0] == 0


def test_a_failed_change_writes_nothing(db: sqlite3.Connection) -> None:
    app_id = application(db, applied="2026-03-02")
    before = db.execute("SELECT count(*) FROM application_events").fetchone()[0]
    with pytest.raises(InputError):
        change_status(db, app_id, "interviewing", on="03/04/2026", today=date(2026, 3, 18))
    assert db.execute("SELECT count(*) FROM application_events").fetchone()[0] == before


def test_undo_takes_back_the_last_move_and_its_follow_ups(db: sqlite3.Connection) -> None:
    app_id = application(db, applied="2026-03-16")
    chase = open_follow_ups(db, app_id)
    change_status(db, app_id, "interviewing", on="2026-03-17", today=TODAY)
    change_status(db, app_id, "rejected", on="2026-03-18", today=TODAY)
    assert undo_last_change(db, app_id, today=TODAY) == "interviewing"
    app = get_application(db, app_id)
    assert (app.status, app.rejected_stage, app.interview_on) == (
        "interviewing",
        None,
        "2026-03-17",
    )
    assert [k for _, k, _ in open_follow_ups(db, app_id)] == ["thank you"]
    assert undo_last_change(db, app_id, today=TODAY) == "applied"
    assert open_follow_ups(db, app_id) == chase  # the chase after applying is back
    assert get_application(db, app_id).interview_on is None
    assert undo_last_change(db, app_id, today=TODAY) == "saved"
    app = get_application(db, app_id)
    assert (app.status, app.applied_on) == ("saved", None)
    assert open_follow_ups(db, app_id) == []
    with pytest.raises(InputError, match="no change of status to undo"):
        undo_last_change(db, app_id, today=TODAY)
