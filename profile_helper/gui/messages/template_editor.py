"""The template editor: write or adapt a template with a live preview and errors at their line.

Saving writes ``<data-dir>/templates/<id>.j2``; a built-in edited here is saved as the person's
own copy under the same id, which then replaces it (deleting the copy brings the built-in back).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from profile_helper.core.errors import ProfileHelperError
from profile_helper.core.templates.catalog import (
    TemplateInfo,
    check_id,
    delete_user_template,
    metadata_header,
    read_template,
    save_user_template,
)
from profile_helper.core.templates.channels import CHANNEL_LABELS, CHANNELS
from profile_helper.core.templates.render import render_draft
from profile_helper.core.templates.sandbox import TemplateError
from profile_helper.gui.common import msgbox, theme
from profile_helper.gui.common.widgets import FieldError

SAMPLE_CONTACT = {
    "first_name": "Alex",
    "last_name": "Kim",
    "company": "Northwind Analytics",
    "position": "Engineering Manager",
}
NEW_TEMPLATE_TEXT = (
    "Hi {{ contact.first_name }},\n\n"
    "{% if contact.company %}I enjoyed reading about {{ contact.company }}. {% endif %}"
    "I'd love to hear how you approach {{ topic }}.\n\n{{ me.signature }}\n"
)


class TemplateEditor(QDialog):
    """Edits one template; ``saved_id`` is set when the dialog was accepted after a save."""

    def __init__(
        self,
        user_dir: Path,
        info: TemplateInfo | None,
        profile: dict[str, str],
        categories: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.user_dir = user_dir
        self.info = info
        self.profile = profile
        self.saved_id: str | None = None
        self.setWindowTitle("Edit template" if info else "New template")
        self.resize(980, 640)
        self._build(categories)
        self._load(info)
        self.update_preview()

    def _build(self, categories: list[str]) -> None:
        form = self._build_form(categories)
        self.source = QPlainTextEdit()
        self.source.setAccessibleName("Template text")
        self.source.setTabChangesFocus(True)
        self.source.textChanged.connect(self.update_preview)
        hint = QLabel(
            "Variables: {{ contact.first_name }}, {{ contact.company }}, {{ me.name }}, "
            "{{ me.signature }}, {{ job.title }}, or any name of your own such as {{ topic }}. "
            "Start with 'Subject: …' for an email or InMail."
        )
        hint.setObjectName("Muted")
        hint.setWordWrap(True)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName("Preview")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Template status")

        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addLayout(form)
        left_box.addWidget(self.source, 1)
        left_box.addWidget(hint)
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        right_box.addWidget(QLabel("Preview with a sample contact"))
        right_box.addWidget(self.preview, 1)
        right_box.addWidget(self.status)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([540, 440])

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(self._build_buttons())

    def _build_form(self, categories: list[str]) -> QFormLayout:
        """Id, title, category, channel and description above the text."""
        self.id_edit = QLineEdit()
        self.id_edit.setPlaceholderText("e.g. coffee_chat")
        self.id_edit.setToolTip("The file name: lower-case letters, digits, '_' and '-'")
        self.title_edit = QLineEdit()
        self.category = QComboBox()
        self.category.setEditable(True)
        self.category.addItems(categories)
        self.channel = QComboBox()
        for channel in CHANNELS:
            self.channel.addItem(CHANNEL_LABELS[channel], channel)
        self.channel.currentIndexChanged.connect(lambda _i: self.update_preview())
        self.description = QLineEdit()
        self.id_error = FieldError()
        form = QFormLayout()
        form.addRow("Id", self.id_edit)
        form.addRow("", self.id_error)
        form.addRow("Title", self.title_edit)
        form.addRow("Category", self.category)
        form.addRow("Channel", self.channel)
        form.addRow("Description", self.description)
        for label, widget in (
            ("Template id", self.id_edit),
            ("Title", self.title_edit),
            ("Category", self.category),
            ("Channel", self.channel),
            ("Description", self.description),
        ):
            widget.setAccessibleName(label)
        return form

    def _build_buttons(self) -> QHBoxLayout:
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setToolTip("Save to your templates folder (Ctrl+S)")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.delete_button = QPushButton("Delete my version")
        self.delete_button.setToolTip("Remove your file; a built-in of the same id shows again")
        self.delete_button.clicked.connect(self.delete)
        bottom = QHBoxLayout()
        bottom.addWidget(self.delete_button)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        return bottom

    def _load(self, info: TemplateInfo | None) -> None:
        if info is None:
            self.source.setPlainText(NEW_TEMPLATE_TEXT)
            self.category.setCurrentText("My templates")
            self.channel.setCurrentIndex(self.channel.findData("message"))
            self.delete_button.setVisible(False)
            return
        self.id_edit.setText(info.id)
        self.id_edit.setReadOnly(True)
        self.title_edit.setText(info.title)
        self.category.setCurrentText(info.category)
        self.channel.setCurrentIndex(max(0, self.channel.findData(info.channel)))
        self.description.setText(info.description)
        for edit in (self.title_edit, self.description):
            edit.setCursorPosition(0)  # a long value shows its start, not its end
        self.source.setPlainText(info.body_source)
        self.delete_button.setVisible(info.source == "user")
        if info.source == "builtin":
            self.setWindowTitle(f"Edit template: your own copy of “{info.title}”")

    # -- the text as a file ---------------------------------------------------------------
    def _header(self) -> str:
        return metadata_header(
            self.title_edit.text().strip() or self.id_edit.text().strip() or "Untitled",
            self.category.currentText().strip() or "My templates",
            str(self.channel.currentData()),
            self.description.text().strip(),
        )

    def file_text(self) -> str:
        return self._header() + self.source.toPlainText()

    def _draft_info(self) -> TemplateInfo:
        template_id = self.id_edit.text().strip() or "new_template"
        return TemplateInfo(
            id=template_id,
            title=self.title_edit.text(),
            category=self.category.currentText(),
            channel=str(self.channel.currentData()),
            description=self.description.text(),
            source="user",
            path=self.user_dir / f"{template_id}.j2",
            text=self.file_text(),
        )

    # -- preview and errors ---------------------------------------------------------------
    def update_preview(self) -> None:
        colors = theme.current()
        self.source.setExtraSelections([])
        try:
            message, missing = render_draft(self._draft_info(), SAMPLE_CONTACT, self.profile, {})
        except TemplateError as exc:
            line = exc.line - self._header().count("\n") if exc.line else 0
            where = f"Line {line}: " if line > 0 else ""
            self._set_status(
                f"{where}{exc.problem}. The preview shows the last version that worked.",
                colors.bad,
            )
            self._mark_line(line)
            return
        text = f"Subject: {message.subject}\n\n{message.body}" if message.subject else message.body
        self.preview.setPlainText(text)
        fill = f" Asked for when writing: {', '.join(missing)}." if missing else ""
        over = f", {message.over_limit} over" if message.over_limit else ""
        self._set_status(
            f"{message.length:,} / {message.limit:,} characters{over}.{fill}",
            colors.bad if message.over_limit else colors.muted,
        )

    def _set_status(self, text: str, color: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {color};")

    def _mark_line(self, line: int) -> None:
        """Highlight the line an error is on and keep it in view."""
        block = self.source.document().findBlockByNumber(line - 1)
        if line <= 0 or not block.isValid():
            return
        selection = QTextEdit.ExtraSelection()
        # A translucent tint keeps the text readable in both the light and the dark look.
        tint = QColor(theme.current().bad)
        tint.setAlpha(70)
        selection.format.setBackground(tint)
        selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        selection.cursor = QTextCursor(block)
        self.source.setExtraSelections([selection])

    def error_line(self) -> int:
        """The line highlighted as wrong (0 when there is none), for tests and screen readers."""
        selections = self.source.extraSelections()
        return selections[0].cursor.blockNumber() + 1 if selections else 0

    # -- saving ---------------------------------------------------------------------------
    def save(self) -> None:
        template_id = self.id_edit.text().strip()
        try:
            check_id(template_id)
        except ProfileHelperError as exc:
            self.id_error.setText(exc.message)
            self.id_error.setVisible(True)
            self.id_edit.setFocus()
            return
        self.id_error.setVisible(False)
        target = self.user_dir / f"{template_id}.j2"
        # A new template must not silently replace one of the person's own files.
        if (
            self.info is None
            and target.exists()
            and not msgbox.confirm(
                self,
                "Replace template",
                f"You already have a template '{template_id}'. Replace it?",
                "Replace",
            )
        ):
            return
        try:
            save_user_template(self.user_dir, template_id, self.file_text())
            read_template(target, "user")
        except ProfileHelperError as exc:
            msgbox.show_error(self, "Cannot save the template", exc.message)
            return
        self.saved_id = template_id
        self.accept()

    def delete(self) -> None:
        if self.info is None or not msgbox.confirm(
            self,
            "Delete template",
            f"Delete your template “{self.info.title}”? This cannot be undone.",
            "Delete",
        ):
            return
        try:
            delete_user_template(self.user_dir, self.info.id)
        except ProfileHelperError as exc:
            msgbox.show_error(self, "Cannot delete the template", exc.message)
            return
        self.saved_id = self.info.id
        self.accept()
