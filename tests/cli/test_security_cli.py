"""``security export-recovery-key`` and ``security unlock``: moving data to a new computer."""

import json
import os
from pathlib import Path

import pytest

from profile_helper.core.storage import cipher
from tests.cli.test_doctor import NO_KEYCHAIN, cli

pytestmark = pytest.mark.skipif(not cipher.available(), reason="SQLCipher is not installed")


def test_recovery_key_unlocks_the_data_on_a_new_computer(data_dir: Path, tmp_path: Path) -> None:
    key_file = tmp_path / "recovery.txt"
    exported = cli(data_dir, "security", "export-recovery-key", str(key_file))
    assert exported.returncode == 0, exported.stderr
    assert key_file.stat().st_mode & 0o077 == 0
    assert len(key_file.read_text().splitlines()[0].split("-")) == 13
    assert "Recovery key  saved" in cli(data_dir, "doctor").stdout
    assert cli(data_dir, "security", "export-recovery-key", str(key_file)).returncode == 0
    other_file = tmp_path / "notes.txt"
    other_file.write_text("my own notes\n")
    clobber = cli(data_dir, "security", "export-recovery-key", str(other_file))
    assert clobber.returncode == 1 and "already exists" in clobber.stderr
    assert other_file.read_text() == "my own notes\n"

    new_computer = {"PROFILE_HELPER_TEST_KEYRING": str(tmp_path / "other-keychain.json")}
    refused = cli(data_dir, "doctor", env=new_computer)
    assert refused.returncode == 1
    assert refused.stderr.count("\n") == 1
    assert "security unlock --recovery-key-file" in refused.stderr

    wrong = tmp_path / "wrong.txt"
    wrong.write_text("AAAA-" * 12 + "AAAA\n")
    bad = cli(data_dir, "security", "unlock", "--recovery-key-file", str(wrong), env=new_computer)
    assert bad.returncode == 1 and "does not open" in bad.stderr

    unlocked = cli(
        data_dir, "security", "unlock", "--recovery-key-file", str(key_file), env=new_computer
    )
    assert unlocked.returncode == 0, unlocked.stderr
    assert "keychain" in unlocked.stdout
    works = cli(data_dir, "doctor", "--format", "json", env=new_computer)
    assert works.returncode == 0, works.stderr
    assert json.loads(works.stdout)["database"]["encrypted"] is True


def test_passphrase_database_moves_to_a_computer_with_a_keychain(
    data_dir: Path, tmp_path: Path
) -> None:
    passphrase = tmp_path / "pass.txt"
    passphrase.write_text("a long passphrase\n")
    made = cli(data_dir, "--passphrase-file", str(passphrase), "doctor", env=NO_KEYCHAIN)
    assert made.returncode == 0, made.stderr
    no_export = cli(
        data_dir,
        "--passphrase-file",
        str(passphrase),
        "security",
        "export-recovery-key",
        str(tmp_path / "k.txt"),
        env=NO_KEYCHAIN,
    )
    assert no_export.returncode == 1 and "passphrase is its recovery key" in no_export.stderr
    nowhere = cli(
        data_dir, "security", "unlock", "--passphrase-file", str(passphrase), env=NO_KEYCHAIN
    )
    assert nowhere.returncode == 1 and "no usable keychain" in nowhere.stderr
    unlocked = cli(data_dir, "security", "unlock", "--passphrase-file", str(passphrase))
    assert unlocked.returncode == 0, unlocked.stderr
    assert cli(data_dir, "doctor").returncode == 0


def test_unlock_needs_exactly_one_source(data_dir: Path) -> None:
    result = cli(data_dir, "security", "unlock")
    assert result.returncode == 2
    assert "one of the arguments" in result.stderr
    assert os.environ.get("PYTHON_KEYRING_BACKEND") == "tests.keyring_backend.TemporaryKeyring"
