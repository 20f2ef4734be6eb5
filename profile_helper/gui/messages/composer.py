"""The message being written: variables, live preview, counter, and what to do with it.

The text is rendered again whenever an input changes, until the person edits it by hand; from
then on their words are kept and "Reset to template" brings the rendered text back. Variables
still missing show as ``[name]`` in the text and block sending until they are filled.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from profile_helper.core.errors import ProfileHelperError
from profile_helper.core.templates.catalog import TemplateInfo
from profile_helper.core.templates.channels import CHANNEL_LABELS, CHANNELS, RenderedMessage
from profile_helper.core.templates.context import build_context, variable_label
from profile_helper.core.templates.render import (
    NoSignatureError,
    placeholder,
    render_draft,
    unfilled_variables,
)
from profile_helper.gui.common import msgbox, theme
from profile_helper.gui.common.widgets import FieldError
from profile_helper.gui.messages.variable_form import VariableForm


def mailto_url(to: str, subject: str, body: str) -> QUrl:
    """A ``mailto:`` link with the subject and body, every character percent-encoded."""
    query = f"subject={quote(subject, safe='')}&body={quote(body, safe='')}"
    return QUrl.fromEncoded(f"mailto:{quote(to, safe='@')}?{query}".encode("ascii"))


class MessageComposer(QWidget):
    """Writes one message; emits ``mark_sent_requested`` when the person says it went out."""

    mark_sent_requested = Signal()
    status_message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info: TemplateInfo | None = None
        self.contact: dict[str, Any] | None = None
        self.job: dict[str, Any] | None = None
        self.profile: dict[str, Any] = {}
        self.premium = False
        self.missing: list[str] = []
        self.message: RenderedMessage | None = None
        self._edited = False
        self._updating = False
        self._build()

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.form = VariableForm()
        self.form.values_changed.connect(self.refresh_preview)
        details = QGroupBox("Details to fill in")
        box = QVBoxLayout(details)
        box.addWidget(self.form)
        top = self._build_editors()
        actions = self._build_actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(details)
        layout.addLayout(top)
        layout.addWidget(self.subject)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.problem)
        layout.addLayout(actions)
        self._update_actions()

    def _build_editors(self) -> QHBoxLayout:
        """The channel and the length above the subject and the text; returns the top row."""
        self.channel = QComboBox()
        self.channel.setAccessibleName("Channel")
        self.channel.setToolTip("Where the message goes; the length limit follows it")
        for channel in CHANNELS:
            self.channel.addItem(CHANNEL_LABELS[channel], channel)
        self.channel.currentIndexChanged.connect(lambda _i: self.refresh_preview())
        self.subject = QLineEdit()
        self.subject.setPlaceholderText("Subject")
        self.subject.setAccessibleName("Subject")
        self.subject.textEdited.connect(self._on_edited)
        self.body = QPlainTextEdit()
        self.body.setAccessibleName("Message text")
        self.body.setPlaceholderText("Pick a template on the left to start a message.")
        self.body.textChanged.connect(self._on_body_changed)
        self.counter = QLabel()
        self.counter.setAccessibleName("Length")
        self.problem = FieldError()
        top = QHBoxLayout()
        top.addWidget(QLabel("Channel"))
        top.addWidget(self.channel)
        top.addStretch(1)
        top.addWidget(self.counter)
        return top

    def _build_actions(self) -> QHBoxLayout:
        self.reset_button = QPushButton("Reset to template")
        self.reset_button.setToolTip("Throw away your edits and show the template's text again")
        self.reset_button.clicked.connect(self.reset_text)
        self.reset_button.setVisible(False)

        self.copy_button = QPushButton("Copy")
        self.copy_button.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.copy_button.setToolTip("Copy the message to the clipboard (Ctrl+Shift+C)")
        self.copy_button.clicked.connect(self.copy)
        self.email_button = QPushButton("Open in email")
        self.email_button.setToolTip("Open your email program with the subject and text")
        self.email_button.clicked.connect(self.open_email)
        self.sent_button = QPushButton("Mark as sent")
        self.sent_button.setObjectName("Primary")
        self.sent_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.sent_button.setToolTip(
            "Log it on the contact's timeline and schedule the next follow-up (Ctrl+Enter)"
        )
        self.sent_button.clicked.connect(self.request_mark_sent)
        actions = QHBoxLayout()
        actions.addWidget(self.reset_button)
        actions.addStretch(1)
        actions.addWidget(self.copy_button)
        actions.addWidget(self.email_button)
        actions.addWidget(self.sent_button)
        return actions

    # -- inputs ---------------------------------------------------------------------------
    def set_template(self, info: TemplateInfo | None) -> None:
        self.info = info
        self._edited = False
        if info is not None:
            self._updating = True
            self.channel.setCurrentIndex(max(0, self.channel.findData(info.channel)))
            self._updating = False
        self._refresh_fields()

    def set_contact(self, contact: dict[str, Any] | None) -> None:
        self.contact = contact
        self._refresh_fields()

    def set_job(self, job: dict[str, Any] | None) -> None:
        """The application the message is about (company, role, stage), or None."""
        self.job = job
        self._refresh_fields()

    def set_profile(self, profile: dict[str, Any], premium: bool) -> None:
        self.profile = profile
        self.premium = premium
        self._refresh_fields()

    def current_channel(self) -> str:
        return str(self.channel.currentData())

    def _base_context(self) -> dict[str, Any]:
        return build_context(self.contact, self.profile, self.job, {})

    def _refresh_fields(self) -> None:
        names: list[str] = []
        if self.info is not None:
            try:
                names = unfilled_variables(self.info, self._base_context())
            except ProfileHelperError:
                names = []  # the template itself is broken; refresh_preview() says how
        self.form.set_fields(names)
        self.refresh_preview()

    # -- rendering ------------------------------------------------------------------------
    def refresh_preview(self) -> None:
        """Render the template with what is known, ``[name]`` for what is still missing."""
        if self._updating:
            return
        self.missing = []
        self.message = None
        problem = ""
        if self.info is not None:
            try:
                self.message, self.missing = render_draft(
                    self.info,
                    self.contact,
                    self.profile,
                    self.form.values(),
                    job=self.job,
                    channel=self.current_channel(),
                    premium=self.premium,
                )
            except NoSignatureError as exc:
                problem = exc.gui_message
            except ProfileHelperError as exc:
                problem = exc.message
        if self.missing:
            problem = "Fill in " + ", ".join(f"“{variable_label(n)}”" for n in self.missing)
            if "me.name" in self.missing:
                problem += " (set your name once in Settings › Your profile)"
        self.form.mark_required(set(self.missing))
        if self.message is not None and not self._edited:
            self._show_text(self.message.subject, self.message.body)
        self._show_problem(problem)
        self._update_counter()
        self._update_actions()

    def _show_text(self, subject: str, body: str) -> None:
        self._updating = True
        self.subject.setText(subject)
        self.body.setPlainText(body)
        self._updating = False

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def _on_body_changed(self) -> None:
        if not self._updating:
            self._on_edited()
        self._update_counter()
        self._update_actions()

    def _on_edited(self, _text: str = "") -> None:
        if self._updating or self.info is None:
            return
        self._edited = True
        self.reset_button.setVisible(True)
        self._update_counter()

    def reset_text(self) -> None:
        self._edited = False
        self.reset_button.setVisible(False)
        self.refresh_preview()

    # -- the counter and the actions ------------------------------------------------------
    def text(self) -> tuple[str, str]:
        """The subject and body as they stand now, edits included."""
        return self.subject.text().strip(), self.body.toPlainText().strip()

    def limit(self) -> int:
        return self.message.limit if self.message is not None else 0

    def _update_counter(self) -> None:
        has_subject = self.message is not None and self.message.subject_limit is not None
        self.subject.setVisible(has_subject)
        if self.message is None:
            self.counter.setText("")
            return
        length, limit = len(self.text()[1]), self.message.limit
        colors = theme.current()
        if length > limit:
            color, note = colors.bad, f" · {length - limit} over"
        elif length > limit * 0.9:
            color, note = colors.warn, ""
        else:
            color, note = colors.muted, ""
        self.counter.setText(f"{length:,} / {limit:,} characters{note}")
        self.counter.setStyleSheet(f"color: {color}; font-weight: 600;")
        self.counter.setToolTip(f"{CHANNEL_LABELS[self.message.channel]}: at most {limit:,}")

    def ready(self) -> bool:
        """A message to send: rendered, not empty, no ``[placeholder]`` left in it."""
        subject, body = self.text()
        placeholders = [placeholder(name) for name in self.missing]
        return (
            self.message is not None
            and bool(body)
            and not any(p in subject or p in body for p in placeholders)
        )

    def _update_actions(self) -> None:
        ready = self.ready()
        why = "" if ready else "Pick a template and fill in the details first"
        for button in (self.copy_button, self.email_button):
            button.setEnabled(ready)
        # A message about an application is logged on it even when no contact is named.
        where = (
            "the contact's timeline"
            if self.contact is not None
            else "the application's timeline"
            if self.job is not None
            else ""
        )
        self.sent_button.setEnabled(ready and bool(where))
        self.sent_button.setToolTip(
            f"Log it on {where} and schedule the next follow-up (Ctrl+Enter)"
            if ready and where
            else why or "Choose a contact to log the message on"
        )
        self.email_button.setVisible(self.current_channel() == "email")

    def over_limit(self) -> int:
        """How many characters the body has beyond the channel's limit (0 when it fits)."""
        return max(0, len(self.text()[1]) - self.limit()) if self.message is not None else 0

    def _fits_or_confirmed(self, doing: str) -> bool:
        """True when the message fits, or the person confirms going ahead with a longer one."""
        over = self.over_limit()
        if not over or self.message is None:
            return True
        channel = CHANNEL_LABELS[self.message.channel]
        return msgbox.confirm(
            self,
            "Message too long",
            f"This message is {over:,} characters over the {self.limit():,} a {channel} allows: "
            "LinkedIn will not send it as it is. Shorten it, or go on anyway?",
            f"{doing} anyway",
        )

    def copy(self) -> None:
        if not self._fits_or_confirmed("Copy"):
            return
        subject, body = self.text()
        QGuiApplication.clipboard().setText(f"Subject: {subject}\n\n{body}" if subject else body)
        length = len(body)
        self.status_message.emit(
            f"Message copied to the clipboard ({length:,} / {self.limit():,} characters)"
        )

    def request_mark_sent(self) -> None:
        """Ask to log the message as sent, after a warning when it is over the limit."""
        if self._fits_or_confirmed("Mark as sent"):
            self.mark_sent_requested.emit()

    def open_email(self) -> None:
        subject, body = self.text()
        to = str((self.contact or {}).get("email") or "")
        if not QDesktopServices.openUrl(mailto_url(to, subject, body)):
            self.status_message.emit("No email program is set up to open mailto: links")
