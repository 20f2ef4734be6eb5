"""The core must work on a machine without Qt: import all of it with PySide6 made unimportable."""

import ast
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO_ROOT

BLOCK_QT_AND_IMPORT_CORE = r"""
import importlib, importlib.abc, pkgutil, sys

class NoQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6."):
            raise ModuleNotFoundError(f"No module named {name!r} (blocked by the test)")
        return None

sys.meta_path.insert(0, NoQt())
import profile_helper.core as core
names = [m.name for m in pkgutil.walk_packages(core.__path__, "profile_helper.core.")]
for name in names:
    importlib.import_module(name)
assert not any(m.startswith("PySide6") for m in sys.modules), "Qt was imported"
print(len(names))
"""


def test_every_core_module_imports_without_pyside6() -> None:
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_QT_AND_IMPORT_CORE],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) >= 5


def test_no_core_file_names_qt_or_the_gui() -> None:
    offenders = []
    for path in Path(REPO_ROOT, "profile_helper", "core").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [
                f"{path.name}: {n}"
                for n in names
                if n.startswith(("PySide6", "profile_helper.gui", "profile_helper.cli"))
            ]
    assert offenders == []
