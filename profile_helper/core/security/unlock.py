"""Find the key of the app's database: unlocking, which :mod:`..app_database` does first.

Where the key comes from, in order: a passphrase the person gave (``--passphrase-file``), the
OS keychain, then the person, asked through ``prompt`` (a dialog in the GUI, the terminal in the
CLI). A new database gets a random key kept in the keychain, or a passphrase where no keychain
is usable; an existing plain database is converted first. Without the SQLCipher wheel the app
runs on plain SQLite and says so. Whether a key opens the file is asked of storage; unlocking
never opens the database itself.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from profile_helper.core.errors import InputError
from profile_helper.core.paths import database_path
from profile_helper.core.security import keychain
from profile_helper.core.security.errors import KeyMissingError
from profile_helper.core.security.keys import check_new_passphrase, parse_recovery_key
from profile_helper.core.security.modes import MODE_KEYCHAIN, MODE_PASSPHRASE, MODE_PLAIN, describe
from profile_helper.core.security.state import (
    STATE_NAME,
    SecurityState,
    read_state,
    write_state,
)
from profile_helper.core.storage import cipher, convert
from profile_helper.core.storage.errors import DatabaseMissingError, WrongKeyError
from profile_helper.core.storage.folder_lock import folder_lock
from profile_helper.core.storage.keys import PASSPHRASE, RAW, DatabaseKey

log = logging.getLogger(__name__)

# What a prompt is asked for: a passphrase for a new database, or whatever opens an existing one.
ASK_NEW_PASSPHRASE = "new-passphrase"
ASK_UNLOCK = "unlock"
# prompt(kind, message) -> the secret typed, or None when the person cancels.
Prompt = Callable[[str, str], str | None]
MAX_TRIES = 5


@dataclass(frozen=True)
class Unlocked:
    """How the database was opened, for the status bar, Settings and ``doctor``."""

    key: DatabaseKey | None
    mode: str
    created: bool = False
    state: SecurityState | None = None
    converted: bool = False  # an existing plain database was encrypted just now

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    def describe(self) -> str:
        return describe(self.mode)


def key_candidates(secret: str, state: SecurityState | None) -> list[DatabaseKey]:
    """The keys a typed secret may be: a recovery key, a passphrase, or either."""
    kind = state.key_kind if state else None
    keys: list[DatabaseKey] = []
    if kind in (RAW, None):
        with contextlib.suppress(InputError):
            keys.append(parse_recovery_key(secret))
    if kind in (PASSPHRASE, None):
        keys.append(DatabaseKey(passphrase=secret))
    return keys


def remember_key(data_dir: Path, state: SecurityState | None, key: DatabaseKey) -> SecurityState:
    """Keep a key that was typed in this computer's keychain, when it has a usable one."""
    # Under the folder's lock, as every keychain write: two copies unlocking at once with the
    # recovery key must not each name a keychain entry of their own.
    with folder_lock(data_dir):
        state = read_state(data_dir) or state
        current = state or SecurityState.new(key.kind)
        if state is None:
            write_state(data_dir, current)  # the entry's name first, as for a new key
        if keychain.probe().usable:
            try:
                keychain.store_key(current.key_id, key)
            except keychain.KeychainError as exc:
                log.warning("could not keep the database key in the keychain: %s", exc)
    return current


def _unlock_typed(
    data_dir: Path, path: Path, secret: str, state: SecurityState | None
) -> Unlocked | None:
    """Open with a typed recovery key or passphrase and keep it; None when it does not open."""
    for key in key_candidates(secret, state):
        if cipher.opens_with(path, key):
            kept = remember_key(data_dir, state, key)
            mode = MODE_KEYCHAIN if keychain.load_key(kept.key_id) else MODE_PASSPHRASE
            return Unlocked(key, mode, state=kept)
    return None


def unlock_with_secret(data_dir: Path, secret: str) -> Unlocked:
    """Check a recovery key or passphrase against the database and keep it in the keychain."""
    path = database_path(data_dir)
    if not cipher.available():
        raise KeyMissingError("SQLCipher (the sqlcipher3 package) is not installed here.")
    if not path.exists() or cipher.is_plain_sqlite(path):
        raise InputError(f"There is no encrypted database at {path} to unlock.")
    unlocked = _unlock_typed(data_dir, path, secret, read_state(data_dir))
    if unlocked is not None:
        return unlocked
    raise WrongKeyError(f"That does not open the database at {path}. Nothing was changed.")


def _new_passphrase_key(data_dir: Path, passphrase: str) -> Unlocked:
    """A new database protected by ``passphrase``, which the person chose."""
    key = DatabaseKey(passphrase=passphrase)  # a passphrase no key can be made of fails here
    state = SecurityState.new(PASSPHRASE)
    write_state(data_dir, state)
    return Unlocked(key, MODE_PASSPHRASE, True, state)


def _new_keychain_key(data_dir: Path, state: SecurityState | None) -> Unlocked:
    """A new random key, kept in the (usable) keychain."""
    # An interrupted conversion left its key in the keychain: use it again.
    if state is not None and state.key_kind == RAW:
        kept = keychain.load_key(state.key_id)
        if kept is not None:
            return Unlocked(kept, MODE_KEYCHAIN, True, state)
    # The caller holds the folder's lock: no other process makes a key for this folder now.
    # security.json names the entry before the entry exists, so that a process killed in
    # between leaves a name without a key (made again next time), never a key nobody names.
    if state is None or state.key_kind != RAW or state.database_created:
        state = SecurityState.new(RAW)
        write_state(data_dir, state)
    key = DatabaseKey.generate()
    try:
        keychain.store_key(state.key_id, key)
    except keychain.KeychainError as exc:
        raise KeyMissingError(f"The keychain would not keep the database key: {exc}") from exc
    return Unlocked(key, MODE_KEYCHAIN, True, state)


