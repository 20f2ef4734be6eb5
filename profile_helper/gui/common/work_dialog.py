"""A dialog whose work runs off the GUI thread: one piece at a time, Cancel stops it.

What the two import dialogs share: the work under way (a preview or the import itself), Cancel
(or Esc, or closing the window) asking it to stop rather than closing over it, and Close
accepting once something was done.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QWidget

from profile_helper.gui.common.background import BackgroundOp


class WorkDialog(QDialog):
    """Start work with :meth:`run`; its ending callback calls :meth:`work_ended`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.op: BackgroundOp[Any] | None = None
        # Every op started stays referenced until it has finished: a newer one replacing
        # ``self.op`` must not free an older one whose signals are still on their way.
        self._running_ops: list[BackgroundOp[Any]] = []
        # Set while work runs; cleared by the callback that ends it, on this thread (the op's
        # own ``running`` flag clears a moment later, when its ``finished`` arrives).
        self._busy = False

    def run(self, op: BackgroundOp[Any]) -> None:
        self._busy = True
        self.op = op
        self._running_ops.append(op)
        op.signals.finished.connect(lambda: self._running_ops.remove(op))
        op.start()

    def work_ended(self) -> None:
        self._busy = False

    def is_running(self) -> bool:
        return self._busy

    def has_result(self) -> bool:
        """Whether Close means done (accept) rather than nothing done (reject)."""
        return False

    def cancel_or_close(self) -> None:
        """The Cancel/Close button: stop the work under way, else close."""
        if self.is_running() and self.op is not None:
            self.op.cancel()
            return
        self.accept() if self.has_result() else self.reject()

    def reject(self) -> None:
        # Esc or the window's close button while work runs: stop it, stay open to say so.
        if self.is_running():
            if self.op is not None:
                self.op.cancel()
            return
        super().reject()
