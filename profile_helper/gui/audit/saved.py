"""Saving, listing, restoring and deleting audits for the Audit page, through the database."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from profile_helper.core.audit.history import delete_audit, get_audit, list_audits, save_audit
from profile_helper.core.audit.run import AuditResult
from profile_helper.core.errors import InputError, ProfileHelperError
from profile_helper.gui.audit.history import HistoryPanel
from profile_helper.gui.common import msgbox
from profile_helper.gui.common.changes import Change
from profile_helper.gui.common.context import AppContext


class SavedAudits(QObject):
    """Connects the history panel to the saved audits in the database.

    ``restored`` carries the saved audit to put back in the editors. Saving is started by the
    page, which knows when the audit of the current texts is ready.
    """

    restored = Signal(object)  # SavedAudit
    status = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        panel: HistoryPanel,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.panel = panel
        self.window = parent
        self.loaded = False
        panel.restore_requested.connect(self.restore)
        panel.delete_requested.connect(self.delete)

    def refresh(self) -> None:
        self.loaded = True
        try:
            self.panel.set_audits(list_audits(self.ctx.database()))
        except ProfileHelperError as exc:
            self.panel.show_error(exc.message)

    def save(self, name: str, result: AuditResult) -> None:
        try:
            saved = save_audit(self.ctx.database(), name, result)
        except InputError as exc:
            self.panel.show_error(exc.message)
            self.panel.name_edit.setFocus()
            return
        except ProfileHelperError as exc:
            msgbox.show_error(self.window, "Could not save the audit", exc.message)
            return
        self.panel.name_edit.clear()
        self.refresh()
        self.ctx.data_changed.emit(Change.AUDITS)
        self.status.emit(f"Saved “{saved.name}” (score {saved.score}).")

    def restore(self, audit_id: int) -> None:
        try:
            saved = get_audit(self.ctx.database(), audit_id)
        except ProfileHelperError as exc:
            msgbox.show_error(self.window, "Could not restore the audit", exc.message)
            return
        self.restored.emit(saved)
        self.status.emit(f"Restored “{saved.name}”.")

    def delete(self, audit_id: int) -> None:
        try:
            saved = get_audit(self.ctx.database(), audit_id)
            if not msgbox.confirm(
                self.window,
                "Delete saved audit",
                f"Delete “{saved.name}”? Its texts and score will be gone for good.",
                "Delete",
            ):
                return
            delete_audit(self.ctx.database(), audit_id)
        except ProfileHelperError as exc:
            msgbox.show_error(self.window, "Could not delete the audit", exc.message)
            return
        self.refresh()
        self.ctx.data_changed.emit(Change.AUDITS)
        self.status.emit(f"Deleted “{saved.name}”.")
