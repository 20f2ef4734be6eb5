"""What storage raises when a file does not open with the key it was given."""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

from profile_helper.core.errors import DatabaseError, InputError

log = logging.getLogger(__name__)


def first_line(what: object) -> str:
    """The first line of SQLite's error or check result, for a message; the rest is logged.

    SQLite's text can run to many lines (an integrity check lists every damaged page); a
    person needs the first, and the log keeps the whole for whoever looks into it.
    """
    text = str(what).strip()
    # An integrity check opens with a "*** in database main ***" heading: the finding follows.
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("***")]
    first = lines[0] if lines else text
    if len(lines) > 1:
        log.warning("%s (in full: %s)", first, text)
    return first


class WrongKeyError(DatabaseError):
    """The passphrase or key given does not open the database (nothing was changed)."""


class KeyFormatError(InputError, ValueError):
    """A passphrase or stored key that no database can be opened with (empty, or with a NUL).

    A ``ValueError`` too, so that code reading keys from elsewhere (the keychain) treats it as
    any other malformed key.
    """


class ReadOnlyError(DatabaseError):
    """The data folder (or the database file) cannot be written."""


class DiskFullError(DatabaseError):
    """The disk holding the database is full."""


class DatabaseMissingError(DatabaseError):
    """The data folder had a database, and its file is gone."""


# SQLite's primary result codes (the low byte of an extended code).
_PERM, _READONLY, _IOERR, _FULL, _CANTOPEN, _NOTADB = 3, 8, 10, 13, 14, 26


def is_not_a_database(exc: sqlite3.Error) -> bool:
    """SQLITE_NOTADB: what SQLCipher answers for a wrong key (or a first page beyond reading)."""
    return (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF == _NOTADB


def environment_error(exc: sqlite3.Error, path: Path) -> DatabaseError | None:
    """The one-line error for a read-only folder, a full disk or a disk error, else ``None``."""
    code = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
    folder = path.parent
    if code == _FULL:
        return DiskFullError(
            f"The disk holding {folder} is full: free some space and try again. "
            "Nothing was changed."
        )
    read_only = folder.is_dir() and not os.access(folder, os.W_OK)
    if code in (_READONLY, _PERM) or (code == _CANTOPEN and read_only):
        return ReadOnlyError(
            f"The data folder {folder} is read-only: the database needs to write there (its "
            "journal lives beside it). Make it writable, or choose another with --data-dir."
        )
    if code == _CANTOPEN:
        return DatabaseError(f"Cannot open the database file {path} ({first_line(exc)}).")
    if code == _IOERR:
        return DatabaseError(f"The disk reported an error with {path} ({first_line(exc)}).")
    return None
