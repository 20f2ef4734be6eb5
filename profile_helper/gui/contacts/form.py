"""The fields of one contact, with the store's validation shown next to each field."""

from __future__ import annotations

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from profile_helper.core.contacts.models import TIERS, Contact, ContactDraft, Website
from profile_helper.core.contacts.store import validate
from profile_helper.gui.common.widgets import FieldError, date_edit

_NO_DATE = QDate(1900, 1, 1)


def _split(text: str) -> list[str]:
    return [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]


class ContactForm(QWidget):
    """Edits a :class:`ContactDraft`; ``changed`` fires on every edit by the person."""

    changed = Signal()

    def __init__(self, statuses: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._websites: list[Website] = []
        self.first = self._line("First name", "e.g. Ana")
        self.last = self._line("Last name", "e.g. García")
        self.company = self._line("Company", "Where they work now")
        self.position = self._line("Position", "Their role or headline")
        self.location = self._line("Location", "City, country")
        self.emails = self._line("Emails", "Separate several with commas")
        self.phones = self._line("Phones", "Separate several with commas")
        self.url = self._line("LinkedIn profile", "linkedin.com/in/their-name")
        self.websites = self._line("Other web addresses", "Portfolio, GitHub… comma-separated")
        self.tags = self._line("Tags", "e.g. recruiter, berlin, mentor")
        self._build_relationship(statuses)
        self.how_met = self._line("How we met", "e.g. PyCon 2024, intro by Bo")
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText("Worth remembering: interests, what they need, family")
        self.notes.setAccessibleName("Notes")
        self.notes.setFixedHeight(80)
        self.notes.textChanged.connect(self._edited)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._build_form())

    def _build_relationship(self, statuses: list[str]) -> None:
        """Status, tier, stay-in-touch cadence and the day you connected."""
        self.status = QComboBox()
        self.status.setEditable(True)
        self.status.addItems(statuses)
        self.status.setAccessibleName("Status")
        self.status.setToolTip("Where you are with this person; type to add your own status")
        self.status.currentTextChanged.connect(self._edited)
        self.tier = QComboBox()
        self.tier.addItem("No tier", None)
        for number, label in TIERS.items():
            self.tier.addItem(f"{number} · {label}", number)
        self.tier.setAccessibleName("Relationship tier")
        self.tier.currentIndexChanged.connect(self._edited)
        self.cadence = QSpinBox()
        self.cadence.setRange(0, 999)
        self.cadence.setSpecialValueText("Off (or from tags)")
        self.cadence.setSuffix(" days")
        self.cadence.setAccessibleName("Stay-in-touch cadence")
        self.cadence.setToolTip(
            "Get a follow-up this many days after you last talked; logging any interaction "
            "restarts the clock"
        )
        self.cadence.valueChanged.connect(self._edited)
        self.connected = date_edit("Connected on", _NO_DATE)
        self.connected.setMinimumDate(_NO_DATE)
        self.connected.setSpecialValueText("Not connected")
        self.connected.dateChanged.connect(self._edited)

    def _build_form(self) -> QFormLayout:
        """One row a field; a field that can be refused has its error line under it."""
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setVerticalSpacing(6)
        rows = [
            ("First name", self.first, "first_name"),
            ("Last name", self.last, None),
            ("Company", self.company, None),
            ("Position", self.position, None),
            ("Location", self.location, None),
            ("Emails", self.emails, "emails"),
            ("Phones", self.phones, None),
            ("LinkedIn", self.url, "url"),
            ("Web", self.websites, None),
            ("Tags", self.tags, None),
            ("Status", self.status, None),
            ("Tier", self.tier, "tier"),
            ("Stay in touch", self.cadence, "cadence_days"),
            ("Connected on", self.connected, "connected_on"),
            ("How we met", self.how_met, None),
            ("Notes", self.notes, None),
        ]
        for label, widget, error_key in rows:
            if error_key is None:
                form.addRow(label, widget)
                continue
            error = FieldError()
            error.setStyleSheet("font-size: 12px;")
            self.errors[error_key] = error
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(widget)
            box.addWidget(error)
            form.addRow(label, box)
        return form

    def set_statuses(self, statuses: list[str]) -> None:
        """Offer these statuses (the person may still type a new one)."""
        current = self.status.currentText()
        self.status.blockSignals(True)
        self.status.clear()
        self.status.addItems(statuses)
        self.status.setCurrentText(current)
        self.status.blockSignals(False)

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.setAccessibleName(name)
        edit.setClearButtonEnabled(True)
        edit.textEdited.connect(self._edited)
        return edit

    def _edited(self, *_args: object) -> None:
        if not self._loading:
            self.changed.emit()

    def set_draft(self, contact: ContactDraft) -> None:
        self._loading = True
        try:
            self.first.setText(contact.first_name)
            self.last.setText(contact.last_name)
            self.company.setText(contact.company)
            self.position.setText(contact.position)
            self.location.setText(contact.location)
            self.emails.setText(", ".join(contact.emails))
            self.phones.setText(", ".join(contact.phones))
            self.url.setText(contact.url or "")
            self.websites.setText(", ".join(w.url for w in contact.websites))
            self.tags.setText(", ".join(contact.tags))
            self.status.setCurrentText(contact.status or "to contact")
            self.tier.setCurrentIndex(max(0, self.tier.findData(contact.tier)))
            self.cadence.setValue(contact.cadence_days or 0)
            self.connected.setDate(
                QDate.fromString(contact.connected_on, "yyyy-MM-dd")
                if contact.connected_on
                else _NO_DATE
            )
            self.how_met.setText(contact.how_met)
            self.notes.setPlainText(contact.notes)
            self._websites = contact.websites
            # Each field shows the start of a long value, not its end.
            for edit in (self.first, self.last, self.company, self.position, self.location):
                edit.setCursorPosition(0)
            for edit in (self.url, self.websites, self.emails, self.phones, self.tags):
                edit.setCursorPosition(0)
            self.how_met.setCursorPosition(0)
            self.show_errors({})
        finally:
            self._loading = False

    def draft(self, base: Contact | None = None) -> ContactDraft:
        """The fields as a draft; labels of web addresses that were kept are kept."""
        labels = {w.url: w.label for w in self._websites}
        day = self.connected.date()
        return ContactDraft(
            first_name=self.first.text().strip(),
            last_name=self.last.text().strip(),
            company=self.company.text().strip(),
            position=self.position.text().strip(),
            location=self.location.text().strip(),
            emails=_split(self.emails.text()),
            phones=_split(self.phones.text()),
            url=self.url.text().strip() or None,
            websites=[Website(u, labels.get(u, "")) for u in _split(self.websites.text())],
            tags=_split(self.tags.text()),
            status=self.status.currentText().strip() or "to contact",
            tier=self.tier.currentData(),
            cadence_days=self.cadence.value() or None,
            connected_on=None if day == _NO_DATE else day.toString("yyyy-MM-dd"),
            how_met=self.how_met.text().strip(),
            notes=self.notes.toPlainText().strip(),
            source=base.source if base else "manual",
        )

    def check(self) -> bool:
        """Validate and show each problem under its field; True when there is none."""
        problems = validate(self.draft())
        self.show_errors(problems)
        return not problems

    def show_errors(self, problems: dict[str, str]) -> None:
        for key, label in self.errors.items():
            label.setText(problems.get(key, ""))
            label.setVisible(key in problems)
        if "first_name" in problems:
            self.first.setFocus()
