"""Crash logs: what a bug left behind, written where the person can find and send it."""

from __future__ import annotations

import datetime as dt
import platform
import sys
import traceback
from pathlib import Path
from types import TracebackType

import profile_helper
from profile_helper.core.files import make_private_dir, write_text_atomic
from profile_helper.core.paths import logs_dir


def debug_info() -> str:
    """The facts a bug report needs, without any of the person's data."""
    lines = [
        f"Profile Helper {profile_helper.__version__}",
        f"Python {platform.python_version()} ({sys.executable})",
        f"Platform {platform.platform()}",
        f"Frozen: {bool(getattr(sys, 'frozen', False))}",
    ]
    qt = sys.modules.get("PySide6")
    if qt is not None:
        lines.append(f"PySide6 {getattr(qt, '__version__', '?')}")
    return "\n".join(lines)


def format_crash(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> str:
    stamp = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    trace = "".join(traceback.format_exception(exc_type, exc, tb))
    return f"Crash at {stamp}\n{debug_info()}\n\n{trace}"


def write_crash_log(data_dir: Path, report: str) -> Path | None:
    """Write a crash report to a new file in the logs folder; None if that is impossible."""
    directory = logs_dir(data_dir)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = directory / f"crash-{stamp}.log"
    try:
        make_private_dir(directory)
        write_text_atomic(path, report)
    except OSError:
        return None
    return path
