"""Settings, "Your profile": who you are, for the messages written from templates."""

from __future__ import annotations

import sqlite3
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from profile_helper.core.errors import ProfileHelperError
from profile_helper.core.my_profile.models import HEADLINE, INDUSTRY, LOCATION
from profile_helper.core.settings import get_setting, set_setting
from profile_helper.core.storage.transaction import transaction
from profile_helper.gui.common import msgbox
from profile_helper.gui.common.changes import Change
from profile_helper.gui.common.context import AppContext
from profile_helper.gui.common.widgets import FieldError
from profile_helper.gui.settings.section import SettingsSection

PITCH_MAX = 160
LINE_FIELDS = (
    ("profile.name", "Your name", "e.g. Jane Doe"),
    ("profile.current_role", "Current role", "e.g. Backend Engineer at Acme"),
    ("profile.target_role", "Target role", "e.g. Data Engineer"),
    ("profile.pitch", "One-line pitch", "e.g. I build data pipelines that teams trust"),
)


# The imported single values shown read-only: the export is where they come from.
IMPORTED = ((HEADLINE, "Headline"), (INDUSTRY, "Industry"), (LOCATION, "Location"))


def imported_text(conn: sqlite3.Connection) -> str:
    """The imported headline, industry and location, or how to import them."""
    values = [(label, str(get_setting(conn, key) or "").strip()) for key, label in IMPORTED]
    if not any(value for _label, value in values):
        return (
            "From LinkedIn: nothing imported yet. Import your LinkedIn data export "
            "('profile-helper import linkedin-archive ZIP') to see your headline, industry "
            "and location here."
        )
    rows = "<br>".join(f"{label}: {escape(value) or '–'}" for label, value in values)
    return f"<b>From your LinkedIn profile</b><br>{rows}"


class ProfileSection(SettingsSection):
    title = "Your profile"
    description = (
        "Your name, roles, pitch and signature fill in the messages you write from templates. "
        "They stay on this computer."
    )

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        form = QFormLayout()
        form.setHorizontalSpacing(14)
        self.edits: dict[str, QLineEdit] = {}
        for key, label, hint in LINE_FIELDS:
            edit = QLineEdit()
            edit.setPlaceholderText(hint)
            edit.setAccessibleName(label)
            edit.textEdited.connect(self._on_changed)
            self.edits[key] = edit
            form.addRow(label, edit)
        self.pitch_error = FieldError()
        form.addRow("", self.pitch_error)
        self.edits["profile.pitch"].setToolTip(f"One sentence, at most {PITCH_MAX} characters")
        self.signature = QPlainTextEdit()
        self.signature.setAccessibleName("Signature")
        self.signature.setPlaceholderText("Jane Doe\njane@example.org · linkedin.com/in/janedoe")
        self.signature.setFixedHeight(72)
        self.signature.setTabChangesFocus(True)
        self.signature.textChanged.connect(self._on_changed)
        form.addRow("Signature", self.signature)
        self.premium = QCheckBox("I have LinkedIn Premium (connection notes up to 300 characters)")
        self.premium.setAccessibleName("LinkedIn Premium")
        self.premium.toggled.connect(self._on_changed)
        form.addRow("", self.premium)
        self.content.addLayout(form)
        self.imported = QLabel()
        self.imported.setObjectName("Muted")
        self.imported.setWordWrap(True)
        self.imported.setAccessibleName("Imported LinkedIn profile")
        self.imported.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.imported.setToolTip(
            "Read from LinkedIn's data export. Change them on LinkedIn and import again; the "
            "Audit page's “Load my LinkedIn profile” uses them."
        )
        self.content.addWidget(self.imported)

        self.save_button = QPushButton("Save profile")
        self.save_button.setObjectName("Primary")
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setToolTip("Save your profile (Ctrl+S)")
        self.save_button.clicked.connect(self.save)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("Muted")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.saved_label)
        row.addWidget(self.save_button)
        self.content.addLayout(row)
        self._loading = False
        self._set_dirty(False)

    def load(self) -> None:
        conn = self.ctx.database()
        self._loading = True
        for key, edit in self.edits.items():
            edit.setText(str(get_setting(conn, key) or ""))
        self.signature.setPlainText(str(get_setting(conn, "profile.signature") or ""))
        self.premium.setChecked(bool(get_setting(conn, "linkedin.premium")))
        self.imported.setText(imported_text(conn))
        self._loading = False
        self._set_dirty(False)

    def values(self) -> dict[str, object]:
        values: dict[str, object] = {key: e.text().strip() for key, e in self.edits.items()}
        values["profile.signature"] = self.signature.toPlainText().strip()
        values["linkedin.premium"] = self.premium.isChecked()
        return values

    def _on_changed(self, *_args: object) -> None:
        if not self._loading:
            self._set_dirty(True)
        self._validate()

    def _set_dirty(self, dirty: bool) -> None:
        self.save_button.setEnabled(dirty)
        self.saved_label.setText("Unsaved changes" if dirty else "")

    def _validate(self) -> bool:
        pitch = self.edits["profile.pitch"].text().strip()
        problem = ""
        if len(pitch) > PITCH_MAX:
            problem = f"Keep the pitch to one line: {len(pitch)} of {PITCH_MAX} characters."
        elif "\n" in pitch:
            problem = "Keep the pitch to one line."
        self.pitch_error.setText(problem)
        self.pitch_error.setVisible(bool(problem))
        return not problem

    def save(self) -> None:
        if not self._validate():
            self.edits["profile.pitch"].setFocus()
            return
        conn = self.ctx.database()
        try:
            with transaction(conn):
                for key, value in self.values().items():
                    set_setting(conn, key, value)
        except ProfileHelperError as exc:
            msgbox.show_error(self, "Cannot save your profile", exc.message)
            return
        self._set_dirty(False)
        self.saved_label.setText("Saved")
        self.ctx.data_changed.emit(Change.SETTINGS)
        self.ctx.status_message.emit("Your profile is saved")
