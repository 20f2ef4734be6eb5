"""What changed in the store is always a :class:`Change`, never a string made up at the call."""

from __future__ import annotations

import ast
from pathlib import Path

from profile_helper.gui.common.changes import Change
from profile_helper.gui.common.context import AppContext
from tests.conftest import REPO_ROOT


def test_the_signal_delivers_the_member_itself(data_dir: Path) -> None:
    ctx = AppContext(data_dir)
    received: list[object] = []
    ctx.data_changed.connect(received.append)
    ctx.data_changed.emit(Change.FOLLOW_UPS)
    assert received == [Change.FOLLOW_UPS]
    assert type(received[0]) is Change


def test_no_gui_module_emits_a_change_as_a_bare_string() -> None:
    offenders = []
    for path in Path(REPO_ROOT, "profile_helper", "gui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "emit"
                and isinstance(node.func.value, ast.Attribute)
                and node.func.value.attr in ("data_changed", "changed")
                and any(isinstance(arg, ast.Constant) for arg in node.args)
            ):
                offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []
