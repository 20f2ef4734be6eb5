"""The detail pane of one application: facts, moves, people involved, people you know at the
company, follow-ups and timeline.

It only shows and asks; the page performs changes (``move_requested`` and the other signals),
so that the board, the table and this pane always show the store's state.
"""

from __future__ import annotations

import sqlite3
from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, QRect, Qt, Signal, SignalInstance
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from profile_helper.core.applications.events import open_follow_ups
from profile_helper.core.applications.models import Application
from profile_helper.core.applications.statuses import (
    LABELS,
    STAGES,
    STATUSES,
    TRANSITIONS,
    default_stage,
)
from profile_helper.core.applications.store import get_application, timeline
from profile_helper.core.applications.warm_intros import contacts_at_company
from profile_helper.gui.applications.model import status_color
from profile_helper.gui.applications.warm_intros import KnownPeople
from profile_helper.gui.common.widgets import date_edit


class ApplicationDetail(QScrollArea):
    """Everything about one application, with the actions a person takes on it."""

    move_requested = Signal(int, str, str, str)  # id, status, day, stage ("" for none)
    write_message_requested = Signal(int)
    audit_job_requested = Signal(str)
    edit_requested = Signal(int)
    delete_requested = Signal(int)
    add_person_requested = Signal(int)
    remove_person_requested = Signal(int, int)
    referral_requested = Signal(int, int)  # application id, contact id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(340)
        self.setAccessibleName("Application details")
        self.app: Application | None = None
        self._build_summary()
        actions = self._build_actions()
        move = self._build_move()
        people_buttons = self._build_people()
        self.follow_ups = QListWidget()
        self.follow_ups.setAccessibleName("Open follow-ups")
        self.timeline = QListWidget()
        self.timeline.setAccessibleName("Timeline")
        self.timeline.setMinimumHeight(120)
        for listing in (self.people, self.follow_ups, self.timeline):
            listing.setWordWrap(True)
            listing.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for listing in (self.people, self.follow_ups):
            listing.installEventFilter(self)

        inner = QWidget()
        box = QVBoxLayout(inner)
        box.setContentsMargins(16, 4, 8, 8)
        box.setSpacing(8)
        for widget in (self.role, self.company, self.status, self.facts):
            box.addWidget(widget)
        box.addLayout(actions)
        box.addWidget(self._section("Status"))
        box.addLayout(move)
        box.addWidget(self._section("People involved"))
        box.addWidget(self.people)
        box.addLayout(people_buttons)
        self.known = KnownPeople()
        self.known.referral_requested.connect(self._ask_referral)
        box.addWidget(self.known)
        box.addWidget(self._section("Next follow-ups"))
        box.addWidget(self.follow_ups)
        box.addWidget(self._section("Timeline"))
        box.addWidget(self.timeline, 1)
        box.addLayout(self._build_edit_buttons())
        self.setWidget(inner)

    # -- building -------------------------------------------------------------------------
    def _build_summary(self) -> None:
        """Role, company, status and the facts (dates, salary, source, link)."""
        self.role = QLabel()
        self.role.setObjectName("DetailTitle")
        self.role.setWordWrap(True)
        font = self.role.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.role.setFont(font)
        self.company = QLabel()
        self.company.setWordWrap(True)
        self.status = QLabel()
        self.status.setAccessibleName("Status")
        self.facts = QLabel()
        self.facts.setObjectName("Muted")
        self.facts.setWordWrap(True)
        self.facts.setOpenExternalLinks(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)

    def _build_actions(self) -> QHBoxLayout:
        self.write_button = QPushButton("Write message")
        self.write_button.setObjectName("Primary")
        self.write_button.setToolTip("Write to the people involved from a template (Ctrl+M)")
        self.write_button.setShortcut("Ctrl+M")
        self.write_button.clicked.connect(self._write)
        self.audit_button = QPushButton("Audit against this job")
        self.audit_button.setToolTip("Open the Audit page with this job description")
        self.audit_button.clicked.connect(self._audit)
        actions = QHBoxLayout()
        actions.addWidget(self.write_button)
        actions.addWidget(self.audit_button)
        actions.addStretch(1)
        return actions

    def _build_move(self) -> QGridLayout:
        """Move to which status, on which day, and for a rejection at which stage."""
        self.move_to = QComboBox()
        self.move_to.setAccessibleName("Move to status")
        self.move_to.currentIndexChanged.connect(self._move_choice_changed)
        self.move_on = date_edit("Day of the change")
        self.move_on.setToolTip("When it happened; for an interview, the day of the interview")
        self.stage = QComboBox()
        self.stage.setAccessibleName("Stage of the rejection")
        self.stage.setToolTip(
            "Where it stopped. After an interview a feedback request is set; an automated "
            "rejection gets none."
        )
        for stage in STAGES:
            self.stage.addItem(f"at {stage}", stage)
        self.move_button = QPushButton("Move")
        self.move_button.clicked.connect(self._move)
        # The stage has a row of its own: beside the status it widened the pane past the window.
        self.stage_label = QLabel("Stage")
        self.stage_label.setBuddy(self.stage)
        move = QGridLayout()
        move.addWidget(QLabel("Move to"), 0, 0)
        move.addWidget(self.move_to, 0, 1)
        move.addWidget(self.stage_label, 1, 0)
        move.addWidget(self.stage, 1, 1)
        move.addWidget(QLabel("on"), 2, 0)
        move.addWidget(self.move_on, 2, 1)
        move.addWidget(self.move_button, 2, 2)
        move.setColumnStretch(1, 1)
        return move

    def _build_people(self) -> QHBoxLayout:
        self.people = QListWidget()
        self.people.setAccessibleName("People involved")
        self.add_person = QPushButton("Add person…")
        self.add_person.clicked.connect(lambda: self._emit_id(self.add_person_requested))
        self.remove_person = QPushButton("Remove")
        self.remove_person.setToolTip("Take the selected person off this application")
        self.remove_person.clicked.connect(self._remove_person)
        people_buttons = QHBoxLayout()
        people_buttons.addWidget(self.add_person)
        people_buttons.addWidget(self.remove_person)
        people_buttons.addStretch(1)
        return people_buttons

    def _build_edit_buttons(self) -> QHBoxLayout:
        edit = QPushButton("Edit…")
        edit.clicked.connect(lambda: self._emit_id(self.edit_requested))
        delete = QPushButton("Delete…")
        delete.clicked.connect(lambda: self._emit_id(self.delete_requested))
        bottom = QHBoxLayout()
        bottom.addWidget(edit)
        bottom.addWidget(delete)
        bottom.addStretch(1)
        return bottom

    @staticmethod
    def _section(text: str) -> QLabel:
        label = QLabel(text)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        label.setContentsMargins(0, 8, 0, 0)
        return label

    # -- showing --------------------------------------------------------------------------
    def show_application(self, conn: sqlite3.Connection, application_id: int) -> None:
        app = get_application(conn, application_id)
        self.app = app
        self._show_summary(app)
        self._show_moves(app)
        self._show_people(app)
        self._show_follow_ups(conn, application_id)
        self.known.show_people(app.company, contacts_at_company(conn, app.company))
        self._fit_lists()
        self.timeline.clear()
        for event in timeline(conn, application_id):
            self.timeline.addItem(QListWidgetItem(f"{event.occurred_on}   {event.describe()}"))

    def _show_summary(self, app: Application) -> None:
        self.role.setText(app.role)
        self.company.setText(app.company)
        color = status_color(app.status).name()
        label = LABELS[app.status]
        if app.rejected_stage:
            label += f" at the {app.rejected_stage} stage"
        self.status.setText(f'<span style="color:{color}; font-weight:600">● {label}</span>')
        self.facts.setText(" · ".join(self._facts(app)))
        self.audit_button.setEnabled(bool(app.job_text.strip()))
        self.audit_button.setToolTip(
            "Open the Audit page with this job description"
            if app.job_text.strip()
            else "Add the job description (Edit…) to audit your profile against it"
        )

    @staticmethod
    def _facts(app: Application) -> list[str]:
        """What is known of the application, in the order a person scans it."""
        facts = []
        if app.applied_on:
            facts.append(f"Applied {app.applied_on}")
        if app.interview_on:
            facts.append(f"Interview {app.interview_on}")
        if app.salary:
            facts.append(app.salary)
        if app.source:
            facts.append(f"via {app.source}")
        if app.url:
            facts.append(f'<a href="{app.url}">Posting</a>')
        return facts

    def _show_moves(self, app: Application) -> None:
        """The statuses it can move to from where it is; none once it is closed."""
        self.move_to.blockSignals(True)
        self.move_to.clear()
        for status in STATUSES:
            if status in TRANSITIONS[app.status]:
                label = "Another interview" if status == app.status else LABELS[status]
                self.move_to.addItem(label, status)
        self.move_to.blockSignals(False)
        closed = self.move_to.count() == 0
        self.move_to.setEnabled(not closed)
        self.move_button.setEnabled(not closed)
        self.move_on.setEnabled(not closed)
        self.move_on.setDate(QDate.currentDate())
        self.stage.setCurrentIndex(STAGES.index(default_stage(app.status)))
        self._move_choice_changed()

    def _show_people(self, app: Application) -> None:
        self.people.clear()
        for person in app.contacts:
            item = QListWidgetItem(f"{person.name} — {person.role}")
            item.setData(Qt.ItemDataRole.UserRole, person.contact_id)
            item.setToolTip(", ".join(p for p in (person.position, person.company) if p))
            self.people.addItem(item)
        if not app.contacts:
            self.people.addItem(QListWidgetItem("No one yet: add the recruiter or interviewers"))
        self.remove_person.setEnabled(bool(app.contacts))

    def _show_follow_ups(self, conn: sqlite3.Connection, application_id: int) -> None:
        self.follow_ups.clear()
        today = date.today().isoformat()
        for row in open_follow_ups(conn, application_id):
            item = QListWidgetItem(f"{row['due']}  {row['reason']}")
            if row["due"] < today:
                item.setForeground(status_color("rejected"))
            self.follow_ups.addItem(item)
        if self.follow_ups.count() == 0:
            self.follow_ups.addItem(QListWidgetItem("Nothing to do for now"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A list given a new width wraps its rows onto more or fewer lines: fit its height again.
        if event.type() == QEvent.Type.Resize and watched in (self.people, self.follow_ups):
            assert isinstance(event, QResizeEvent)
            if event.size().width() != event.oldSize().width():
                self._fit_lists()
        return super().eventFilter(watched, event)

    def _fit_lists(self) -> None:
        self._fit(self.people, 4)
        self._fit(self.follow_ups, 3)

    @staticmethod
    def _fit(listing: QListWidget, most: int) -> None:
        """As tall as its first ``most`` rows, each wrapped to the list's width: short lists
        leave room to the timeline, and a long follow-up is read in full."""
        metrics = listing.fontMetrics()
        # Besides the text: the item's padding, and room for a scroll bar, which would narrow
        # the rows (and make them taller) if it came.
        bar = listing.verticalScrollBar()
        # The list's own width: its viewport is resized only after the list.
        inside = listing.width() - 2 * listing.frameWidth()
        room = inside - bar.sizeHint().width()
        width = max(40, room - 16)
        wrap = Qt.TextFlag.TextWordWrap
        rows = [listing.item(i).text() for i in range(min(listing.count(), most))] or [""]
        height = sum(
            metrics.boundingRect(QRect(0, 0, width, 10_000), wrap, text).height() + 8
            for text in rows
        )
        listing.setFixedHeight(height + 2 * listing.frameWidth() + 4)

    def timeline_texts(self) -> list[str]:
        return [self.timeline.item(i).text() for i in range(self.timeline.count())]

    # -- actions --------------------------------------------------------------------------
    def _emit_id(self, signal: SignalInstance) -> None:
        if self.app is not None:
            signal.emit(self.app.id)

    def _write(self) -> None:
        if self.app is not None:
            self.write_message_requested.emit(self.app.id)

    def _audit(self) -> None:
        if self.app is not None and self.app.job_text.strip():
            self.audit_job_requested.emit(self.app.job_text)

    def _ask_referral(self, contact_id: int) -> None:
        if self.app is not None:
            self.referral_requested.emit(self.app.id, contact_id)

    def _move_choice_changed(self) -> None:
        rejected = self.move_to.currentData() == "rejected"
        self.stage.setVisible(rejected)
        self.stage_label.setVisible(rejected)

    def _move(self) -> None:
        if self.app is None or self.move_to.currentData() is None:
            return
        status = str(self.move_to.currentData())
        stage = str(self.stage.currentData()) if status == "rejected" else ""
        day = self.move_on.date().toString("yyyy-MM-dd")
        self.move_requested.emit(self.app.id, status, day, stage)

    def _remove_person(self) -> None:
        item = self.people.currentItem() or (self.people.item(0) if self.people.count() else None)
        if self.app is None or item is None or item.data(Qt.ItemDataRole.UserRole) is None:
            return
        self.remove_person_requested.emit(self.app.id, int(item.data(Qt.ItemDataRole.UserRole)))
