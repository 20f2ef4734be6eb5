"""Drop debugging information from the Linux bundle's binaries that carry it.

A Python built from source (pyenv) and some wheels (SQLCipher, regex) ship with DWARF debug
sections: about 40 MB of the bundle that no user runs a debugger on. ``strip --strip-debug``
removes only those sections (symbols and dynamic linking are untouched, as in Debian's
packages). Libraries that auditwheel grafted into a wheel (``<package>.libs/``) are left alone:
patchelf rewrote their layout and strip can break it ("ELF load command address/offset not
page-aligned"). Every stripped file is then loaded once by the build's Python (extension modules
imported, libraries opened) to prove it still works.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

ELF_MAGIC = b"\x7fELF"

_LOAD_CHECK = """
import ctypes, importlib.util, sys
for name, path in zip(sys.argv[1::2], sys.argv[2::2]):
    if name == "-":
        ctypes.CDLL(path)
        continue
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
"""


def section_names(path: Path) -> set[str]:
    """The section names of a 64-bit little-endian ELF file (x86_64), or nothing for others."""
    with path.open("rb") as handle:
        header = handle.read(64)
        if len(header) < 64 or header[:4] != ELF_MAGIC or header[4:6] != b"\x02\x01":
            return set()
        (shoff,) = struct.unpack_from("<Q", header, 0x28)
        shentsize, shnum, shstrndx = struct.unpack_from("<HHH", header, 0x3A)
        if not shoff or not shnum or shstrndx >= shnum:
            return set()
        handle.seek(shoff)
        table = handle.read(shentsize * shnum)
        # The section holding the names: sh_offset at +0x18, sh_size at +0x20 of its entry.
        str_offset, str_size = struct.unpack_from("<QQ", table, shstrndx * shentsize + 0x18)
        handle.seek(str_offset)
        strings = handle.read(str_size)
    names = set()
    for index in range(shnum):
        (name_offset,) = struct.unpack_from("<I", table, index * shentsize)
        names.add(strings[name_offset : strings.find(b"\0", name_offset)].decode("latin-1"))
    return names


def has_debug_info(path: Path) -> bool:
    return ".debug_info" in section_names(path)


def extension_module_name(dest: str) -> str | None:
    """``sqlcipher3/_sqlite3.cpython-311-x86_64-linux-gnu.so`` -> ``sqlcipher3._sqlite3``."""
    parts = PurePosixPath(dest).parts
    if "lib-dynload" in parts:
        parts = parts[parts.index("lib-dynload") + 1 :]
    if not parts or (".cpython-" not in parts[-1] and ".abi3." not in parts[-1]):
        return None
    return ".".join([*parts[:-1], parts[-1].split(".", 1)[0]])


def strippable(dest: str) -> bool:
    """Whether the bundle file may be stripped (not a library auditwheel grafted)."""
    return not any(part.endswith(".libs") for part in PurePosixPath(dest).parts[:-1])


def strip_debug(
    toc: Iterable[tuple[str, str, str]], work_dir: Path
) -> tuple[list[tuple[str, str, str]], int]:
    """The TOC with each binary that has debug sections replaced by a stripped copy, and the
    bytes saved. Without a ``strip`` program the TOC is returned unchanged."""
    strip = shutil.which("strip")
    entries = list(toc)
    if strip is None or sys.platform != "linux":
        return entries, 0
    result, saved, to_check = [], 0, []
    for dest, source, kind in entries:
        src = Path(source)
        if (
            kind not in {"BINARY", "EXTENSION"}
            or not strippable(dest)
            or not src.is_file()
            or not has_debug_info(src)
        ):
            result.append((dest, source, kind))
            continue
        target = work_dir / dest
        target.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([strip, "--strip-debug", "-o", str(target), str(src)], check=True)
        saved += src.stat().st_size - target.stat().st_size
        result.append((dest, str(target), kind))
        name = extension_module_name(dest) if kind == "EXTENSION" else None
        to_check += [name or "-", str(target)]
    if to_check:
        subprocess.run([sys.executable, "-c", _LOAD_CHECK, *to_check], check=True)
    return result, saved
