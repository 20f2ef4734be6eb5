"""SQLCipher behind the stdlib ``sqlite3`` interface: availability, keyed connections, headers.

``sqlcipher3`` is imported only here and only when a keyed database is opened. Its exceptions are
its own classes, not ``sqlite3``'s, so the connections made here translate them: code anywhere in
the app can keep writing ``except sqlite3.IntegrityError`` whichever library opened the file.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path
from sqlite3.dump import _iterdump  # type: ignore[attr-defined]
from types import ModuleType
from typing import Any, TypeVar, cast

from profile_helper.core.errors import DatabaseError
from profile_helper.core.storage.errors import environment_error, first_line, is_not_a_database
from profile_helper.core.storage.keys import DatabaseKey

SQLITE_HEADER = b"SQLite format 3\x00"
_ERROR_NAMES = (
    "IntegrityError",
    "OperationalError",
    "ProgrammingError",
    "DataError",
    "NotSupportedError",
    "InternalError",
    "InterfaceError",
    "DatabaseError",
    "Error",
)
T = TypeVar("T")


@functools.cache
def module() -> ModuleType | None:
    """The ``sqlcipher3`` DB-API module, or None where its wheel is not installed."""
    try:
        from sqlcipher3 import dbapi2  # noqa: PLC0415 - a native library, loaded when first needed
    except ImportError:
        return None
    return cast(ModuleType, dbapi2)


def available() -> bool:
    return module() is not None


@functools.cache
def version() -> str | None:
    """SQLCipher's version string (e.g. ``4.6.1 community``), or None without the wheel."""
    dbapi2 = module()
    if dbapi2 is None:
        return None
    conn = dbapi2.connect(":memory:")
    try:
        row = conn.execute("PRAGMA cipher_version").fetchone()
    finally:
        conn.close()
    return str(row[0]) if row else None


def is_plain_sqlite(path: Path) -> bool:
    """Whether ``path`` starts with SQLite's clear-text header (SQLCipher files look random)."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _translate(exc: Exception) -> Exception:
    """The stdlib ``sqlite3`` exception of the same kind, carrying the same message and codes."""
    dbapi2 = module()
    assert dbapi2 is not None
    for name in _ERROR_NAMES:
        if isinstance(exc, getattr(dbapi2, name)):
            translated = getattr(sqlite3, name)(str(exc))
            for attr in ("sqlite_errorcode", "sqlite_errorname"):
                if hasattr(exc, attr):
                    setattr(translated, attr, getattr(exc, attr))
            return cast(Exception, translated)
    return exc


def _call(fn: Callable[..., T], *args: Any) -> T:
    dbapi2 = module()
    assert dbapi2 is not None
    try:
        return fn(*args)
    except dbapi2.Error as exc:
        raise _translate(exc) from exc


def _cursor_class(dbapi2: ModuleType) -> type[sqlite3.Cursor]:
    """A ``sqlcipher3`` cursor that raises ``sqlite3``'s exceptions."""
    base = cast("type[sqlite3.Cursor]", dbapi2.Cursor)
    next_row = base.__next__
    error: type[Exception] = dbapi2.Error

    class Cursor(base):  # type: ignore[misc,valid-type]
        def execute(self, *args: Any) -> Any:
            return _call(super().execute, *args)

        def executemany(self, *args: Any) -> Any:
            return _call(super().executemany, *args)

        def executescript(self, *args: Any) -> Any:
            return _call(super().executescript, *args)

        def fetchone(self) -> Any:
            return _call(super().fetchone)

        def fetchmany(self, *args: Any) -> Any:
            return _call(super().fetchmany, *args)

        def fetchall(self) -> Any:
            return _call(super().fetchall)

        def __next__(self) -> Any:
            # Called once a row: the base's method and the error class are bound once, here,
            # rather than looked up through _call for each row of a long result.
            try:
                return next_row(self)
            except error as exc:
                raise _translate(exc) from exc

    return Cursor


def _connection_class(
    dbapi2: ModuleType, cursor_class: type[sqlite3.Cursor]
) -> type[sqlite3.Connection]:
    """A ``sqlcipher3`` connection whose cursors and commits raise ``sqlite3``'s exceptions."""
    base = cast("type[sqlite3.Connection]", dbapi2.Connection)

    class Connection(base):  # type: ignore[misc,valid-type]
        def cursor(self, factory: type = cursor_class) -> Any:
            return super().cursor(factory)

        def execute(self, sql: str, parameters: Iterable[Any] = ()) -> Any:
            return self.cursor().execute(sql, parameters)

        def executemany(self, sql: str, parameters: Iterable[Any]) -> Any:
            return self.cursor().executemany(sql, parameters)

        def executescript(self, script: str) -> Any:
            return self.cursor().executescript(script)

        def commit(self) -> None:
            _call(super().commit)

        def iterdump(self) -> Any:
            # sqlcipher3 lacks it; the stdlib's own dump only needs a DB-API connection.
            return _iterdump(self)

        def __exit__(self, *exc_info: Any) -> Any:
            return _call(super().__exit__, *exc_info)

    return Connection


@functools.cache
def _connection_factory() -> type[sqlite3.Connection]:
    """The connection class of keyed connections (built once, when SQLCipher is first used)."""
    dbapi2 = module()
    assert dbapi2 is not None
    return _connection_class(dbapi2, _cursor_class(dbapi2))


def connect(path: Path | str, key: DatabaseKey, isolation_level: str | None) -> sqlite3.Connection:
    """A SQLCipher connection with ``key`` applied; the key is checked by the first real read."""
    dbapi2 = module()
    if dbapi2 is None:
        raise sqlite3.NotSupportedError("SQLCipher (the sqlcipher3 package) is not installed")
    try:
        conn = dbapi2.connect(
            str(path), factory=_connection_factory(), isolation_level=isolation_level
        )
    except dbapi2.Error as exc:
        raise _translate(exc) from exc
    # SQLCipher logs a wrong key to stderr on its own; the app reports it once, in its words.
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = {key.pragma_value()}")
    conn.row_factory = dbapi2.Row
    return cast(sqlite3.Connection, conn)


def opens_with(path: Path, key: DatabaseKey) -> bool:
    """Whether ``key`` opens the encrypted database at ``path`` (only its first page is read).

    Only a refusal of the key is ``False``: a read-only folder, a full disk or a disk error is
    raised as what it is, never reported as a wrong key.
    """
    try:
        conn = connect(path, key, isolation_level=None)
    except sqlite3.Error as exc:
        raise environment_error(exc, path) or DatabaseError(
            f"Cannot open {path}: {first_line(exc)}"
        ) from exc
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        if is_not_a_database(exc):
            return False
        raise environment_error(exc, path) or DatabaseError(
            f"Cannot read {path}: {first_line(exc)}"
        ) from exc
    finally:
        conn.close()
    return True
