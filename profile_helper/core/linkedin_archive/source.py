"""Opening the export however it arrives: the ZIP, its unpacked folder, or one CSV of it.

Members are found by their file name alone, in any case (``jobs/job applications.csv`` is
``Job Applications.csv``), and read as streams. A ZIP is checked before anything is read and
refused with one line when it could harm: names that climb out (``../``, absolute), more than
:data:`MAX_MEMBERS` members, a member over :data:`MAX_MEMBER_BYTES` or compressed more than
:data:`MAX_RATIO` times, or more than :data:`MAX_TOTAL_BYTES` in all. Sizes a ZIP declares can
lie, so bytes are also counted while reading and reading stops at the limit. Only regular files
are read: a FIFO, a device (``/dev/zero``) or a link leading out of the folder is refused.
"""

from __future__ import annotations

import io
import os
import stat
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from profile_helper.core.errors import FileReadError, InputError

MAX_MEMBERS = 1_000
MAX_MEMBER_BYTES = 200 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
MAX_RATIO = 100
RATIO_FROM_BYTES = 1024 * 1024
"""Smaller members are not judged by their ratio: a short repetitive file compresses well, and
what it can expand to is bounded anyway."""
BUFFER = 256 * 1024


def member_key(name: str) -> str:
    """How a member is looked up: its file name without folders, casefolded."""
    return PurePosixPath(name.replace("\\", "/")).name.casefold()


class _Counted(io.RawIOBase):
    """A member's bytes, counted as they are read: past ``limit`` reading stops with a refusal."""

    def __init__(self, raw: BinaryIO, name: str, limit: int, budget: _Budget) -> None:
        self._raw, self._name, self._limit, self._budget = raw, name, limit, budget
        self._read = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        # One byte more than allowed is asked for, so that reaching the limit is seen.
        want = min(len(buffer), self._limit - self._read + 1)
        data = self._raw.read(max(want, 1))
        count = len(data)
        self._read += count
        self._budget.spend(count)
        if self._read > self._limit:
            raise InputError(
                f"{self._name} expands to more than {self._limit // 2**20} MB; a LinkedIn "
                "export file is never that large, so it was not read."
            )
        buffer[:count] = data
        return count

    def close(self) -> None:
        self._raw.close()
        super().close()


@dataclass
class _Budget:
    """The bytes read from every member together, held to :data:`MAX_TOTAL_BYTES`."""

    spent: int = 0

    def spend(self, count: int) -> None:
        self.spent += count
        if self.spent > MAX_TOTAL_BYTES:
            raise InputError(
                f"The export expands to more than {MAX_TOTAL_BYTES // 2**30} GB; it was not read."
            )


@dataclass
class Source:
    """An opened export: its members by :func:`member_key`, each readable as a stream."""

    path: Path
    kind: str
    """``zip``, ``folder`` or ``file``."""
    members: dict[str, str] = field(default_factory=dict)
    """Key -> the member's name inside (its path in a ZIP or folder)."""
    _zip: zipfile.ZipFile | None = None
    _budget: _Budget = field(default_factory=_Budget)

    def has(self, file_name: str) -> bool:
        return member_key(file_name) in self.members

    def names(self) -> list[str]:
        return sorted(self.members.values(), key=str.casefold)

    @contextmanager
    def open(self, file_name: str) -> Iterator[io.BufferedReader[_Counted]]:
        """The member called ``file_name`` (any case, any folder) as a buffered stream."""
        name = self.members[member_key(file_name)]
        if self._zip is not None:
            raw: BinaryIO = self._zip.open(name)  # type: ignore[assignment]
        else:
            target = self.path if self.kind == "file" else self.path / name
            raw = _open_regular(target)
        stream = io.BufferedReader(_Counted(raw, name, MAX_MEMBER_BYTES, self._budget), BUFFER)
        try:
            yield stream
        finally:
            stream.close()

    def read_bytes(self, file_name: str) -> bytes:
        """A whole member (for the contacts import, which reads its file whole)."""
        with self.open(file_name) as stream:
            return stream.read()


def _open_regular(path: Path) -> BinaryIO:
    """Open a file for reading only if it is a regular file (never a FIFO or a device)."""
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer before it is refused.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise FileReadError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise FileReadError(f"{path} is not a regular file; it was not read.")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb", buffering=0)
    except BaseException:
        os.close(fd)
        raise


def _check_zip_name(name: str, label: str) -> None:
    text = name.replace("\\", "/")
    parts = text.split("/")
    if text.startswith("/") or (len(parts[0]) >= 2 and parts[0][1] == ":") or ".." in parts:
        raise InputError(
            f"{label} holds a file named {name!r}, which points outside the export; it was "
            "not read."
        )


