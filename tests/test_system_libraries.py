"""One list of system packages: the README's, which CI and the Linux archive's notes repeat."""

from __future__ import annotations

import re
from pathlib import Path

from installer import package_linux
from tests.conftest import REPO_ROOT

README = Path(REPO_ROOT, "README.md").read_text(encoding="utf-8")
CI = Path(REPO_ROOT, ".ci", "run").read_text(encoding="utf-8")


def _command_after(text: str, start: str) -> list[str]:
    """The words of the (backslash-continued) command that begins at ``start`` in ``text``."""
    rest = text[text.index(start) :]
    lines = []
    for line in rest.splitlines():
        lines.append(line.rstrip("\\ "))
        if not line.rstrip().endswith("\\"):
            break
    return " ".join(lines).split()


def _packages(words: list[str]) -> set[str]:
    return {w for w in words if re.fullmatch(r"[a-z0-9][a-z0-9.+-]+", w)} - {
        "sudo",
        "apt-get",
        "install",
    }


def _readme_list(heading: str) -> set[str]:
    """The packages of the first ``sudo apt-get install`` after ``heading`` in the README."""
    section = README[README.index(heading) :]
    return _packages(_command_after(section, "sudo apt-get install"))


def test_ci_installs_the_readmes_build_and_test_list() -> None:
    ci = _packages(_command_after(CI, "apt-get install -y"))
    assert ci == _readme_list("To build and test it")


def test_the_linux_archive_names_the_readmes_list_to_run() -> None:
    archive = _packages(_command_after(package_linux.README, "sudo apt-get install"))
    assert archive == _readme_list("To run the app on a desktop")


def test_the_readme_has_one_list_of_each() -> None:
    assert README.count("sudo apt-get install") == 2
    assert {"libxcb-cursor0", "libwayland-client0"} <= _readme_list("To run the app on a desktop")
