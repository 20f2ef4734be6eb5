"""Reading and writing the person's own profile.

Each ``put_*`` adds a row or brings the stored one up to date by its natural key, and says which
it did (``added``, ``updated`` or ``unchanged``), so that an import can report per row and a
second import of the same data changes nothing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import astuple, fields
from typing import Literal

from profile_helper.core.my_profile import models
from profile_helper.core.my_profile.models import (
    Certification,
    Education,
    MyProfile,
    Position,
    Skill,
)
from profile_helper.core.settings import get_setting, set_setting

Outcome = Literal["added", "updated", "unchanged"]

_TABLES: dict[type, tuple[str, tuple[str, ...]]] = {
    # model -> (table, natural key columns); the columns are the model's fields by name.
    Position: ("my_positions", ("company", "title", "started_on")),
    Education: ("my_education", ("school", "degree", "started_on")),
    Certification: ("my_certifications", ("name", "authority")),
}

_SINGLE_VALUES: tuple[tuple[str, str], ...] = (
    ("headline", models.HEADLINE),
    ("about", models.ABOUT),
    ("industry", models.INDUSTRY),
    ("location", models.LOCATION),
)


def _put(
    conn: sqlite3.Connection, item: Position | Education | Certification, source: str
) -> Outcome:
    table, key = _TABLES[type(item)]
    columns = tuple(f.name for f in fields(item))
    values = astuple(item)
    where = " AND ".join(f"{c} = ?" for c in key)
    key_values = tuple(getattr(item, c) for c in key)
    row = conn.execute(
        f"SELECT id, {', '.join(columns)} FROM {table} WHERE {where}", key_values
    ).fetchone()
    if row is None:
        conn.execute(
            f"INSERT INTO {table}({', '.join(columns)}, source) "
            f"VALUES ({', '.join('?' for _ in columns)}, ?)",
            (*values, source),
        )
        return "added"
    if tuple(row[1:]) == values:
        return "unchanged"
    sets = ", ".join(f"{c} = ?" for c in columns)
    conn.execute(f"UPDATE {table} SET {sets} WHERE id = ?", (*values, row[0]))
    return "updated"


def put_position(conn: sqlite3.Connection, position: Position, source: str = "manual") -> Outcome:
    return _put(conn, position, source)


def put_education(
    conn: sqlite3.Connection, education: Education, source: str = "manual"
) -> Outcome:
    return _put(conn, education, source)


def put_certification(
    conn: sqlite3.Connection, certification: Certification, source: str = "manual"
) -> Outcome:
    return _put(conn, certification, source)


def put_skill(
    conn: sqlite3.Connection, skill: Skill, order: int, source: str = "manual"
) -> Outcome:
    """A skill at its place in the profile's order, with its endorsement count."""
    row = conn.execute(
        "SELECT name, position, endorsements FROM my_skills WHERE name = ?", (skill.name,)
    ).fetchone()
    if row is None:
        conn.execute(
            "INSERT INTO my_skills(name, position, endorsements, source) VALUES (?, ?, ?, ?)",
            (skill.name, order, skill.endorsements, source),
        )
        return "added"
    if tuple(row) == (skill.name, order, skill.endorsements):
        return "unchanged"
    conn.execute(
        "UPDATE my_skills SET name = ?, position = ?, endorsements = ? WHERE name = ?",
        (skill.name, order, skill.endorsements, skill.name),
    )
    return "updated"


def put_single_value(conn: sqlite3.Connection, key: str, value: object) -> Outcome:
    """One of the profile's single values (``models.HEADLINE`` ...), kept in the settings."""
    old = get_setting(conn, key, None)
    if old == value:
        return "unchanged"
    set_setting(conn, key, value)
    return "added" if old in (None, "", []) else "updated"


def _rows(conn: sqlite3.Connection, model: type, order: str) -> list[tuple[object, ...]]:
    table, _key = _TABLES[model]
    columns = ", ".join(f.name for f in fields(model))
    return list(conn.execute(f"SELECT {columns} FROM {table} ORDER BY {order}"))


def positions(conn: sqlite3.Connection) -> list[Position]:
    """Current positions first, then the others from the latest."""
    rows = _rows(conn, Position, "finished_on != '', finished_on DESC, started_on DESC, id")
    return [Position(*map(str, r)) for r in rows]


def education(conn: sqlite3.Connection) -> list[Education]:
    rows = _rows(conn, Education, "finished_on DESC, started_on DESC, id")
    return [Education(*map(str, r)) for r in rows]


def certifications(conn: sqlite3.Connection) -> list[Certification]:
    rows = _rows(conn, Certification, "finished_on DESC, started_on DESC, id")
    return [Certification(*map(str, r)) for r in rows]


def skills(conn: sqlite3.Connection) -> list[Skill]:
    rows = conn.execute("SELECT name, endorsements FROM my_skills ORDER BY position, name")
    return [Skill(str(name), int(count)) for name, count in rows]


def load(conn: sqlite3.Connection) -> MyProfile:
    """The whole of the person's own profile as the app knows it."""
    single = {name: str(get_setting(conn, key, "") or "") for name, key in _SINGLE_VALUES}
    websites = get_setting(conn, models.WEBSITES, [])
    return MyProfile(
        **single,
        websites=[str(w) for w in websites] if isinstance(websites, list) else [],
        positions=positions(conn),
        education=education(conn),
        certifications=certifications(conn),
        skills=skills(conn),
    )


def skill_names(conn: sqlite3.Connection) -> Sequence[str]:
    return [s.name for s in skills(conn)]
