"""Keys no database opens with are clear errors (exit 1), never a crash (exit 70)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from profile_helper.core.security.keychain import SERVICE, entry_name
from profile_helper.core.security.state import read_state
from profile_helper.core.storage import cipher
from tests.cli.test_cli_frame import run_cli

needs_cipher = pytest.mark.skipif(not cipher.available(), reason="SQLCipher is not installed")


@needs_cipher
def test_a_passphrase_with_a_nul_is_a_clear_error(tmp_path: Path) -> None:
    secret = tmp_path / "passphrase.txt"
    secret.write_bytes(b"correct\x00horse battery\n")
    data_dir = tmp_path / "data"
    result = run_cli("--passphrase-file", str(secret), "contacts", "list", data_dir=data_dir)
    assert result.returncode == 1, result.stderr
    assert "NUL character" in result.stderr
    assert "unexpected" not in result.stderr
    # Refused before anything was set up: the next start is a clean first start.
    assert not (data_dir / "security.json").exists()

    good = tmp_path / "good.txt"
    good.write_text("correct horse battery\n", encoding="utf-8")
    assert (
        run_cli("--passphrase-file", str(good), "contacts", "list", data_dir=data_dir).returncode
        == 0
    )
    opened = run_cli("--passphrase-file", str(secret), "contacts", "list", data_dir=data_dir)
    assert opened.returncode == 1
    assert "NUL character" in opened.stderr


@needs_cipher
@pytest.mark.parametrize("stored", ["passphrase:", "raw:zz", "passphrase:a\x00b", "nonsense"])
def test_a_damaged_keychain_entry_is_a_clear_error(tmp_path: Path, stored: str) -> None:
    data_dir = tmp_path / "data"
    assert run_cli("contacts", "list", data_dir=data_dir).returncode == 0
    state = read_state(data_dir)
    assert state is not None
    keyring_file = Path(os.environ["PROFILE_HELPER_TEST_KEYRING"])
    entries = json.loads(keyring_file.read_text(encoding="utf-8"))
    entries[f"{SERVICE}\x00{entry_name(state.key_id)}"] = stored
    keyring_file.write_text(json.dumps(entries), encoding="utf-8")

    result = run_cli("contacts", "list", data_dir=data_dir)
    assert result.returncode == 1, result.stderr
    assert "keychain is damaged" in result.stderr
    assert "--recovery-key-file" in result.stderr
    assert "unexpected" not in result.stderr
