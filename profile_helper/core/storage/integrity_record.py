"""Remembering which bytes of the database file passed the integrity check.

The check on open reads every page (and, encrypted, decrypts and authenticates each), which
grows with the database. After a clean check the opener records a fingerprint of the file: its
size and a CRC-32 of all its bytes. When the next open finds the same fingerprint and no
write-ahead log, the file is byte for byte what passed, so the check's answer is known without
running it; any change at all (a write, a damaged sector, a restore, a copy from elsewhere)
changes the fingerprint, and the full check runs again.
"""

from __future__ import annotations

import json
import logging
import zlib
from pathlib import Path

from profile_helper.core.files import write_text_atomic

log = logging.getLogger(__name__)

_CHUNK = 1 << 20
STAMP_SUFFIX = ".checked.json"


def stamp_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + STAMP_SUFFIX)


def fingerprint(db_path: Path) -> str | None:
    """``size:crc32`` of the database file, or None when its state is not the file alone.

    A write-ahead log with frames in it (a crash, or another process using the database) holds
    part of the database, so such a state is never taken as checked.
    """
    wal = db_path.with_name(db_path.name + "-wal")
    try:
        if wal.exists() and wal.stat().st_size > 0:
            return None
        crc = 0
        size = 0
        with db_path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                crc = zlib.crc32(chunk, crc)
                size += len(chunk)
    except OSError:
        return None
    return f"{size}:{crc:08x}"


def was_checked(db_path: Path, current: str | None) -> bool:
    """Whether ``current`` is the fingerprint recorded after the last clean check."""
    if current is None:
        return False
    try:
        stored = json.loads(stamp_path(db_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(stored, dict) and stored.get("fingerprint") == current


def record_checked(db_path: Path, checked: str | None) -> None:
    """Record a clean check of the file read as ``checked`` (best effort).

    Nothing is recorded when the file changed while it was being checked (another process
    writing, say): the record must vouch only for the bytes the check read.
    """
    if checked is None or fingerprint(db_path) != checked:
        return
    target = stamp_path(db_path)
    try:
        write_text_atomic(target, json.dumps({"fingerprint": checked}))
    except OSError as exc:
        # Without the record the next open simply runs the full check again.
        log.warning("cannot record the integrity check in %s: %s", target, exc)


def forget_checked(db_path: Path) -> None:
    """Drop the record, so that the next open runs the full check."""
    try:
        stamp_path(db_path).unlink(missing_ok=True)
    except OSError as exc:
        log.warning("cannot remove %s: %s", stamp_path(db_path), exc)
