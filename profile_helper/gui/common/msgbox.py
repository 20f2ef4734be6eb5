"""Every message box the app shows goes through here.

With ``--no-err-windows`` (CI, frozen-build checks) messages are written to stderr instead, so
that nothing waits for a click that will never come.
"""

from __future__ import annotations

import enum
import sys
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from profile_helper.gui.common import theme

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

_no_err_windows = False
# Errors shown since start: the smoke test fails when any page had one to show.
errors_shown: list[str] = []


def set_no_err_windows(value: bool) -> None:
    global _no_err_windows  # noqa: PLW0603 - one switch for the whole process, set at start-up
    _no_err_windows = value


def no_err_windows() -> bool:
    return _no_err_windows


def _message_box() -> type[QMessageBox]:
    """Qt's message box class, named when a box is shown: naming it builds its Python type and
    enums (about 2 ms), which the first frame need not wait for."""
    from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 - start-up: see above

    return QMessageBox


def _to_stderr(kind: str, title: str, text: str) -> None:
    print(f"profile-helper: {kind}: {title}: {text}", file=sys.stderr)


def show_error(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    """A known problem the person can act on (bad file, locked database): never a traceback."""
    errors_shown.append(f"{title}: {text}")
    if _no_err_windows:
        _to_stderr("error", title, text)
        return
    box_type = _message_box()
    box = box_type(box_type.Icon.Warning, title, text, box_type.StandardButton.Ok, parent)
    theme.style_window(box)
    if details:
        box.setDetailedText(details)
    box.exec()


def confirm(parent: QWidget | None, title: str, text: str, action: str = "OK") -> bool:
    """Ask before something destructive; without windows the answer is the safe one, no."""
    if _no_err_windows:
        _to_stderr("question", title, f"{text} (answered no)")
        return False
    box_type = _message_box()
    box = box_type(box_type.Icon.Question, title, text, box_type.StandardButton.NoButton, parent)
    theme.style_window(box)
    yes = box.addButton(action, box_type.ButtonRole.AcceptRole)
    box.addButton(box_type.StandardButton.Cancel)
    box.setDefaultButton(box_type.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is yes


class Unsaved(enum.Enum):
    """The answers to "save the changes?" when a person leaves an edit."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_unsaved(parent: QWidget | None, title: str, text: str) -> Unsaved:
    """Save, Discard or Cancel; without windows the answer is the one that loses nothing, Save."""
    if _no_err_windows:
        _to_stderr("question", title, f"{text} (answered save)")
        return Unsaved.SAVE
    box_type = _message_box()
    buttons = box_type.StandardButton
    box = box_type(
        box_type.Icon.Question,
        title,
        text,
        buttons.Save | buttons.Discard | buttons.Cancel,
        parent,
    )
    theme.style_window(box)
    box.setDefaultButton(buttons.Save)
    box.setEscapeButton(buttons.Cancel)
    answer = box.exec()
    if answer == buttons.Save:
        return Unsaved.SAVE
    if answer == buttons.Discard:
        return Unsaved.DISCARD
    return Unsaved.CANCEL
