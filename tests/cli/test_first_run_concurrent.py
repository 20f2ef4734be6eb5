"""Many copies of the CLI started at once on a new (or plain) data folder: one sets it up.

Real processes, all launched before any is waited for: each adds a contact. Every one must
succeed, every contact must be there, and the folder must have one key: one keychain entry, one
``security.json``, the recovery key shown by exactly one process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from profile_helper.core.contacts.models import ContactDraft
from profile_helper.core.contacts.store import add_contact
from profile_helper.core.paths import database_path
from profile_helper.core.security.state import read_state
from profile_helper.core.storage import cipher
from profile_helper.core.storage.database import open_database
from tests.conftest import REPO_ROOT

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not cipher.available(), reason="SQLCipher is not installed"),
]

PASSPHRASE = "correct horse battery staple"


def _env(keyring_file: Path) -> dict[str, str]:
    # A keychain of the test's own, so that its entries can be counted.
    return {**os.environ, "PROFILE_HELPER_TEST_KEYRING": str(keyring_file)}


def _start(data_dir: Path, env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "profile_helper", "--data-dir", str(data_dir), *args],
        cwd=REPO_ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _add_many(
    data_dir: Path, env: dict[str, str], count: int, *options: str
) -> list[tuple[int, str]]:
    """Start ``count`` ``contacts add`` at once; (exit code, stderr) of each, in order."""
    processes = [
        _start(data_dir, env, *options, "contacts", "add", "--first", f"Person{i}")
        for i in range(count)
    ]
    results = []
    for process in processes:
        _out, err = process.communicate(timeout=120)
        results.append((process.returncode, err))
    return results


def _names(data_dir: Path, env: dict[str, str], *options: str) -> set[str]:
    listed = _start(data_dir, env, *options, "contacts", "list", "--format", "json")
    out, err = listed.communicate(timeout=60)
    assert listed.returncode == 0, err
    return {str(c["first_name"]) for c in json.loads(out)}


def _database_keys(keyring_file: Path) -> list[str]:
    if not keyring_file.exists():
        return []
    return [k for k in json.loads(keyring_file.read_text(encoding="utf-8")) if "database-key" in k]


@pytest.mark.parametrize("count", [2, 20])
def test_concurrent_first_runs_with_the_keychain_make_one_key(
    tmp_path: Path, data_dir: Path, count: int
) -> None:
    keyring_file = tmp_path / "keyring.json"
    env = _env(keyring_file)
    results = _add_many(data_dir, env, count)

    assert [code for code, _err in results] == [0] * count, [e for _c, e in results]
    assert _names(data_dir, env) == {f"Person{i}" for i in range(count)}
    (entry,) = _database_keys(keyring_file)
    state = read_state(data_dir)
    assert state is not None and state.database_created
    assert entry.endswith(f"database-key-{state.key_id}")
    # Only the process that made the key shows its recovery key.
    assert sum("Recovery key: " in err for _code, err in results) == 1


@pytest.mark.parametrize("count", [2, 20])
def test_concurrent_first_runs_with_a_passphrase(
    tmp_path: Path, data_dir: Path, count: int
) -> None:
    keyring_file = tmp_path / "keyring.json"
    env = _env(keyring_file)
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE, encoding="utf-8")
    options = ("--passphrase-file", str(secret))
    results = _add_many(data_dir, env, count, *options)

    assert [code for code, _err in results] == [0] * count, [e for _c, e in results]
    assert _names(data_dir, env, *options) == {f"Person{i}" for i in range(count)}
    assert _database_keys(keyring_file) == []
    assert not cipher.is_plain_sqlite(database_path(data_dir))
    # A passphrase is its own recovery: no recovery key is made or shown.
    assert not any("Recovery key" in err for _code, err in results)


# Encrypts the folder's plain database as the app does, pausing after the encrypted copy is
# written until the test says go: other commands are started meanwhile.
_PAUSED_CONVERTER = """
import sys, time
from pathlib import Path
from profile_helper.core.storage import convert
from profile_helper.core.app_database import open_app_database

data_dir, ready, go = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
real = convert.convert_database
def step(name):
    if name == "exported":
        ready.touch()
        while not go.exists():
            time.sleep(0.01)
convert.convert_database = lambda path, key, d, on_step=None: real(path, key, d, step)
open_app_database(data_dir).conn.close()
"""


def test_commands_during_a_conversion_wait_and_open_the_encrypted_database(
    tmp_path: Path, data_dir: Path
) -> None:
    keyring_file = tmp_path / "keyring.json"
    env = _env(keyring_file)
    plain = open_database(database_path(data_dir), key=None)
    add_contact(plain, ContactDraft(first_name="Before"))
    plain.commit()
    plain.close()
    ready, go = tmp_path / "ready", tmp_path / "go"
    converter = subprocess.Popen(
        [sys.executable, "-c", _PAUSED_CONVERTER, str(data_dir), str(ready), str(go)],
        cwd=REPO_ROOT,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        while not ready.exists():
            assert converter.poll() is None, converter.stderr.read() if converter.stderr else ""
            time.sleep(0.01)
        others = [
            _start(data_dir, env, "contacts", "add", "--first", f"During{i}") for i in range(4)
        ]
        # The converter holds the folder: none of the others can have finished.
        assert all(p.poll() is None for p in others)
        go.touch()
        assert converter.wait(timeout=60) == 0
        for process in others:
            _out, err = process.communicate(timeout=60)
            assert process.returncode == 0, err
    finally:
        converter.kill()
        converter.communicate()

    assert not cipher.is_plain_sqlite(database_path(data_dir))
    assert _names(data_dir, env) == {"Before", *(f"During{i}" for i in range(4))}
    assert len(_database_keys(keyring_file)) == 1
