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
from collections.abc import Iterator
from pathlib import Path

import grimp
import pytest

from tests.conftest import REPO_ROOT


@pytest.mark.slow
def test_the_import_contracts_hold() -> None:
    lint = shutil.which("lint-imports", path=str(REPO_ROOT / ".venv" / "bin"))
    lint = lint or shutil.which("lint-imports", path=str(REPO_ROOT.parent / ".venv" / "bin"))
    # A git worktree runs with another checkout's venv: look beside the running interpreter.
    lint = lint or shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    command = [lint] if lint else [sys.executable, "-m", "importlinter.cli"]
    result = subprocess.run(
        [*command, "--no-cache"], cwd=REPO_ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def imported(module: str) -> Iterator[str]:
        return iter(sorted(graph.find_modules_directly_imported_by(module)))

    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, imported(root))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append(
                        (child, iter(sorted(graph.find_modules_directly_imported_by(child))))
                    )
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return found


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
