"""The one resolver for files under ``resources/``.

It works from a source checkout or an installed wheel (``profile_helper/resources``) and from a
frozen build (``resources/`` in the executable's bundle). Callers pass relative names; absolute
paths and ``..`` are refused so that a name coming from data can never escape the folder.
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Any

import profile_helper


class ResourceError(LookupError):
    """A resource name is malformed or names no file."""


def _candidates() -> list[Path]:
    package_dir = Path(profile_helper.__file__).resolve().parent
    found = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        found.append(Path(frozen_root) / "resources")
    found.append(package_dir / "resources")  # source checkout or installed wheel
    return found


@cache
def resources_root() -> Path:
    """The folder that holds the resources in whichever mode the app runs."""
    for candidate in _candidates():
        if (candidate / "limits.json").is_file():
            return candidate
    raise ResourceError("The app's resources folder is missing; reinstall Profile Helper.")


def resource_path(name: str) -> Path:
    """Resolve a relative resource name such as ``"templates/rewrites"`` to a path."""
    pure = PurePosixPath(name.replace("\\", "/"))
    if not name or pure.is_absolute() or ".." in pure.parts or ":" in name:
        raise ResourceError(f"Not a resource name: {name!r}")
    path = resources_root().joinpath(*pure.parts)
    if not path.exists():
        raise ResourceError(f"Missing resource: {name}")
    return path


def read_text(name: str) -> str:
    return resource_path(name).read_text(encoding="utf-8")


def read_json(name: str) -> object:
    return json.loads(read_text(name))


@cache
def limits() -> dict[str, Any]:
    """LinkedIn's limits (``limits.json``), read once: every audit and rendering asks for them."""
    data = read_json("limits.json")
    assert isinstance(data, dict)
    return data
