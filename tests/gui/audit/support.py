"""What the Audit page tests share: waiting until no audit is waiting or running."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from profile_helper.gui.audit.page import AuditPage

WAIT = 10_000


def idle(page: AuditPage) -> bool:
    running = page._op is not None and page._op.running
    return not (page.timer.isActive() or running or page._pending)


def settle(qtbot: QtBot, page: AuditPage) -> None:
    """Wait until no audit is waiting or running."""
    qtbot.waitUntil(lambda: idle(page), timeout=WAIT)
