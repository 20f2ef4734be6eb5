"""The core's import graph, with every import counted (at the top, inside functions, under
``TYPE_CHECKING``): storage below security below the app's database, and no cycles.

That imports sit at the top of their file (heavy libraries aside) is ruff's PLC0415.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

CORE = REPO_ROOT / "profile_helper" / "core"
STORAGE = "profile_helper.core.storage"
SECURITY = "profile_helper.core.security"
APP_DATABASE = "profile_helper.core.app_database"


def _module_name(path: Path) -> str:
    parts = path.relative_to(REPO_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_module(name: str) -> bool:
    path = REPO_ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _imports(path: Path) -> Iterator[tuple[int, str, bool]]:
    """(line, module imported, whether the import sits inside a function) for each import."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    in_function = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        for inner in ast.walk(node)
        if inner is not node
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, id(node) in in_function
        elif isinstance(node, ast.ImportFrom) and node.module:
            assert node.level == 0, f"{path}: the core imports absolutely"
            for alias in node.names:
                # ``from package import module`` imports that module.
                submodule = f"{node.module}.{alias.name}"
                target = submodule if _is_module(submodule) else node.module
                yield node.lineno, target, id(node) in in_function


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in sorted(CORE.rglob("*.py")):
        name = _module_name(path)
        graph.setdefault(name, set()).update(
            target
            for _line, target, _inner in _imports(path)
            if target.startswith("profile_helper.core") and target != name
        )
    return graph


def _chain(graph: dict[str, set[str]], start: str, goal: Callable[[str], bool]) -> list[str]:
    """A chain of imports from ``start`` to a module ``goal`` accepts, or []."""
    seen = {start}
    stack = [[start]]
    while stack:
        chain = stack.pop()
        for target in sorted(graph.get(chain[-1], ())):
            if goal(target):
                return [*chain, target]
            if target not in seen:
                seen.add(target)
                stack.append([*chain, target])
    return []


def _under(package: str) -> Callable[[str], bool]:
    return lambda name: name == package or name.startswith(package + ".")


@pytest.mark.parametrize(
    ("lower", "upper"), [(STORAGE, SECURITY), (STORAGE, APP_DATABASE), (SECURITY, APP_DATABASE)]
)
def test_a_lower_layer_never_reaches_an_upper_one(lower: str, upper: str) -> None:
    graph = _graph()
    modules = [m for m in graph if _under(lower)(m)]
    assert modules
    assert [c for m in modules if (c := _chain(graph, m, _under(upper)))] == []


def test_the_core_has_no_import_cycle() -> None:
    graph = _graph()
    cycles = [
        " -> ".join(chain)
        for module in sorted(graph)
        if (chain := _chain(graph, module, module.__eq__))
    ]
    assert cycles == []


def test_the_graph_sees_imports_inside_functions() -> None:
    """The checks above would pass vacuously if hidden imports were missed."""
    graph = _graph()
    assert "profile_helper.core.storage.database" in graph[APP_DATABASE]
    assert any(inner for _l, _t, inner in _imports(CORE / "security" / "keychain.py"))
