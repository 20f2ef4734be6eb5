"""The database key: a random 256-bit key or a passphrase, as SQLCipher takes it.

A raw key is handed to SQLCipher as ``x'…'`` (no key derivation, so opening is fast); a
passphrase goes through SQLCipher's own PBKDF2. Where a key comes from (the keychain, a typed
recovery key or passphrase) is security's business; storage only uses the key it is given.
"""

from __future__ import annotations

from dataclasses import dataclass

from profile_helper.core.storage.errors import KeyFormatError

KEY_BYTES = 32
RAW = "raw"
PASSPHRASE = "passphrase"


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
        if self.passphrase == "":
            raise KeyFormatError("A passphrase cannot be empty.")
        if self.passphrase is not None and "\x00" in self.passphrase:
            # SQLite's text ends at a NUL: the passphrase would be cut there, or refused.
            raise KeyFormatError(
                "A passphrase cannot contain a NUL character (\\0); type it without one."
            )

    def __repr__(self) -> str:
        # Never let a key reach a log or a traceback.
        return f"DatabaseKey({self.kind})"

    @property
    def kind(self) -> str:
        return RAW if self.raw is not None else PASSPHRASE

    @classmethod
    def generate(cls) -> DatabaseKey:
        import secrets  # noqa: PLC0415 - start-up: secrets loads OpenSSL's hashes, only when one is made

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
        """The key as one line of text (the form the keychain keeps)."""
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
