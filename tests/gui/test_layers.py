"""The GUI's layers, checked: every import of every gui module, at the top or inside a function.

``gui.app`` (window, start-up, page registry) may import any feature; a feature (today, audit,
contacts, applications, messages, settings) imports only ``gui.security``, ``gui.common`` and the
core, never another feature; ``gui.security`` imports only ``gui.common`` and the core;
``gui.common`` imports only the core.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO_ROOT

GUI = Path(REPO_ROOT, "profile_helper", "gui")
FEATURES = {"today", "audit", "contacts", "applications", "messages", "settings"}


def allowed(layer: str) -> set[str]:
    """The gui packages a module of ``layer`` may import (its own included)."""
    if layer == "app":
        return {"app", "security", "common", *FEATURES}
    if layer in FEATURES:
        return {layer, "security", "common"}
    if layer == "security":
        return {"security", "common"}
    return {"common"}


def imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: relative import"
            if node.module == "profile_helper.gui":
                names += [f"profile_helper.gui.{alias.name}" for alias in node.names]
            elif node.module:
                names.append(node.module)
    return names


def test_each_gui_layer_imports_only_the_layers_below_it() -> None:
    offenders = []
    for path in sorted(GUI.rglob("*.py")):
        parts = path.relative_to(GUI).parts
        if len(parts) < 2:
            continue  # gui/__init__.py
        layer = parts[0]
        for name in imported_modules(path):
            if name.startswith(("profile_helper.cli", "profile_helper.commands")):
                offenders.append(f"{path.relative_to(GUI)} imports {name}")
            if not name.startswith("profile_helper.gui."):
                continue
            target = name.split(".")[2]
            if target not in allowed(layer):
                offenders.append(f"{path.relative_to(GUI)} imports {name}")
    assert offenders == []


def test_every_gui_package_is_placed_in_a_layer() -> None:
    packages = {p.name for p in GUI.iterdir() if (p / "__init__.py").exists()}
    assert packages == {"app", "security", "common", *FEATURES}
