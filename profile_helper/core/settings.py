"""The person's settings kept in the database as JSON values (their profile, goals, limits).

Window geometry and other view state live in QSettings instead; this is data.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from profile_helper.core.storage.transaction import transaction

if TYPE_CHECKING:
    import sqlite3

# Defaults every reader can rely on; later features add theirs here.
DEFAULTS: dict[str, Any] = {
    "profile.name": "",
    "profile.current_role": "",
    "profile.target_role": "",
    "profile.pitch": "",
    "profile.signature": "",
    "linkedin.premium": False,
    # Common job-search advice: two quality applications and one networking touch a day, one
    # new skill a week.
    "goals.applications_per_day": 2,
    "goals.touches_per_day": 1,
    "goals.skills_per_week": 1,
}


def get_setting(conn: sqlite3.Connection, key: str, default: Any = None) -> Any:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    if row is None:
        return DEFAULTS.get(key, default) if default is None else default
    return json.loads(row[0])


def set_setting(conn: sqlite3.Connection, key: str, value: Any) -> None:
    # ``transaction`` joins a caller's transaction; ``with conn`` would commit it halfway.
    with transaction(conn):
        conn.execute(
            "INSERT INTO settings(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, json.dumps(value)),
        )
