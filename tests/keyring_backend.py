"""A keychain for tests: secrets in one JSON file inside the test session's sandbox folder.

``tests/conftest.py`` selects it through ``PYTHON_KEYRING_BACKEND`` for the whole session, so the
CLI and GUI processes that tests start use it too and never touch the developer's own keychain.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from profile_helper.core.security import keychain

ENV_FILE = "PROFILE_HELPER_TEST_KEYRING"


class TemporaryKeyring(KeyringBackend):
    priority = 1

    def _file(self) -> Path:
        return Path(os.environ[ENV_FILE])

    def _load(self) -> dict[str, str]:
        try:
            return dict(json.loads(self._file().read_text(encoding="utf-8")))
        except FileNotFoundError:
            return {}

    def _save(self, data: dict[str, str]) -> None:
        file = self._file()
        temp = file.with_name(f"{file.name}.{os.getpid()}.tmp")
        temp.write_text(json.dumps(data), encoding="utf-8")
        temp.replace(file)

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\x00{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}\x00{username}"] = password
        self._save(data)

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        if data.pop(f"{service}\x00{username}", None) is None:
            raise PasswordDeleteError("no such secret")
        self._save(data)


def forget_database_key(key_id: str) -> None:
    """Remove a database key from the keychain in use, as on a computer that never had it.

    The app itself never deletes a key (one may still open a backup); tests do, to move a data
    folder to a "new computer" and to leave a real Secret Service as they found it.
    """
    with contextlib.suppress(PasswordDeleteError):
        keyring.get_keyring().delete_password(keychain.SERVICE, keychain.entry_name(key_id))