def _check_zip(archive: zipfile.ZipFile, label: str) -> dict[str, str]:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise InputError(
            f"{label} holds {len(infos):,} files, more than a LinkedIn export's "
            f"{MAX_MEMBERS:,} at most; it was not read."
        )
    members: dict[str, str] = {}
    total = 0
    for info in infos:
        _check_zip_name(info.filename, label)
        if info.is_dir():
            continue
        if info.flag_bits & 0x1:
            raise FileReadError(
                f"{info.filename} in {label} is encrypted; export the data again from LinkedIn "
                "and choose the ZIP it gives, unchanged."
            )
        size = info.file_size
        if size > MAX_MEMBER_BYTES:
            raise InputError(
                f"{info.filename} in {label} expands to {size // 2**20} MB, more than "
                f"{MAX_MEMBER_BYTES // 2**20} MB; it was not read."
            )
        if size >= RATIO_FROM_BYTES and size > MAX_RATIO * max(info.compress_size, 1):
            raise InputError(
                f"{info.filename} in {label} is compressed more than {MAX_RATIO} times (a "
                "ZIP bomb, not a LinkedIn export); it was not read."
            )
        total += size
        if total > MAX_TOTAL_BYTES:
            raise InputError(
                f"{label} expands to more than {MAX_TOTAL_BYTES // 2**30} GB; it was not read."
            )
        # The shortest path wins when a name repeats (the export's own, not a copy in a folder).
        key = member_key(info.filename)
        if key not in members or len(info.filename) < len(members[key]):
            members[key] = info.filename
    return members


def _folder_members(root: Path) -> dict[str, str]:
    members: dict[str, str] = {}
    count = 0
    real_root = root.resolve()
    for folder, dirs, files in os.walk(root, followlinks=False):
        for entry in [*files, *dirs]:
            count += 1
            if count > MAX_MEMBERS:
                raise InputError(
                    f"{root} holds more than {MAX_MEMBERS:,} files, more than a LinkedIn "
                    "export; choose the export's own folder."
                )
            _check_folder_entry(Path(folder) / entry, real_root)
        for entry in files:
            relative = (Path(folder) / entry).relative_to(root).as_posix()
            key = member_key(relative)
            if key not in members or len(relative) < len(members[key]):
                members[key] = relative
    return members


def _check_folder_entry(path: Path, real_root: Path) -> None:
    info = path.lstat()
    if stat.S_ISLNK(info.st_mode):
        target = path.resolve()
        if not target.is_relative_to(real_root):
            raise InputError(f"{path} links outside the export folder; it was not read.")
        info = target.stat()
    if not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):
        raise InputError(f"{path} is not a regular file; the folder was not read.")
    if stat.S_ISREG(info.st_mode) and info.st_size > MAX_MEMBER_BYTES:
        raise InputError(
            f"{path} is {info.st_size // 2**20} MB, more than {MAX_MEMBER_BYTES // 2**20} MB; "
            "a LinkedIn export file is never that large."
        )


def _is_zip(path: Path) -> bool:
    if path.suffix.casefold() == ".zip":
        return True
    with _open_regular(path) as file:
        return file.read(4) == b"PK\x03\x04"


@contextmanager
def open_source(path: Path) -> Iterator[Source]:
    """The export at ``path`` (ZIP, folder or one CSV), checked; raises :class:`InputError`."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise FileReadError(f"There is no file or folder {path}.") from None
    except OSError as exc:
        raise FileReadError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    if stat.S_ISDIR(info.st_mode):
        yield Source(path, "folder", _folder_members(path))
        return
    if not stat.S_ISREG(info.st_mode):
        raise FileReadError(f"{path} is not a regular file; it was not read.")
    if not _is_zip(path):
        yield Source(path, "file", {member_key(path.name): path.name})
        return
    with _open_zip(path) as archive:
        yield Source(path, "zip", _check_zip(archive, path.name), archive)


# What zipfile raises for a broken member or one compressed in a way Python cannot read.
_BROKEN = (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, zlib.error)


@contextmanager
def _open_zip(path: Path) -> Iterator[zipfile.ZipFile]:
    file = _open_regular(path)
    try:
        try:
            archive = zipfile.ZipFile(file)
        except (*_BROKEN, ValueError):
            raise FileReadError(f"{path.name} is not a readable ZIP file.") from None
        try:
            yield archive
        except _BROKEN as exc:
            raise FileReadError(f"{path.name} is not a readable ZIP file ({exc}).") from None
        finally:
            archive.close()
    finally:
        file.close()
