"""``pip install .`` from a clone must ship ``profile_helper/resources/`` and every package."""

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT


@pytest.mark.slow
def test_the_wheel_ships_every_resource_and_package(tmp_path: Path) -> None:
    # Built from a copy, as from a fresh clone: the build leaves nothing in the checkout.
    clone = tmp_path / "clone"
    clone.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO_ROOT / name, clone / name)
    shutil.copytree(
        REPO_ROOT / "profile_helper",
        clone / "profile_helper",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "--no-build-isolation",
         "--wheel-dir", str(tmp_path), "--quiet"],
        cwd=clone, capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    (wheel,) = tmp_path.glob("profile_helper-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    resources = REPO_ROOT / "profile_helper" / "resources"
    expected = {
        "profile_helper/resources/" + p.relative_to(resources).as_posix()
        for p in resources.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert expected - names == set()
    modules = {
        p.relative_to(REPO_ROOT).as_posix() for p in (REPO_ROOT / "profile_helper").rglob("*.py")
    }
    assert modules - names == set()
