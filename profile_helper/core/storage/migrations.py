"""The ordered list of schema migrations, read from ``resources/migrations/NNN_name.sql``.

Each file raises the schema to version ``NNN``. Numbers are unique and consecutive from 1; the
files are data, so that adding one never means editing a list in code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from profile_helper.core.resources import resource_path

_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


@cache
def migrations() -> tuple[Migration, ...]:
    """All migrations in order; raises if the numbering has a gap or a repeat."""
    found: list[Migration] = []
    for path in resource_path("migrations").iterdir():
        match = _NAME.match(path.name)
        if match:
            found.append(
                Migration(int(match.group(1)), match.group(2), path.read_text(encoding="utf-8"))
            )
    found.sort(key=lambda m: m.version)
    for expected, migration in enumerate(found, start=1):
        if migration.version != expected:
            raise RuntimeError(f"Migration numbering is broken at {migration.version:03d}")
    return tuple(found)


def latest_version() -> int:
    return len(migrations())
