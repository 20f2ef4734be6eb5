"""A write-ahead log that ends mid-frame: found before opening, and kept as it was.

A WAL file is a 32-byte header and then frames, each a 24-byte frame header and one page. One
whose size is not ``32 + k * (page size + 24)`` was cut short: by a crash while writing, a full
disk, or a copy of a data folder made while the app ran. SQLite drops a partial last frame when
it opens the database, by design: that frame was never part of a committed transaction, so
nothing that was saved is lost. Still, the file is evidence of what happened, and the first open
folds the log into the database and removes it; so a copy is kept first, for ``doctor`` to
report and for whoever looks into it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from profile_helper.core.files import copy_atomic

HEADER_SIZE = 32
FRAME_HEADER_SIZE = 24
_MAGICS = (0x377F0682, 0x377F0683)
KEPT_INFIX = "-wal.truncated-"


@dataclass(frozen=True)
class WalShape:
    size: int
    page_size: int
    frames: int
    extra_bytes: int
    """Bytes past the last whole frame (or the header's missing bytes): 0 when whole."""

    @property
    def truncated(self) -> bool:
        return self.extra_bytes != 0


def wal_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + "-wal")


def inspect_wal(db_path: Path) -> WalShape | None:
    """The shape of the database's WAL, or ``None`` when there is none (or it is empty)."""
    path = wal_path(db_path)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(HEADER_SIZE)
    except OSError:
        return None
    if size == 0:
        return None
    if len(header) < HEADER_SIZE:
        return WalShape(size, 0, 0, HEADER_SIZE - size)
    magic = int.from_bytes(header[0:4], "big")
    page_size = int.from_bytes(header[8:12], "big")
    if magic not in _MAGICS or page_size < 512:
        # Not a header SQLite would use: it ignores and resets such a log.
        return WalShape(size, page_size, 0, size - HEADER_SIZE)
    frame = page_size + FRAME_HEADER_SIZE
    frames, extra = divmod(size - HEADER_SIZE, frame)
    return WalShape(size, page_size, frames, extra)


def keep_truncated_wal(db_path: Path) -> Path | None:
    """Copy a WAL that ends mid-frame beside the database before it is opened; the copy."""
    shape = inspect_wal(db_path)
    if shape is None or not shape.truncated:
        return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    kept = db_path.with_name(f"{db_path.name}{KEPT_INFIX}{stamp}")
    copy_atomic(wal_path(db_path), kept)
    return kept


def kept_wals(db_path: Path) -> list[Path]:
    """The copies of truncated WALs kept so far, oldest first."""
    return sorted(db_path.parent.glob(f"{db_path.name}{KEPT_INFIX}*"))
