"""The recovery key file: written once at set-up (or on request), readable by a person."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from profile_helper.core.errors import InputError
from profile_helper.core.files import PRIVATE_MODE, write_text_atomic
from profile_helper.core.security.keys import parse_recovery_key, recovery_key
from profile_helper.core.security.state import read_state, write_state
from profile_helper.core.storage.keys import DatabaseKey

# What the person is told when a recovery key is made, by the window and by the first command.
NOTICE_HEADLINE = "Your data is now encrypted."
NOTICE_BODY = (
    "The key is kept in this computer's keychain. If you move your data to another computer, "
    "or lose the keychain, this recovery key is the only way to open it. Save it somewhere "
    "safe, not beside your data."
)


def recovery_text(key: DatabaseKey) -> str:
    """The file's content: the key on the first line, then what it is for."""
    today = dt.date.today().isoformat()
    return (
        f"{recovery_key(key)}\n\n"
        f"Profile Helper recovery key, saved {today}.\n"
        "It opens your encrypted Profile Helper data on another computer, or here if the\n"
        "keychain is lost: 'profile-helper security unlock --recovery-key-file THIS_FILE'.\n"
        "Anyone who has it and a copy of your data can read that data: keep it safe, and\n"
        "not in the same place as the data folder or its backups.\n"
    )


def _holds(file: Path, key: DatabaseKey) -> bool:
    """Whether ``file`` is already this key's recovery file (saving it again is harmless)."""
    try:
        first = file.read_text(encoding="utf-8").splitlines()[:1]
        return bool(first) and parse_recovery_key(first[0]) == key
    except (OSError, UnicodeDecodeError, InputError):
        return False


def save_recovery_key(data_dir: Path, key: DatabaseKey, file: Path) -> None:
    """Write the recovery key to ``file`` (readable by its owner only) and note it was saved."""
    text = recovery_text(key)
    if file.exists() and not _holds(file, key):
        raise InputError(f"{file} already exists; choose a new file name for the recovery key.")
    try:
        # Whole or not at all: a half-written recovery key would look saved and open nothing.
        write_text_atomic(file.resolve(), text, mode=PRIVATE_MODE)
    except OSError as exc:
        raise InputError(f"Cannot write the recovery key to {file}: {exc.strerror}") from exc
    state = read_state(data_dir)
    if state is not None and not state.recovery_saved:
        write_state(data_dir, state.with_recovery_saved())
