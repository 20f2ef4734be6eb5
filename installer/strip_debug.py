"""Drop debugging information from the Linux bundle's binaries that carry it.

A Python built from source (pyenv) and some wheels (SQLCipher, regex) ship with DWARF debug
sections: about 40 MB of the bundle that no user runs a debugger on. ``strip --strip-debug``
removes only those sections (symbols and dynamic linking are untouched, as in Debian's
packages), and every stripped extension module is then loaded once by the build's Python to
prove it still works.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

ELF_MAGIC = b"\x7fELF"

_LOAD_CHECK = """
import importlib.util, sys
for name, path in zip(sys.argv[1::2], sys.argv[2::2]):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
"""


def has_debug_info(path: Path) -> bool:
    with path.open("rb") as handle:
        if handle.read(4) != ELF_MAGIC:
            return False
        # The section names live in a string table; a DWARF section is named .debug_info.
        return b".debug_info" in path.read_bytes()


def extension_module_name(dest: str) -> str | None:
    """``sqlcipher3/_sqlite3.cpython-311-x86_64-linux-gnu.so`` -> ``sqlcipher3._sqlite3``."""
    parts = PurePosixPath(dest).parts
    if "lib-dynload" in parts:
        parts = parts[parts.index("lib-dynload") + 1 :]
    if not parts or (".cpython-" not in parts[-1] and ".abi3." not in parts[-1]):
        return None
    return ".".join([*parts[:-1], parts[-1].split(".", 1)[0]])


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
        if kind not in {"BINARY", "EXTENSION"} or not src.is_file() or not has_debug_info(src):
            result.append((dest, source, kind))
            continue
        target = work_dir / dest
        target.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([strip, "--strip-debug", "-o", str(target), str(src)], check=True)
        saved += src.stat().st_size - target.stat().st_size
        result.append((dest, str(target), kind))
        name = extension_module_name(dest)
        if kind == "EXTENSION" and name:
            to_check += [name, str(target)]
    if to_check:
        subprocess.run([sys.executable, "-c", _LOAD_CHECK, *to_check], check=True)
    return result, saved
