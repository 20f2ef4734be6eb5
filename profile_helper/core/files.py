"""Writes that survive a crash: every file the app writes is replaced whole or not at all.

The new content goes to a temporary file beside the target, is synced to disk, and is renamed
over the target in one atomic step, after which the folder is synced too. A crash (or an error)
at any point leaves either the old file or the new one, never half of either, and an error
leaves no temporary file behind. Everything that writes a file goes through here.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

# Read and write for everyone, less the umask: what ``open(path, "w")`` would create.
DEFAULT_MODE = 0o666
# Only the owner may read or write (a recovery key).
PRIVATE_MODE = 0o600


def fsync_file(path: Path) -> None:
    """Flush ``path``'s content to the disk (whoever wrote it)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(directory: Path) -> None:
    """Make a rename or a new file in ``directory`` durable (a no-op where folders cannot sync)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def replace(source: Path, target: Path) -> None:
    """Atomically put ``source`` (already synced) in place of ``target``, durably."""
    source.replace(target)
    fsync_dir(target.parent)


def _new_temp(target: Path, mode: int) -> Path:
    """Create an empty temporary file beside ``target``, with a name no other writer uses."""
    while True:
        temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        except FileExistsError:
            continue
        os.close(fd)
        return temp


@contextmanager
def atomic_path(target: Path, *, mode: int = DEFAULT_MODE) -> Iterator[Path]:
    """A new, empty temporary file that takes the place of ``target`` when the block succeeds.

    The block writes the file by its path (SQLite's ``VACUUM INTO``, a copy); when it ends
    normally the file is synced and renamed over ``target``, durably. When it raises, the
    temporary file is removed and ``target`` is untouched.
    """
    temp = _new_temp(target, mode)
    try:
        yield temp
        fsync_file(temp)
        replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


@contextmanager
def atomic_writer(target: Path, *, mode: int = DEFAULT_MODE) -> Iterator[BinaryIO]:
    """A binary file to stream into; it replaces ``target`` whole when the block succeeds."""
    with atomic_path(target, mode=mode) as temp, temp.open("wb") as handle:
        yield handle


def write_bytes_atomic(target: Path, data: bytes, *, mode: int = DEFAULT_MODE) -> None:
    """Write ``target`` so that a crash leaves either the old or the new content, never half."""
    with atomic_writer(target, mode=mode) as handle:
        handle.write(data)


def write_text_atomic(target: Path, text: str, *, mode: int = DEFAULT_MODE) -> None:
    """Write ``text`` as UTF-8 (line endings as the platform writes text), atomically."""
    with atomic_path(target, mode=mode) as temp, temp.open("w", encoding="utf-8") as handle:
        handle.write(text)


def copy_atomic(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target``, which is replaced whole or not at all."""
    with atomic_writer(target) as out, source.open("rb") as handle:
        shutil.copyfileobj(handle, out)
