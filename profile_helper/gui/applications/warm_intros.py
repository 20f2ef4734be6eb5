"""The application pane's "People you know at <company>": each with "Ask for a referral".

The people come from :func:`profile_helper.core.applications.warm_intros.contacts_at_company`;
asking opens the Messages page with the referral request for that person and application
(through the page's ``referral_requested``, joined in ``gui/app/page_links``).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from profile_helper.core.applications.warm_intros import KnownPerson

# More rows than this would push the timeline out of sight; the rest are counted.
SHOWN_MAX = 8


class KnownPeople(QWidget):
    """The contacts at the application's company, or what to do when there are none."""

    referral_requested = Signal(int)  # contact id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("People you know at the company")
        self.title = QLabel("People you know")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setContentsMargins(0, 8, 0, 0)
        self.title.setWordWrap(True)  # company names can be long
        self.empty = QLabel()
        self.empty.setObjectName("Muted")
        self.empty.setWordWrap(True)
        self.rows = QVBoxLayout()
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setSpacing(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.empty)
        layout.addLayout(self.rows)
        self.buttons: dict[int, QPushButton] = {}

    def show_people(self, company: str, people: Sequence[KnownPerson]) -> None:
        self.title.setText(f"People you know at {company}")
        self._clear()
        self.empty.setVisible(not people)
        self.empty.setText(
            f"None of your contacts works at {company}. Add the company to contacts you know "
            "there, or import your LinkedIn connections, to see who could refer you."
        )
        for person in people[:SHOWN_MAX]:
            self.rows.addWidget(self._row(person))
        if len(people) > SHOWN_MAX:
            more = QLabel(f"and {len(people) - SHOWN_MAX} more on the Contacts page")
            more.setObjectName("Muted")
            self.rows.addWidget(more)

    def _row(self, person: KnownPerson) -> QWidget:
        """The name and position over the button: the pane is narrow and names can be long."""
        row = QWidget()
        lines = QVBoxLayout(row)
        lines.setContentsMargins(0, 2, 0, 2)
        lines.setSpacing(2)
        label = QLabel(f"{person.name}" + (f" — {person.position}" if person.position else ""))
        label.setWordWrap(True)
        button = QPushButton("Ask for a referral")
        button.setToolTip(f"Write to {person.name} with the referral request for this job")
        button.setAccessibleName(f"Ask {person.name} for a referral")
        button.clicked.connect(lambda: self.referral_requested.emit(person.id))
        self.buttons[person.id] = button
        line = QHBoxLayout()
        line.addWidget(button)
        line.addStretch(1)
        lines.addWidget(label)
        lines.addLayout(line)
        return row

    def _clear(self) -> None:
        self.buttons.clear()
        while self.rows.count():
            item = self.rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                # Off the pane at once: until deleted it would keep its old place and width.
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
