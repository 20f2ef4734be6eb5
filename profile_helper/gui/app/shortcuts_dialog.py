"""The list of keyboard shortcuts, read from the window's own actions, shortcuts and buttons.

It is built from what the window has, never written out by hand, so it cannot drift from the
keys that work: a menu's action, a page's ``QShortcut`` (described by its ``whatsThis``) and a
button with a shortcut of its own (not the Alt+letter of its underlined letter).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from profile_helper import APP_NAME
from profile_helper.gui.common.page import Page

EVERYWHERE = "Everywhere"


@dataclass(frozen=True)
class ShortcutEntry:
    where: str
    keys: str
    what: str


def _plain(text: str) -> str:
    """A button's or action's text without its mnemonic marker and trailing dots."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("….").strip()


def _keys(sequences: Sequence[QKeySequence]) -> str:
    native = QKeySequence.SequenceFormat.NativeText
    return " or ".join(s.toString(native) for s in sequences if not s.isEmpty())


def _where(owner: QObject | None) -> str:
    """The title of the page an action belongs to, or "Everywhere" for the window's own."""
    while owner is not None:
        if isinstance(owner, Page):
            return owner.title
        owner = owner.parent()
    return EVERYWHERE


def _entries(window: QWidget) -> list[ShortcutEntry]:
    found = []
    for action in window.findChildren(QAction):
        keys = _keys(action.shortcuts())
        if keys:
            found.append(ShortcutEntry(_where(action.parent()), keys, _plain(action.text())))
    for shortcut in window.findChildren(QShortcut):
        keys = _keys([shortcut.key()])
        if keys:
            found.append(ShortcutEntry(_where(shortcut.parent()), keys, shortcut.whatsThis()))
    for button in window.findChildren(QAbstractButton):
        key = button.shortcut()
        if key.isEmpty() or key == QKeySequence.mnemonic(button.text()):
            continue
        found.append(ShortcutEntry(_where(button), _keys([key]), _plain(button.text())))
    return found


def collect(window: QWidget, page_titles: Sequence[str]) -> list[ShortcutEntry]:
    """Every shortcut of ``window`` once: the window's own first, then each page's in order."""
    order = [EVERYWHERE, *page_titles]
    unique = set(_entries(window))
    return sorted(unique, key=lambda e: (order.index(e.where), e.keys, e.what))


class ShortcutsDialog(QDialog):
    """A table of where, which keys and what they do."""

    def __init__(self, entries: list[ShortcutEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Keyboard shortcuts - {APP_NAME}")
        self.entries = entries
        self.table = QTableWidget(len(entries), 3)
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setHorizontalHeaderLabels(["Where", "Keys", "What it does"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row, entry in enumerate(entries):
            for column, text in enumerate((entry.where, entry.keys, entry.what)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(640, 560)

    def keys(self) -> list[str]:
        return [entry.keys for entry in self.entries]
