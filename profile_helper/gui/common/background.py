"""Run slow work off the GUI thread, with success and failure callbacks on the GUI thread.

One small helper for every slow operation (keyword extraction, imports, exports), in the manner
of Anki's ``QueryOp``: the work function gets a :class:`Progress` it may report to and check for
cancellation; the callbacks run on the GUI thread when it ends.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

T = TypeVar("T")


class Cancelled(Exception):  # noqa: N818 - it names what happened, like KeyboardInterrupt
    """Raised inside work whose operation was cancelled."""


class Progress:
    """What the work function sees: report progress, and learn whether to stop."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def report(self, done: int, total: int, text: str = "") -> None:
        self._signals.progress.emit(done, total, text)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if the person pressed Cancel."""
        if self._cancel.is_set():
            raise Cancelled


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    progress = Signal(int, int, str)
    finished = Signal()


class _Runnable(QRunnable):
    def __init__(self, op: BackgroundOp[Any]) -> None:
        super().__init__()
        self.op = op
        self.setAutoDelete(True)

    def run(self) -> None:
        op = self.op
        try:
            result = op.work(op.progress)
        except Cancelled:
            op.signals.cancelled.emit()
        except BaseException as exc:
            op.signals.failed.emit(exc)
        else:
            op.signals.succeeded.emit(result)
        op.signals.finished.emit()


class BackgroundOp(Generic[T]):
    """One piece of slow work. Signals are delivered on the thread that created the op.

    Keep a reference to the op (or its ``signals``) until ``finished`` fires.
    """

    def __init__(
        self,
        work: Callable[[Progress], T],
        on_success: Callable[[T], None],
        *,
        on_failure: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        self.work = work
        self.signals = _Signals(parent)
        self.progress = Progress(self.signals)
        self.signals.succeeded.connect(on_success)
        if on_failure is not None:
            self.signals.failed.connect(on_failure)
        else:
            self.signals.failed.connect(_reraise)
        if on_progress is not None:
            self.signals.progress.connect(on_progress)
        if on_cancelled is not None:
            self.signals.cancelled.connect(on_cancelled)
        self.running = False
        self.signals.finished.connect(self._done)

    def start(self, pool: QThreadPool | None = None) -> BackgroundOp[T]:
        self.running = True
        (pool or QThreadPool.globalInstance()).start(_Runnable(self))
        return self

    def cancel(self) -> None:
        self.progress.cancel()

    def _done(self) -> None:
        self.running = False


def _reraise(exc: BaseException) -> None:
    # No failure callback: an unexpected error is a bug, for the crash handler.
    raise exc
