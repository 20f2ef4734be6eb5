"""Saved audits: name, date, the texts and the score, so progress can be followed and restored."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime

from profile_helper.core.audit.run import AuditResult
from profile_helper.core.errors import InputError, NotFoundError
from profile_helper.core.storage.transaction import transaction

MAX_NAME_CHARS = 120


@dataclass(frozen=True)
class SavedAudit:
    id: int
    name: str
    created_at: str
    headline: str
    about: str
    skills: str
    job: str
    score: int
    match_rate: float | None

    @property
    def created(self) -> datetime:
        return datetime.fromisoformat(self.created_at.replace("Z", "+00:00"))


_COLUMNS = "id, name, created_at, headline, about, skills, job, score, match_rate"


def _row(row: tuple[object, ...]) -> SavedAudit:
    return SavedAudit(*row)  # type: ignore[arg-type]


def check_name(name: str) -> str:
    """The name with its spaces tidied, or an error saying what a name must be."""
    name = " ".join(name.split())
    if not name:
        raise InputError("Give the audit a name, e.g. the job or the date.")
    if len(name) > MAX_NAME_CHARS:
        raise InputError(f"The name has {len(name)} characters; use at most {MAX_NAME_CHARS}.")
    return name


def save_audit(
    conn: sqlite3.Connection, name: str, result: AuditResult, now: datetime | None = None
) -> SavedAudit:
    """Save an audit under ``name`` (required) with its texts and score; return the record."""
    name = check_name(name)
    when = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    profile = result.profile
    with transaction(conn):
        cursor = conn.execute(
            "INSERT INTO audits(name, created_at, headline, about, skills, job, score, "
            "match_rate, result_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                name,
                when,
                profile.headline,
                profile.about,
                profile.skills_text,
                profile.job,
                result.score,
                result.match_rate,
                json.dumps(result.to_json(), ensure_ascii=False),
            ),
        )
        audit_id = int(cursor.lastrowid or 0)
    return get_audit(conn, audit_id)


def get_audit(conn: sqlite3.Connection, audit_id: int) -> SavedAudit:
    row = conn.execute(f"SELECT {_COLUMNS} FROM audits WHERE id = ?", (audit_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"There is no saved audit {audit_id}.")
    return _row(row)


def list_audits(conn: sqlite3.Connection) -> list[SavedAudit]:
    """Every saved audit, oldest first (the order of the score chart)."""
    rows = conn.execute(f"SELECT {_COLUMNS} FROM audits ORDER BY created_at, id").fetchall()
    return [_row(row) for row in rows]


def delete_audit(conn: sqlite3.Connection, audit_id: int) -> None:
    with transaction(conn):
        deleted = conn.execute("DELETE FROM audits WHERE id = ?", (audit_id,)).rowcount
    if not deleted:
        raise NotFoundError(f"There is no saved audit {audit_id}.")
