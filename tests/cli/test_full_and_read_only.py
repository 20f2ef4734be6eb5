"""A full disk and a read-only data folder, for real: a 3 MB tmpfs, and a folder made 0500
for a user who is not root (root may write anywhere, so the check runs as ``nobody``).

Each is said in one line, as what it is, and the data stay as they were. Where this machine
cannot mount a tmpfs or switch users, the test says why it is skipped.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

pytestmark = pytest.mark.slow

NOBODY = 65534


def _env(keyring: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHON_KEYRING_BACKEND"] = "tests.keyring_backend.TemporaryKeyring"
    env["PROFILE_HELPER_TEST_KEYRING"] = str(keyring)
    env["PYTHONPATH"] = str(REPO_ROOT)
    return env


def _cli(
    data: Path, keyring: Path, *args: str, prefix: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    command = [*prefix, sys.executable, "-m", "profile_helper", "--data-dir", str(data), *args]
    return subprocess.run(
        command, cwd=REPO_ROOT, env=_env(keyring), capture_output=True, text=True,
        timeout=180, check=False,
    )  # fmt: skip


def _contacts(data: Path, keyring: Path) -> list[str]:
    listed = _cli(data, keyring, "contacts", "list", "--format", "csv")
    assert listed.returncode == 0, listed.stderr
    return listed.stdout.splitlines()[1:]


@pytest.fixture
def tiny_disk() -> Iterator[Path]:
    """A 3 MB tmpfs, unmounted afterwards."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    mount_point = Path(tempfile.mkdtemp(prefix="tiny-disk-"))
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount_point)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        mount_point.rmdir()
        pytest.skip(f"this machine does not allow mounting a tmpfs: {done.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], check=False)
        mount_point.rmdir()


def test_an_import_that_fills_the_disk_says_so_and_changes_nothing(
    tiny_disk: Path, tmp_path: Path
) -> None:
    data, keyring = tiny_disk / "data", tmp_path / "keyring.json"
    added = _cli(data, keyring, "contacts", "add", "--first", "Ann", "--last", "Lee")
    assert added.returncode == 0, added.stderr
    big = tmp_path / "people.csv"
    with big.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["First Name", "Last Name", "Company", "Position", "Email Address"])
        for i in range(40_000):
            writer.writerow([f"Person{i}", f"Family{i}", f"Company {i % 500}", "Nurse", ""])

    result = _cli(data, keyring, "contacts", "import", str(big))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "is full" in result.stderr and "needs about" in result.stderr
    assert "passphrase" not in result.stderr and "key" not in result.stderr
    assert [row.split(",")[1] for row in _contacts(data, keyring)] == ['"Ann"']


def _can_run_as_nobody() -> str:
    """Why this test cannot switch to ``nobody`` here, or ``""``."""
    if os.geteuid() != 0:
        return "switching users needs root"
    if shutil.which("setpriv") is None:
        return "setpriv is not installed"
    probe = subprocess.run(
        ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups",
         sys.executable, "-c", "import profile_helper"],
        cwd=REPO_ROOT, env=_env(Path("/nonexistent")), capture_output=True, check=False,
    )  # fmt: skip
    if probe.returncode != 0:
        return "the user nobody cannot run this Python (it lives in a private folder)"
    return ""


def test_a_read_only_folder_is_said_to_be_read_only(tmp_path: Path) -> None:
    why = _can_run_as_nobody()
    if why:
        pytest.skip(why)
    home = Path(tempfile.mkdtemp(prefix="read-only-"))
    try:
        data, keyring = home / "data", home / "keyring.json"
        assert _cli(data, keyring, "contacts", "add", "--first", "Ann").returncode == 0
        subprocess.run(["chown", "-R", f"{NOBODY}:{NOBODY}", str(home)], check=True)
        home.chmod(0o755)
        data.chmod(0o500)
        as_nobody = ("setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups")
        for command in (("contacts", "add", "--first", "Bo"), ("contacts", "list")):
            result = _cli(data, keyring, *command, prefix=as_nobody)
            assert result.returncode == 1, result.stdout
            assert result.stderr.count("\n") == 1
            assert "is read-only" in result.stderr
            assert "passphrase" not in result.stderr
        # Still read-only (the app takes access away from others only), and still one contact.
        assert data.stat().st_mode & 0o777 == 0o500
        data.chmod(0o700)
        assert len(_contacts(data, keyring)) == 1
    finally:
        shutil.rmtree(home, ignore_errors=True)
