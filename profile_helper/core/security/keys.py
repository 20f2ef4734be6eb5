"""The recovery key that spells a raw database key, and the rules for a new passphrase.

The recovery key is the raw key written in base32 groups a person can copy by hand; a
passphrase is its own recovery. The key itself is storage's :class:`DatabaseKey`.
"""

from __future__ import annotations

import base64
from pathlib import Path

from profile_helper.core.errors import FileReadError, InputError
from profile_helper.core.storage.keys import KEY_BYTES, DatabaseKey

MIN_PASSPHRASE = 8


def recovery_key(key: DatabaseKey) -> str:
    """The raw key as 13 groups of four base32 characters (a passphrase has none)."""
    if key.raw is None:
        raise InputError(
            "This database is protected by a passphrase; the passphrase is its recovery key."
        )
    text = base64.b32encode(key.raw).decode("ascii").rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> DatabaseKey:
    """Read a recovery key as written by :func:`recovery_key` (spaces and case free)."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    try:
        raw = base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    except ValueError as exc:
        raise InputError(
            "That is not a recovery key (expected groups of letters and digits)."
        ) from exc
    if len(raw) != KEY_BYTES:
        raise InputError("That recovery key is incomplete: it should have 13 groups of 4.")
    return DatabaseKey(raw=raw)


def check_new_passphrase(passphrase: str) -> str:
    """The problem with a passphrase chosen for a new database, or ``""`` when it is fine."""
    if "\x00" in passphrase:
        return "A passphrase cannot contain a NUL character (\\0)."
    if len(passphrase) < MIN_PASSPHRASE:
        return f"Use at least {MIN_PASSPHRASE} characters."
    if passphrase != passphrase.strip():
        return "Leading or trailing spaces are easy to forget; remove them."
    return ""


def read_secret_file(file: Path) -> str:
    """The first line of a passphrase or recovery-key file, without its line ending."""
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise FileReadError(f"Cannot read {file}: {exc}") from exc
    lines = text.splitlines()
    secret = lines[0] if lines else ""
    if not secret:
        raise InputError(f"{file} is empty; put the passphrase on its first line.")
    return secret
