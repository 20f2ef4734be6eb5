"""One window per data folder: a second start brings the running window to the front.

The running instance listens on a local socket named after the data folder; a new one first
tries to connect and, if someone answers, asks it to come forward and quits.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

_RAISE = b"raise\n"
_TIMEOUT_MS = 500


def server_name(data_dir: Path) -> str:
    digest = hashlib.sha256(str(data_dir.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"profile-helper-{digest}"


def ask_running_instance(data_dir: Path) -> bool:
    """Ask a running instance to come forward; True when one answered."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    if not socket.waitForConnected(_TIMEOUT_MS):
        return False
    socket.write(_RAISE)
    socket.flush()
    socket.waitForBytesWritten(_TIMEOUT_MS)
    socket.disconnectFromServer()
    return True


class SingleInstance(QObject):
    """Listens for later starts and brings ``window`` to the front when one asks."""

    brought_to_front = Signal()

    def __init__(self, data_dir: Path, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        name = server_name(data_dir)
        if not self.server.listen(name):
            # A socket left by a crashed instance (nobody answered it): take its place.
            QLocalServer.removeServer(name)
            self.server.listen(name)
        self.server.newConnection.connect(self._on_connection)

    def listening(self) -> bool:
        return self.server.isListening()

    def _on_connection(self) -> None:
        socket = self.server.nextPendingConnection()
        if socket is None:
            return
        socket.readyRead.connect(lambda: self._on_message(socket))
        socket.disconnected.connect(socket.deleteLater)

    def _on_message(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(_RAISE.strip()):
            self.bring_to_front()

    def bring_to_front(self) -> None:
        window = self.window
        if window.isMinimized():
            window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.show()
        window.raise_()
        window.activateWindow()
        self.brought_to_front.emit()
