"""``security.json`` beside the database: which kind of key opens it and its keychain entry.

The file holds no secret, only the key's kind and a random id naming the keychain entry, so that
a data folder copied to another computer knows to ask for the recovery key or the passphrase.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from profile_helper.core.files import write_text_atomic

STATE_NAME = "security.json"


@dataclass(frozen=True)
class SecurityState:
    key_kind: str  # keys.RAW or keys.PASSPHRASE
    key_id: str
    recovery_saved: bool = False
    database_created: bool = False
    """The database was made here: its file missing later is an error, not a first start."""

    @classmethod
    def new(cls, key_kind: str) -> SecurityState:
        import secrets  # noqa: PLC0415 - start-up: secrets loads OpenSSL's hashes, only when one is made

        return cls(key_kind=key_kind, key_id=secrets.token_hex(8))

    def with_recovery_saved(self) -> SecurityState:
        return replace(self, recovery_saved=True)


def state_path(data_dir: Path) -> Path:
    return data_dir / STATE_NAME


def read_state(data_dir: Path) -> SecurityState | None:
    try:
        data = json.loads(state_path(data_dir).read_text(encoding="utf-8"))
        return SecurityState(
            key_kind=str(data["key_kind"]),
            key_id=str(data["key_id"]),
            recovery_saved=bool(data.get("recovery_saved", False)),
            database_created=bool(data.get("database_created", False)),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_state(data_dir: Path, state: SecurityState) -> None:
    write_text_atomic(state_path(data_dir), json.dumps({"format": 1, **asdict(state)}, indent=2))
