"""The layers hold and nothing imports in a circle, with every import counted.

The layers are written down as import-linter contracts in ``pyproject.toml`` (the core knows
no front end and no Qt; storage below security below the app's database; in the GUI the window
above the pages, each page on its own, above unlocking, above shared widgets; commands never
import the GUI). The cycle check reads the whole package's import graph, imports inside
functions included, so that a cycle cannot hide behind a late import.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

from tests.conftest import REPO_ROOT


@pytest.mark.slow
def test_the_import_contracts_hold() -> None:
    lint = shutil.which("lint-imports", path=str(REPO_ROOT / ".venv" / "bin"))
    lint = lint or shutil.which("lint-imports", path=str(REPO_ROOT.parent / ".venv" / "bin"))
    # A git worktree has no .venv of its own: the one running the tests has the command.
    lint = lint or shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    command = [lint] if lint else [sys.executable, "-m", "importlinter.cli"]
    result = subprocess.run(
        [*command, "--no-cache"], cwd=REPO_ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """The groups of more than one module that import each other in a circle.

    Two modules are in one circle when each reaches the other; reachability is read from the
    graph once per module (a few hundred modules: quick).
    """
    reach = {module: graph.find_downstream_modules(module) for module in graph.modules}
    circles: list[list[str]] = []
    placed: set[str] = set()
    for module in sorted(graph.modules):
        if module in placed:
            continue
        circle = sorted({module} | {other for other in reach[module] if module in reach[other]})
        placed.update(circle)
        if len(circle) > 1:
            circles.append(circle)
    return circles


def test_no_module_imports_itself_through_others() -> None:
    graph = grimp.build_graph("profile_helper", cache_dir=None)
    assert len(graph.modules) > 100
    assert _cycles(graph) == []


def test_the_cycle_check_finds_a_cycle() -> None:
    graph = grimp.ImportGraph()
    for name in ("pkg", "pkg.a", "pkg.b", "pkg.c"):
        graph.add_module(name)
    graph.add_import(importer="pkg.a", imported="pkg.b")
    graph.add_import(importer="pkg.b", imported="pkg.c")
    graph.add_import(importer="pkg.c", imported="pkg.a")
    assert _cycles(graph) == [["pkg.a", "pkg.b", "pkg.c"]]
