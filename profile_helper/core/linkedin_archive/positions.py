"""``Positions.csv``: the person's own jobs, read alone (``audit --positions-file``) or with the
rest of the export."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from profile_helper.core.contacts.models import RowError
from profile_helper.core.errors import FileReadError
from profile_helper.core.linkedin_archive.dates import partial_date
from profile_helper.core.linkedin_archive.layouts import POSITIONS
from profile_helper.core.linkedin_archive.source import open_source
from profile_helper.core.linkedin_archive.table import Row, read_table
from profile_helper.core.my_profile.models import Position


def position_from(cells: dict[str, str]) -> Position | str:
    """The position a row gives, or why it gives none."""
    if not (cells["company"] or cells["title"]):
        return "no company and no title"
    return Position(
        company=cells["company"],
        title=cells["title"],
        description=cells["description"],
        location=cells["location"],
        started_on=partial_date(cells["started_on"]) or "",
        finished_on=partial_date(cells["finished_on"]) or "",
    )


def positions_from(
    rows: Iterable[Row], skips: list[RowError] | None = None
) -> Iterator[tuple[int, Position]]:
    """The positions of ``rows`` with their lines; the rows that give none go to ``skips``."""
    for line, cells in rows:
        found = position_from(cells)
        if isinstance(found, Position):
            yield line, found
        elif skips is not None:
            skips.append(RowError(line, found))


def read_positions(path: Path) -> list[Position]:
    """The positions of one ``Positions.csv`` file, in the file's order.

    Raises :class:`~profile_helper.core.errors.InputError` when ``path`` cannot be read or is not
    a Positions.csv (its header is looked for, whatever the file is called).
    """
    with open_source(path) as source:
        # One CSV is read whatever it is called; in a ZIP or folder, its Positions.csv.
        name = path.name if source.kind == "file" else POSITIONS.file
        if not source.has(name):
            raise FileReadError(f"{path.name} has no {POSITIONS.file}.")
        with source.open(name) as stream:
            return [p for _line, p in positions_from(read_table(stream, POSITIONS, name))]
