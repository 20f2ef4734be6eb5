"""Lint and type checks run as part of the suite, so a red check fails the build like a test."""

import shutil
import subprocess
import sys

import pytest

from tests.conftest import REPO_ROOT


def _tool(name: str) -> list[str]:
    found = shutil.which(name, path=str(REPO_ROOT / ".venv" / "bin")) or shutil.which(name)
    return [found] if found else [sys.executable, "-m", name]


@pytest.mark.slow
def test_ruff_is_clean() -> None:
    result = subprocess.run(
        [*_tool("ruff"), "check", "."], cwd=REPO_ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_mypy_is_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy"], cwd=REPO_ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
