"""Where the person's data lives: one directory, chosen only by the entry points.

Order of precedence: an explicit ``--data-dir``, the ``PROFILE_HELPER_DATA_DIR`` environment
variable, then the platform's user data directory.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from platformdirs import user_data_path

from profile_helper.core.errors import ProfileHelperError
from profile_helper.core.files import make_private_dir, make_private_tree

ENV_DATA_DIR = "PROFILE_HELPER_DATA_DIR"
DATABASE_NAME = "profile-helper.sqlite3"


def default_data_dir() -> Path:
    """The platform's user data directory for the app (not created)."""
    return user_data_path("profile-helper", appauthor=False, roaming=True)


def resolve_data_dir(explicit: Path | None = None, env: Mapping[str, str] | None = None) -> Path:
    """Choose the data directory and make sure it exists."""
    environ = os.environ if env is None else env
    if explicit is not None:
        chosen = explicit
    elif environ.get(ENV_DATA_DIR):
        chosen = Path(environ[ENV_DATA_DIR])
    else:
        chosen = default_data_dir()
    chosen = chosen.expanduser()
    try:
        make_private_dir(chosen)
    except FileExistsError:
        raise ProfileHelperError(
            f"Cannot use {chosen} as the data directory: it is a file, not a folder."
        ) from None
    except OSError as exc:
        raise ProfileHelperError(
            f"Cannot use {chosen} as the data directory: {exc.strerror}"
        ) from exc
    if not chosen.is_dir():
        raise ProfileHelperError(f"{chosen} is not a directory")
    chosen = chosen.resolve()
    # Files an older version (or a copy) left readable by others become the person's only.
    make_private_tree(chosen)
    return chosen


def database_path(data_dir: Path) -> Path:
    """The database file inside a data directory."""
    return data_dir / DATABASE_NAME


def logs_dir(data_dir: Path) -> Path:
    return data_dir / "logs"


def backups_dir(data_dir: Path) -> Path:
    return data_dir / "backups"


def user_templates_dir(data_dir: Path) -> Path:
    return data_dir / "templates"
