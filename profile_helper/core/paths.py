"""Where the person's data lives: one directory, chosen only by the entry points.

Order of precedence: an explicit ``--data-dir``, the ``PROFILE_HELPER_DATA_DIR`` environment
variable, then the platform's user data directory.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

from profile_helper.core.errors import ProfileHelperError
from profile_helper.core.files import make_private_dir, make_private_tree

ENV_DATA_DIR = "PROFILE_HELPER_DATA_DIR"
DATABASE_NAME = "profile-helper.sqlite3"


APP_FOLDER = "profile-helper"


def default_data_dir(env: Mapping[str, str] | None = None) -> Path:
    """The platform's user data directory for the app (not created).

    On Linux it is the XDG data folder, read here directly: platformdirs would cost every start
    about 10 ms of imports for this one line. Elsewhere platformdirs knows the convention.
    """
    environ = os.environ if env is None else env
    if sys.platform.startswith("linux"):
        # As the XDG Base Directory specification says: unset or empty means ~/.local/share.
        xdg = environ.get("XDG_DATA_HOME", "").strip()
        return Path(xdg or Path.home() / ".local" / "share") / APP_FOLDER
    from platformdirs import user_data_path  # noqa: PLC0415 - start-up: only off Linux

    return user_data_path(APP_FOLDER, appauthor=False, roaming=True)


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
