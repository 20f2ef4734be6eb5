"""A tray icon that tells the person when follow-ups are due (where the desktop has a tray)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from profile_helper import APP_NAME
from profile_helper.core.contacts.followup_model import FollowUp
from profile_helper.gui.common import theme


def due_message(due: Sequence[FollowUp]) -> tuple[str, str]:
    """The title and text of the notification for these due follow-ups."""
    count = len(due)
    title = "1 follow-up due" if count == 1 else f"{count} follow-ups due"
    names = [f.contact_name for f in due if f.contact_name]
    shown = ", ".join(dict.fromkeys(names[:3]))
    rest = len(set(names)) - len(set(names[:3]))
    text = f"{shown} and {rest} more" if rest > 0 else shown or "Open Today to see them."
    return title, text


class DueTray(QObject):
    """Owns the tray icon; does nothing at all on desktops without a system tray."""

    activated = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.icon: QSystemTrayIcon | None = None
        self._last: tuple[str, str] | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.icon = QSystemTrayIcon(theme.app_icon(), self)
            self.icon.setToolTip(APP_NAME)
            menu = QMenu()
            menu.addAction("Show follow-ups", self.activated.emit)
            self.icon.setContextMenu(menu)
            self._menu = menu
            self.icon.activated.connect(lambda _reason: self.activated.emit())
            self.icon.messageClicked.connect(self.activated.emit)
            self.icon.show()

    @property
    def available(self) -> bool:
        return self.icon is not None

    def notify(self, due: Sequence[FollowUp], *, again: bool = False) -> tuple[str, str] | None:
        """Show a notification for the due follow-ups; returns what was shown (if anything).

        The same message is not repeated unless ``again`` (the periodic reminder) asks for it.
        """
        if not due:
            self._last = None
            return None
        message = due_message(due)
        if message == self._last and not again:
            return None
        self._last = message
        if self.icon is not None:
            self.icon.setToolTip(f"{APP_NAME}: {message[0]}")
            self.icon.showMessage(*message, QSystemTrayIcon.MessageIcon.Information, 10_000)
        return message
