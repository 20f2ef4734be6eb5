"""The database key: a random 256-bit key or a passphrase, and the recovery key that spells it.

A raw key is handed to SQLCipher as ``x'…'`` (no key derivation, so opening is fast); a
passphrase goes through SQLCipher's own PBKDF2. The recovery key is the raw key written in
base32 groups a person can copy by hand; a passphrase is its own recovery.
"""

from __future__ import annotations

import base64
import secrets
from dataclasses import dataclass
from pathlib import Path

from profile_helper.core.errors import FileReadError, InputError

KEY_BYTES = 32
RAW = "raw"
PASSPHRASE = "passphrase"
MIN_PASSPHRASE = 8


@dataclass(frozen=True)
class DatabaseKey:
    """What opens the database: exactly one of ``raw`` (32 bytes) or ``passphrase``."""

    raw: bytes | None = None
    passphrase: str | None = None

    def __post_init__(self) -> None:
        if (self.raw is None) == (self.passphrase is None):
            raise ValueError("a DatabaseKey is either raw bytes or a passphrase")
        if self.raw is not None and len(self.raw) != KEY_BYTES:
            raise ValueError("a raw database key is 32 bytes")

    def __repr__(self) -> str:
        # Never let a key reach a log or a traceback.
        return f"DatabaseKey({self.kind})"

    @property
    def kind(self) -> str:
        return RAW if self.raw is not None else PASSPHRASE

    @classmethod
    def generate(cls) -> DatabaseKey:
        return cls(raw=secrets.token_bytes(KEY_BYTES))

    def key_text(self) -> str:
        """The key as SQLCipher reads it: ``x'…'`` for a raw key, else the passphrase."""
        if self.raw is not None:
            return f"x'{self.raw.hex()}'"
        assert self.passphrase is not None
        return self.passphrase

    def pragma_value(self) -> str:
        """The argument of ``PRAGMA key``, quoted as an SQL string."""
        return "'" + self.key_text().replace("'", "''") + "'"

    def serialize(self) -> str:
        """The form kept in the keychain."""
        if self.raw is not None:
            return f"{RAW}:{self.raw.hex()}"
        return f"{PASSPHRASE}:{self.passphrase}"

    @classmethod
    def deserialize(cls, text: str) -> DatabaseKey:
        kind, _, value = text.partition(":")
        if kind == RAW:
            return cls(raw=bytes.fromhex(value))
        if kind == PASSPHRASE:
            return cls(passphrase=value)
        raise ValueError("not a stored database key")

    def recovery_key(self) -> str:
        """The raw key as 13 groups of four base32 characters (a passphrase has none)."""
        if self.raw is None:
            raise InputError(
                "This database is protected by a passphrase; the passphrase is its recovery key."
            )
        text = base64.b32encode(self.raw).decode("ascii").rstrip("=")
        return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> DatabaseKey:
    """Read a recovery key as written by :meth:`DatabaseKey.recovery_key` (spaces, case free)."""
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
