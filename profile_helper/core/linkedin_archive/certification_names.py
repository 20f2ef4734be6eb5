"""``Certifications.csv`` read alone, for ``audit --certifications-file``: the names of the
certifications and licences the person holds."""

from __future__ import annotations

from pathlib import Path

from profile_helper.core.errors import FileReadError
from profile_helper.core.linkedin_archive.layouts import CERTIFICATIONS
from profile_helper.core.linkedin_archive.source import open_source
from profile_helper.core.linkedin_archive.table import read_table


def read_certification_names(path: Path) -> list[str]:
    """The certification names of one ``Certifications.csv`` (or the export's ZIP or folder),
    in the file's order; rows without a name are left out.

    Raises :class:`~profile_helper.core.errors.InputError` when ``path`` cannot be read or is not
    a Certifications.csv.
    """
    with open_source(path) as source:
        name = path.name if source.kind == "file" else CERTIFICATIONS.file
        if not source.has(name):
            raise FileReadError(f"{path.name} has no {CERTIFICATIONS.file}.")
        with source.open(name) as stream:
            rows = read_table(stream, CERTIFICATIONS, name)
            return [cells["name"] for _line, cells in rows if cells["name"].strip()]
