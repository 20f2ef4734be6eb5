"""Writes that survive a crash: every file the app writes is replaced whole or not at all.

The new content goes to a temporary file beside the target, is synced to disk, and is renamed
over the target in one atomic step, after which the folder is synced too. A crash (or an error)
at any point leaves either the old file or the new one, never half of either, and an error
leaves no temporary file behind. Everything that writes a file goes through here.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

# Only the owner may read or write: every file the app writes holds the person's data.
PRIVATE_MODE = 0o600
DEFAULT_MODE = PRIVATE_MODE
# Only the owner may list or enter: the data folder and every folder in it.
PRIVATE_DIR_MODE = 0o700
# What the entry points set, so that files made by others on our behalf (SQLite's database,
# WAL and SHM, the log handler) are private too.
PRIVATE_UMASK = 0o077
_OWNER_BITS = 0o700


def make_private_dir(directory: Path) -> None:
    """Create ``directory`` (and its parents) if needed; make it the owner's only (on POSIX)."""
    directory.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    if os.name == "posix":
        mode = directory.stat().st_mode & 0o777
        if mode & ~_OWNER_BITS:
            # Only others' access is taken away: a folder the person made read-only stays so.
            directory.chmod(mode & _OWNER_BITS)


def make_private_tree(root: Path) -> list[Path]:
    """Make ``root`` and everything in it the owner's only (folders 0700, files 0600 at most).

    Only the group's and others' access is taken away: what the owner may do is left as it
    is, so a folder the person made read-only (0500) stays read-only and is said to be.

    For a data folder written by an older version, or copied in. Links are not followed and
    keep their modes. Returns what was changed; does nothing where modes do not exist (Windows).
    """
    changed: list[Path] = []
    if os.name != "posix":
        return changed
    for folder, dirs, files in os.walk(root, followlinks=False):
        for name in ["", *files]:
            path = Path(folder, name) if name else Path(folder)
            try:
                info = path.lstat()
                if stat.S_ISLNK(info.st_mode) or not info.st_mode & ~_OWNER_BITS & 0o777:
                    continue
                if stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode):
                    path.chmod(info.st_mode & _OWNER_BITS)
                    changed.append(path)
            except OSError:
                continue  # gone meanwhile, or not ours: the open that needs it will say so
        dirs[:] = [d for d in dirs if not Path(folder, d).is_symlink()]
    return changed


# A temporary file no longer written for this long is a leftover of a killed writer, not the
# work of another running copy of the app (whose writes keep touching it).
LEFTOVER_AGE_SECONDS = 600
_TEMP_NAME = re.compile(r"^\..+\.[0-9a-f]{8}\.tmp$")


def remove_leftovers(directory: Path, *, min_age: float = LEFTOVER_AGE_SECONDS) -> list[Path]:
    """Remove the partial files a killed writer left in ``directory``; returns them.

    Only our own temporary files (see :func:`_new_temp`) untouched for ``min_age`` seconds.
    """
    removed: list[Path] = []
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        if not _TEMP_NAME.match(entry.name):
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            if now - entry.stat(follow_symlinks=False).st_mtime < min_age:
                continue
            Path(entry.path).unlink()
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed


def partial_files(directory: Path) -> list[Path]:
    """Our temporary files in ``directory``, of any age: a write in progress, or a leftover."""
    try:
        return sorted(
            Path(e.path)
            for e in os.scandir(directory)
            if _TEMP_NAME.match(e.name) and e.is_file(follow_symlinks=False)
        )
    except OSError:
        return []


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
        temp = target.with_name(f".{target.name}.{os.urandom(4).hex()}.tmp")
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
