"""The GUI's functions stay short and simple: each builder does one named part of a widget."""

from __future__ import annotations

import ast
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from tests.test_quality import _tool

GUI = Path(REPO_ROOT, "profile_helper", "gui")
MAX_LINES = 60
MAX_COMPLEXITY = 10


def test_no_gui_function_is_longer_than_sixty_lines() -> None:
    long = []
    for path in sorted(GUI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_LINES:
                    long.append(f"{path.relative_to(GUI)}:{node.lineno} {node.name} ({length})")
    assert long == []


@pytest.mark.slow
def test_no_gui_function_is_more_complex_than_mccabe_ten() -> None:
    result = subprocess.run(
        [
            *_tool("ruff"),
            "check",
            "--select",
            "C901",
            "--config",
            f"lint.mccabe.max-complexity={MAX_COMPLEXITY}",
            str(GUI),
        ],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
