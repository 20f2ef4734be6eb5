"""``doctor`` as a real process: its JSON shape, its text, and failing cleanly without the key."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from profile_helper.core.paths import database_path
from profile_helper.core.security.recovery import NOTICE_HEADLINE
from profile_helper.core.storage import cipher
from tests.conftest import REPO_ROOT

NO_KEYCHAIN = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
needs_cipher = pytest.mark.skipif(not cipher.available(), reason="SQLCipher is not installed")


def cli(
    data_dir: Path, *args: str, env: dict[str, str] | None = None, pre: str = ""
) -> subprocess.CompletedProcess[str]:
    """Run the CLI as a person would; ``pre`` is Python run first (to take a library away)."""
    command = [sys.executable, "-m", "profile_helper"]
    if pre:
        command = [
            sys.executable,
            "-c",
            f"{pre}\nimport sys\nfrom profile_helper.cli import main\nsys.exit(main())",
        ]
    return subprocess.run(
        [*command, "--data-dir", str(data_dir), *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def test_doctor_json_has_exactly_the_documented_shape(data_dir: Path, tmp_path: Path) -> None:
    saved = tmp_path / "recovery.txt"
    result = cli(data_dir, "--recovery-key-file", str(saved), "doctor", "--format", "json")
    assert result.returncode == 0, result.stderr
    # The first run made the key and saved its recovery key where it was told; nothing else.
    assert result.stderr in ("", f"{NOTICE_HEADLINE} Recovery key saved to {saved}\n")
    data = json.loads(result.stdout)
    assert set(data) == {
        "data_dir",
        "database",
        "keyring",
        "backups",
        "leftovers_removed",
        "plain_files",
        "partial_files",
        "wal",
    }
    assert set(data["wal"]) == {"truncated_at_open", "kept"}
    assert set(data["database"]) == {"path", "schema_version", "integrity", "encrypted", "cipher"}
    assert set(data["keyring"]) == {"backend", "usable", "detail"}
    assert set(data["backups"]) == {"count", "latest"}
    assert data["data_dir"] == str(data_dir)
    assert data["database"]["path"] == str(database_path(data_dir))
    assert data["database"]["integrity"] == "ok"
    assert data["database"]["schema_version"] >= 1
    assert data["keyring"]["usable"] is True
    assert data["keyring"]["backend"] == "tests.keyring_backend.TemporaryKeyring"
    assert data["database"]["encrypted"] is cipher.available()
    if cipher.available():
        assert data["database"]["cipher"].startswith("SQLCipher 4")
    assert data["backups"] == {"count": 0, "latest": None}
    again = json.loads(cli(data_dir, "doctor", "--format", "json").stdout)
    assert again["backups"]["count"] == 1  # the day's first backup, on the second start
    assert again["backups"]["latest"].endswith("-daily.sqlite3")


@needs_cipher
def test_doctor_text_says_how_the_key_is_kept(data_dir: Path) -> None:
    result = cli(data_dir, "doctor")
    assert result.returncode == 0, result.stderr
    assert "Encrypted; the key is kept in this computer's keychain" in result.stdout
    assert "Recovery key" in result.stdout and "export-recovery-key" in result.stdout


@needs_cipher
def test_without_the_key_every_command_fails_in_one_line_and_changes_nothing(
    data_dir: Path, tmp_path: Path
) -> None:
    passphrase = tmp_path / "passphrase.txt"
    passphrase.write_text("correct horse battery\n", encoding="utf-8")
    created = cli(data_dir, "--passphrase-file", str(passphrase), "doctor", env=NO_KEYCHAIN)
    assert created.returncode == 0, created.stderr
    assert "Encrypted with your passphrase" in created.stdout
    before = {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()}
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("wrong horse battery\n", encoding="utf-8")
    for args in (
        ["--passphrase-file", str(wrong), "doctor"],
        ["doctor", "--format", "json"],
        ["--passphrase-file", str(wrong), "backup", "create"],
        ["security", "export-recovery-key", str(tmp_path / "key.txt")],
    ):
        result = cli(data_dir, *args, env=NO_KEYCHAIN)
        assert result.returncode == 1, args
        assert result.stdout == ""
        assert result.stderr.count("\n") == 1, result.stderr
        assert result.stderr.startswith("profile-helper: error: ")
        assert "passphrase" in result.stderr
        assert "Traceback" not in result.stderr
    after = {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()}
    assert after == before
    assert not (tmp_path / "key.txt").exists()


def test_without_sqlcipher_the_app_runs_on_plain_sqlite_and_says_so(data_dir: Path) -> None:
    block = "import sys\nsys.modules['sqlcipher3'] = None"
    result = cli(data_dir, "doctor", pre=block)
    assert result.returncode == 0, result.stderr
    assert "Not encrypted: SQLCipher (the sqlcipher3 package) is not installed" in result.stdout
    data = json.loads(cli(data_dir, "doctor", "--format", "json", pre=block).stdout)
    assert data["database"]["encrypted"] is False
    assert data["database"]["cipher"] is None
    assert cipher.is_plain_sqlite(database_path(data_dir))


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_partial_files_of_a_killed_backup_are_removed_and_reported(data_dir: Path) -> None:
    assert cli(data_dir, "backup", "create").returncode == 0
    backups = data_dir / "backups"
    # A writer killed mid-backup, for real: the partial file stays behind.
    killed = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, signal, sys\n"
            "from pathlib import Path\n"
            "from profile_helper.core.files import atomic_path\n"
            "with atomic_path(Path(sys.argv[1])) as partial:\n"
            "    partial.write_bytes(b'half a backup')\n"
            "    os.kill(os.getpid(), signal.SIGKILL)\n",
            str(backups / "profile-helper-20260101-000000-000000-manual.sqlite3"),
        ],
        cwd=REPO_ROOT,
        check=False,
        timeout=60,
    )
    assert killed.returncode == -9
    (left,) = [p for p in backups.iterdir() if p.name.endswith(".tmp")]
    fresh = backups / f".{left.name[1:10]}-fresh.0123abcd.tmp"
    fresh.write_bytes(b"another copy of the app may be writing this one now")
    os.utime(left, (0, 0))  # untouched since long ago, as after a crash

    data = json.loads(cli(data_dir, "doctor", "--format", "json").stdout)
    assert data["leftovers_removed"] == [f"backups/{left.name}"]
    assert not left.exists()
    assert fresh.exists()
    assert data["backups"]["count"] == 1
    assert json.loads(cli(data_dir, "doctor", "--format", "json").stdout)["leftovers_removed"] == []
