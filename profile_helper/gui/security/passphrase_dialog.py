"""Asking for the database's passphrase or recovery key, and choosing a new passphrase."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from profile_helper import APP_NAME
from profile_helper.core.security.keys import check_new_passphrase
from profile_helper.core.security.unlock import ASK_NEW_PASSPHRASE
from profile_helper.gui.common import theme
from profile_helper.gui.common.widgets import FieldError, dialog_buttons


class PassphraseDialog(QDialog):
    """One field to unlock (recovery key or passphrase), or two to choose a new passphrase."""

    def __init__(self, kind: str, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        theme.style_window(self)
        self.new = kind == ASK_NEW_PASSPHRASE
        title = f"Choose a passphrase - {APP_NAME}" if self.new else f"Unlock {APP_NAME}"
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        if self.new:
            message += (
                " Nobody can recover your data if it is forgotten: keep it in a password manager."
            )
        intro = QLabel(message)
        intro.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = FieldError()
        self.problem.setAccessibleName("Problem with the passphrase")
        form = QFormLayout()
        if self.new:
            self.field.setAccessibleName("New passphrase")
            self.field.setPlaceholderText("at least 8 characters")
            self.field.setToolTip(
                "Your data is encrypted with it. It cannot be recovered if forgotten: "
                "write it down somewhere safe."
            )
            self.repeat.setAccessibleName("Repeat the passphrase")
            form.addRow("&Passphrase:", self.field)
            form.addRow("&Repeat:", self.repeat)
        else:
            self.field.setAccessibleName("Recovery key or passphrase")
            self.field.setPlaceholderText("XXXX-XXXX-… or your passphrase")
            self.field.setToolTip(
                "The recovery key saved when your data was set up, or your passphrase."
            )
            form.addRow("&Recovery key or passphrase:", self.field)
            self.repeat.hide()
        buttons = dialog_buttons(self)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button = ok
        ok.setText("Encrypt my data" if self.new else "Unlock")
        ok.setObjectName("Primary")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        for field in (self.field, self.repeat):
            field.textChanged.connect(self._check)
        self._check()
        self.field.setFocus()  # for an 'other' reason, as a program sets it

    def secret(self) -> str:
        return self.field.text()

    def _problems(self) -> tuple[str, str]:
        """What is wrong with the passphrase, and whether the repeat differs ("" when fine)."""
        text = self.field.text()
        if not text:
            return "Type it first.", ""
        if not self.new:
            return "", ""
        problem = check_new_passphrase(text)
        differs = "" if problem or text == self.repeat.text() else "The two passphrases differ."
        return problem, differs

    def _check(self) -> None:
        """As the person types: the button only when the fields are fine, the problem beside.

        Nothing is said about an empty field, nor about a repeat not yet typed.
        """
        problem, differs = self._problems()
        self.ok_button.setEnabled(not (problem or differs))
        if not self.field.text():
            problem = ""
        if not self.repeat.text():
            differs = ""
        self.problem.set_message(problem or differs)

    def accept(self) -> None:
        """Check the fields before closing; a problem is shown next to them."""
        problem, differs = self._problems()
        if problem or differs:
            self.problem.set_message(problem or differs)
            return
        super().accept()


def dialog_prompt(parent: Callable[[], QWidget | None]) -> Callable[[str, str], str | None]:
    """A prompt for :func:`open_app_database` that asks with :class:`PassphraseDialog`."""

    def ask(kind: str, message: str) -> str | None:
        dialog = PassphraseDialog(kind, message, parent())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.secret()

    return ask
