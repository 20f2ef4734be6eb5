"""Facts about the project the build needs: paths, name, version, and the platforms it supports.

The version, name and application id are read from ``profile_helper/__init__.py`` as text, so
that the build never depends on which copy of the package happens to be importable.
"""

from __future__ import annotations

import ast
import platform
import sys
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
INSTALLER_DIR = REPO_ROOT / "installer"
BUILD_DIR = INSTALLER_DIR / "build"
DIST_DIR = INSTALLER_DIR / "dist"
ICON_DIR = BUILD_DIR / "icons"
SPEC_FILE = INSTALLER_DIR / "profile_helper.spec"
# The name of the one-folder bundle and of its command-line executable.
BUNDLE_NAME = "profile-helper"
# Windows gets a second, windowed executable for the Start menu: a console program would open a
# terminal window behind the app, a windowed one has no stdout for the command line.
WINDOWS_GUI_NAME = "ProfileHelper"
MAC_APP_NAME = "Profile Helper.app"


class UnsupportedPlatformError(RuntimeError):
    """The build cannot produce a program for the machine it runs on."""


@dataclass(frozen=True)
class Metadata:
    version: str
    app_name: str
    app_id: str


def read_metadata(package_init: Path = REPO_ROOT / "profile_helper" / "__init__.py") -> Metadata:
    """The constants assigned at the top level of the package's ``__init__.py``."""
    values: dict[str, str] = {}
    for node in ast.parse(package_init.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
            for target in node.targets:
                if isinstance(target, ast.Name) and isinstance(node.value.value, str):
                    values[target.id] = node.value.value
    missing = {"__version__", "APP_NAME", "APP_ID"} - values.keys()
    if missing:
        raise ValueError(f"{package_init} does not define {', '.join(sorted(missing))}")
    return Metadata(values["__version__"], values["APP_NAME"], values["APP_ID"])


# What each platform can build. Linux needs the x86_64 SQLCipher wheel the bundle ships.
SUPPORTED = {
    ("linux", "x86_64"),
    ("win32", "amd64"),
    ("darwin", "arm64"),
}


def check_platform(system: str | None = None, machine: str | None = None) -> str:
    """Return ``"linux"``, ``"windows"`` or ``"macos"``, or refuse with a reason."""
    system = sys.platform if system is None else system
    machine = platform.machine() if machine is None else machine
    key = (system, machine.lower())
    if key not in SUPPORTED:
        raise UnsupportedPlatformError(
            f"cannot build Profile Helper on {system} ({machine}): the installer is built on "
            "Linux x86_64, Windows x64 and macOS on Apple silicon only, where every library "
            "it bundles has a binary. Run the app from source instead: pip install ."
        )
    return {"linux": "linux", "win32": "windows", "darwin": "macos"}[system]


def executable_path(target: str) -> Path:
    """Where the built program's command-line executable is."""
    if target == "macos":
        return DIST_DIR / MAC_APP_NAME / "Contents" / "MacOS" / BUNDLE_NAME
    suffix = ".exe" if target == "windows" else ""
    return DIST_DIR / BUNDLE_NAME / f"{BUNDLE_NAME}{suffix}"
