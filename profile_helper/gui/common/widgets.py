"""Small widgets every page uses: the page header, the empty state, and a field's error line.

They are on the way to the first frame, so they name no member of Qt's namespace: its first use
from Python builds types for all of it (about 30 ms). Layout stretches place things instead of
alignment flags, and a label is centred through its property's name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtWidgets
from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox


def centre_text(label: QLabel) -> None:
    """Centre a label's text both ways (``Qt.AlignmentFlag.AlignCenter``, set by name)."""
    label.setProperty("alignment", "AlignCenter")


class PageHeader(QWidget):
    """The title and one line saying what the page is for, with room for actions on the right."""

    def __init__(self, title: str, subtitle: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = QLabel(title)
        self.title_label.setObjectName("PageTitle")
        self.subtitle_label = QLabel(subtitle)
        self.subtitle_label.setObjectName("PageSubtitle")
        self.subtitle_label.setWordWrap(True)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title_label)
        text.addWidget(self.subtitle_label)
        self.action_row = QHBoxLayout()
        self.action_row.setSpacing(8)
        # The actions stand at the bottom, level with the subtitle.
        actions = QVBoxLayout()
        actions.addStretch(1)
        actions.addLayout(self.action_row)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 8)
        row.addLayout(text, 1)
        row.addLayout(actions)

    def add_action(self, button: QPushButton) -> QPushButton:
        self.action_row.addWidget(button)
        return button


class EmptyState(QWidget):
    """What a page shows when there is nothing yet: what this is and what to do next."""

    action_clicked = Signal()

    def __init__(
        self, title: str, text: str, action: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.title_label = QLabel(title)
        self.title_label.setObjectName("EmptyTitle")
        centre_text(self.title_label)
        self.text_label = QLabel(text)
        self.text_label.setObjectName("EmptyText")
        self.text_label.setWordWrap(True)
        centre_text(self.text_label)
        # At most 440 wide, narrower in a narrow panel. Its stretch outweighs the spacers' so it
        # takes the width it may have before they do (with the spacers' weight it would get
        # only its size hint), and its wrapped height follows from that width.
        self.text_label.setMaximumWidth(440)
        self.text_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title_label)
        centered = QHBoxLayout()
        centered.addStretch(1)
        centered.addWidget(self.text_label, 1000)
        centered.addStretch(1)
        layout.addLayout(centered)
        self.button: QPushButton | None = None
        if action:
            self.button = QPushButton(action)
            self.button.setObjectName("Primary")
            self.button.clicked.connect(self.action_clicked)
            layout.addSpacing(8)
            button_row = QHBoxLayout()
            button_row.addStretch(1)
            button_row.addWidget(self.button)
            button_row.addStretch(1)
            layout.addLayout(button_row)
        layout.addStretch(2)


class FieldError(QLabel):
    """A validation message next to a field, hidden until there is one.

    Its colour comes from the theme's style sheet (``QLabel#FieldError``), so it follows a
    change of the system's colour scheme.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FieldError")
        self.setWordWrap(True)
        self.hide()

    def set_message(self, text: str) -> None:
        """Show ``text``, or hide the line when it is empty."""
        self.setText(text)
        self.setVisible(bool(text))


# The two helpers below name their Qt classes through the module when called: naming a class
# builds its Python type and enums, which a page's first frame need not wait for.


def date_edit(name: str, date: QDate | None = None) -> QDateEdit:
    """A day picker with a calendar pop-up, in the ISO form the rest of the app shows."""
    edit = QtWidgets.QDateEdit(QDate.currentDate() if date is None else date)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setAccessibleName(name)
    return edit


def dialog_buttons(
    dialog: QDialog, ok: QDialogButtonBox.StandardButton | None = None
) -> QDialogButtonBox:
    """The dialog's OK (or the ``ok`` given, Save say) and Cancel buttons, wired to accept and
    reject it."""
    standard = QtWidgets.QDialogButtonBox.StandardButton
    buttons = QtWidgets.QDialogButtonBox((ok or standard.Ok) | standard.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