def _ask_new_passphrase(prompt: Prompt) -> str:
    """Ask until the person chooses a passphrase good enough for a new database."""
    message = "This computer has no usable keychain. Choose a passphrase to encrypt your data."
    while True:
        typed = prompt(ASK_NEW_PASSPHRASE, message)
        if typed is None:
            raise KeyMissingError("No passphrase was chosen, so the database was not opened.")
        problem = check_new_passphrase(typed)
        if not problem:
            return typed
        message = problem


def _new_key(data_dir: Path, passphrase: str | None, prompt: Prompt | None) -> Unlocked:
    """Set up the key of a database about to be created or encrypted."""
    if passphrase is not None:
        problem = check_new_passphrase(passphrase)
        if problem:
            raise InputError(f"That passphrase is too weak for a new database: {problem}")
        return _new_passphrase_key(data_dir, passphrase)
    status = keychain.probe()
    if status.usable:
        return _new_keychain_key(data_dir, read_state(data_dir))
    if prompt is None:
        raise KeyMissingError(
            f"No usable keychain on this computer ({status.detail}). Choose a passphrase of at "
            "least 8 characters and give it with --passphrase-file F."
        )
    return _new_passphrase_key(data_dir, _ask_new_passphrase(prompt))


def _existing_key(
    data_dir: Path, path: Path, passphrase: str | None, prompt: Prompt | None
) -> Unlocked:
    """Find the key of an existing encrypted database."""
    state = read_state(data_dir)
    if passphrase is not None:
        for key in key_candidates(passphrase, state):
            if cipher.opens_with(path, key):
                return Unlocked(key, MODE_PASSPHRASE, state=state)
        raise WrongKeyError(
            f"The passphrase given does not open the database at {path}. Nothing was changed."
        )
    kept, message = _keychain_key(state)
    if kept is not None:
        if cipher.opens_with(path, kept):
            return Unlocked(kept, MODE_KEYCHAIN, state=state)
        message = "The key in this computer's keychain does not open this database."
    if prompt is None:
        how = (
            "--passphrase-file F"
            if state and state.key_kind == PASSPHRASE
            else "'profile-helper security unlock --recovery-key-file F' (or --passphrase-file F)"
        )
        raise KeyMissingError(f"{message} Unlock it with {how}. Nothing was changed.")
    message += " Enter your recovery key or passphrase."
    for _ in range(MAX_TRIES):
        typed = prompt(ASK_UNLOCK, message)
        if typed is None:
            raise KeyMissingError("The database was not unlocked, so nothing was opened.")
        unlocked = _unlock_typed(data_dir, path, typed, state)
        if unlocked is not None:
            return unlocked
        message = "That recovery key or passphrase does not open this database. Try again."
    raise WrongKeyError("Too many wrong tries; the database was not opened. Nothing was changed.")


def _keychain_key(state: SecurityState | None) -> tuple[DatabaseKey | None, str]:
    """The key this computer's keychain keeps for the database, or why there is none."""
    try:
        kept = keychain.load_key_checked(state.key_id) if state else None
    except keychain.DamagedKeyError as exc:
        return None, f"The database key kept in this computer's keychain is damaged ({exc})."
    if kept is None:
        return None, "This database's key is not in this computer's keychain."
    return kept, ""


def _refuse_if_missing(data_dir: Path, path: Path) -> None:
    """A database this folder had, now gone, is said so: never silently replaced by a new one."""
    state = read_state(data_dir)
    if state is not None and state.database_created and not path.exists():
        raise DatabaseMissingError(
            f"The database file {path} is missing, though this data folder had one "
            f"({STATE_NAME} says so). Put the file back, or restore a backup: 'profile-helper "
            "backup list', then 'profile-helper backup restore NAME'. To start afresh instead, "
            f"move {STATE_NAME} out of the folder. Nothing was changed."
        )


def unlock_file(
    data_dir: Path, path: Path, passphrase: str | None = None, prompt: Prompt | None = None
) -> DatabaseKey | None:
    """The key (of this data folder's database) that opens ``path``, a backup of it.

    For a restore, which must work when the database itself is damaged or gone: the keychain,
    passphrase or person is asked as for the database, and the backup answers whether it opens.
    ``None`` for a plain (unencrypted) backup.
    """
    if not cipher.available() or cipher.is_plain_sqlite(path):
        return None
    return _existing_key(data_dir, path, passphrase, prompt).key


def unlock(data_dir: Path, passphrase: str | None = None, prompt: Prompt | None = None) -> Unlocked:
    """Work out the key for the data directory's database (converting a plain one)."""
    path = database_path(data_dir)
    _refuse_if_missing(data_dir, path)
    exists = path.exists() and path.stat().st_size > 0
    if not cipher.available():
        if exists and not cipher.is_plain_sqlite(path):
            raise KeyMissingError(
                f"The database at {path} is encrypted, but SQLCipher (the sqlcipher3 package) "
                "is not installed here. Install it to open the database."
            )
        return Unlocked(None, MODE_PLAIN)
    if exists and not cipher.is_plain_sqlite(path):
        return _existing_key(data_dir, path, passphrase, prompt)
    unlocked = _new_key(data_dir, passphrase, prompt)
    if exists:
        assert unlocked.key is not None
        log.info("encrypting the existing database at %s", path)
        convert.convert_database(path, unlocked.key, data_dir)
        return replace(unlocked, converted=True)
    return unlocked
