"""The Today page: follow-ups overdue, due today and in the next seven days, each one actionable.

A contact's follow-up opens the contact; an application's opens the application and offers to
write the message it calls for (a thank-you, a feedback request, a nudge).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from profile_helper.core.contacts import followups
from profile_helper.core.contacts.followup_model import FollowUp
from profile_helper.core.contacts.followup_text import (
    application_label,
    detail,
    headline,
    message_template,
)
from profile_helper.core.errors import ProfileHelperError
from profile_helper.core.today.summary import (
    HORIZON_DAYS,
    TodayData,
    due_within_horizon,
    read_today,
)
from profile_helper.gui.common import theme
from profile_helper.gui.common.changes import Change
from profile_helper.gui.common.context import AppContext
from profile_helper.gui.common.page import Page
from profile_helper.gui.common.widgets import EmptyState, date_edit, dialog_buttons
from profile_helper.gui.today.habits_panel import HabitsPanel
from profile_helper.gui.today.tray import DueTray


def _when(item: FollowUp, today: date) -> str:
    due = date.fromisoformat(item.due)
    days = (due - today).days
    if days < -1:
        return f"{-days} days overdue"
    if days == -1:
        return "since yesterday"
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    return due.strftime("%A %d %b").replace(" 0", " ")


class FollowUpRow(QFrame):
    """One follow-up: who, why, when, and the buttons to act on it."""

    done = Signal(int)
    snoozed = Signal(int, str)
    open_contact = Signal(int)
    open_application = Signal(int)
    write_message = Signal(int, str, int)
    """(application id, template id or "" for the one its status calls for, follow-up id)"""
    write_to_contact = Signal(int)

    def __init__(self, item: FollowUp, today: date, overdue: bool) -> None:
        super().__init__()
        self.item = item
        self.setObjectName("Card")
        colors = theme.current()
        title = headline(item)
        who = QLabel(title)
        who.setWordWrap(True)
        who.setStyleSheet("font-weight: 600;")
        why = QLabel(detail(item))
        why.setWordWrap(True)
        when = QLabel(_when(item, today))
        when.setStyleSheet(f"color: {colors.bad if overdue else colors.muted};")
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(who)
        text.addWidget(why)
        done = QPushButton("Done")
        done.setToolTip("Mark this follow-up done")
        done.setAccessibleName(f"Done: {title}: {item.reason}")
        done.clicked.connect(lambda: self.done.emit(item.id))
        snooze = QPushButton("Snooze")
        snooze.setToolTip("Move it to tomorrow, next week or another day")
        menu = QMenu(snooze)
        menu.addAction("Tomorrow", lambda: self.snoozed.emit(item.id, "tomorrow"))
        menu.addAction("Next week", lambda: self.snoozed.emit(item.id, "next week"))
        menu.addAction("Pick a date…", self._pick_date)
        snooze.setMenu(menu)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 10, 10, 10)
        row.addLayout(text, 1)
        row.addWidget(when)
        row.addSpacing(12)
        write = self._write_button(item, title)
        if write is not None:
            row.addWidget(write)
        row.addWidget(done)
        row.addWidget(snooze)
        if item.application_id is not None:
            application_id = item.application_id
            open_button = QPushButton("Open")
            open_button.setToolTip("Show this application on the Applications page")
            open_button.setAccessibleName(f"Open application: {application_label(item)}")
            open_button.clicked.connect(lambda: self.open_application.emit(application_id))
            row.addWidget(open_button)
        elif item.contact_id is not None:
            contact_id = item.contact_id
            open_button = QPushButton("Open")
            open_button.setToolTip("Show this contact on the Contacts page")
            open_button.clicked.connect(lambda: self.open_contact.emit(contact_id))
            row.addWidget(open_button)

    def _write_button(self, item: FollowUp, title: str) -> QPushButton | None:
        """ "Write message" on every follow-up: about the application, or to the contact."""
        write = QPushButton("Write message")
        write.setAccessibleName(f"Write message: {title}")
        if item.application_id is not None:
            application_id, template = item.application_id, message_template(item) or ""
            write.setToolTip("Write it on the Messages page, filled in for the application")
            write.clicked.connect(
                lambda: self.write_message.emit(application_id, template, item.id)
            )
        elif item.contact_id is not None:
            contact_id = item.contact_id
            write.setToolTip("Write to this person on the Messages page")
            write.clicked.connect(lambda: self.write_to_contact.emit(contact_id))
        else:
            return None
        return write

    def _pick_date(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle("Snooze until")
        edit = date_edit("Snooze until", QDate.currentDate().addDays(3))
        edit.setMinimumDate(QDate.currentDate().addDays(1))
        buttons = dialog_buttons(dialog)
        layout = QVBoxLayout(dialog)
        layout.addWidget(edit)
        layout.addWidget(buttons)
        if dialog.exec():
            self.snoozed.emit(self.item.id, edit.date().toString("yyyy-MM-dd"))


class TodayPage(Page):
    key = "today"

    open_contact_requested = Signal(int)
    open_application_requested = Signal(int)
    write_message_requested = Signal(int, str, int)
    write_to_contact_requested = Signal(int)
    """The person asked to write to the contact of a follow-up; the window opens Messages."""
    """(application id, template id, follow-up id): the window opens the Messages page."""

    REMIND_EVERY_MS = 2 * 60 * 60 * 1000
    """While the app runs, due follow-ups are brought up again this often (tests set 0)."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self._notified = False
        self.sections: dict[str, list[FollowUp]] = {}
        self.summary = QLabel()
        self.summary.setObjectName("Muted")
        self.list_widget = QWidget()
        self.list_layout = QVBoxLayout(self.list_widget)
        self.list_layout.setContentsMargins(0, 0, 8, 0)
        self.list_layout.setSpacing(8)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.list_widget)
        self.empty = EmptyState(
            "Nothing is due this week",
            "Set follow-ups on contacts (or a stay-in-touch cadence), or track your "
            "applications, and they appear here on the day. A good habit: reach out to one "
            "person a day.",
            "Go to Contacts",
        )
        self.empty.action_clicked.connect(lambda: self._navigate(None))
        # The daily habits (goals, progress, streaks) above what is due.
        self.habits = HabitsPanel(ctx)
        self.body.addWidget(self.habits)
        self.body.addWidget(self.summary)
        self.body.addWidget(scroll, 1)
        self.body.addWidget(self.empty, 1)
        self.scroll_area = scroll

        self.tray = DueTray(self)
        self.tray.activated.connect(self._bring_forward)
        ctx.data_changed.connect(self._store_changed)
        # The store is read when the page is shown (page_shown), where the window reports a
        # database that cannot be opened.
        self._rebuild(date.today())
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._remind)
        if self.REMIND_EVERY_MS:
            self._timer.start(self.REMIND_EVERY_MS)

    # -- data -----------------------------------------------------------------------------
    def due_now(self) -> list[FollowUp]:
        return self.sections.get("Overdue", []) + self.sections.get("Today", [])

    def badge(self) -> int:
        return len(self.due_now())

    def refresh(self) -> None:
        """Read what is due and show it (the habits panel reads its own on a change of them)."""
        today = date.today()
        self._show_due(due_within_horizon(self.ctx.database(), today), today)

    def _show_due(self, items: list[FollowUp], today: date) -> None:
        self.sections = {
            "Overdue": [f for f in items if f.due < today.isoformat()],
            "Today": [f for f in items if f.due == today.isoformat()],
            f"Next {HORIZON_DAYS} days": [f for f in items if f.due > today.isoformat()],
        }
        self._rebuild(today)
        count = self.badge()
        self.badge_changed.emit(count)
        overdue = len(self.sections["Overdue"])
        text = (
            "Nothing due today."
            if count == 0
            else f"{count} follow-up{'s' if count != 1 else ''} due"
            + (f", {overdue} overdue" if overdue else "")
        )
        self.summary.setText(text + f" · {len(items) - count} more this week.")
        self.status_message.emit(text)

    def show_read_ahead(self, data: TodayData) -> bool:
        """Show ``data``, read ahead of the page (``core.read_ahead``), as the page's own reading
        would; False (nothing shown) when it was read for another day (midnight passed)."""
        today = date.today()
        if data.day != today.isoformat() or data.habits_day != self.habits.today().isoformat():
            return False
        self._show(data, today)
        return True

    def _show(self, data: TodayData, today: date) -> None:
        self._show_due(data.follow_ups, today)
        self.habits.show_habits(data.goals, data.streaks)
        if not self._notified:
            # Once at start: a reminder of what is due, where the desktop has a tray.
            self._notified = True
            self.tray.notify(self.due_now())

    def _rebuild(self, today: date) -> None:
        while self.list_layout.count():
            item = self.list_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                # Hidden at once: deleteLater alone leaves it painted until the next loop.
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        colors = theme.current()
        for name, entries in self.sections.items():
            if not entries:
                continue
            heading = QLabel(f"{name}  ·  {len(entries)}")
            color = colors.bad if name == "Overdue" else colors.text
            heading.setStyleSheet(f"font-size: 15px; font-weight: 600; color: {color};")
            heading.setContentsMargins(0, 8, 0, 0)
            self.list_layout.addWidget(heading)
            for entry in entries:
                row = FollowUpRow(entry, today, name == "Overdue")
                row.done.connect(self.mark_done)
                row.snoozed.connect(self.snooze)
                row.open_contact.connect(self._navigate)
                row.open_application.connect(self.open_application_requested)
                row.write_message.connect(self.write_message_requested)
                row.write_to_contact.connect(self.write_to_contact_requested)
                self.list_layout.addWidget(row)
        self.list_layout.addStretch(1)
        anything = any(self.sections.values())
        self.scroll_area.setVisible(anything)
        self.summary.setVisible(anything)
        self.empty.setVisible(not anything)

    # -- actions --------------------------------------------------------------------------
    def mark_done(self, follow_up_id: int) -> None:
        followups.mark_done(self.ctx.database(), follow_up_id)
        self.ctx.data_changed.emit(Change.FOLLOW_UPS)

    def snooze(self, follow_up_id: int, how: str) -> None:
        due = followups.snooze(self.ctx.database(), follow_up_id, how)
        self.ctx.data_changed.emit(Change.FOLLOW_UPS)
        self.status_message.emit(f"Snoozed until {due}")

    def _navigate(self, contact_id: int | None) -> None:
        """Open the contact (or the Contacts page) through the window, if there is one."""
        if contact_id is not None:
            self.open_contact_requested.emit(contact_id)
        window = self.window()
        show_page = getattr(window, "show_page", None)
        if show_page is None:
            return
        page = show_page("contacts")
        if contact_id is not None and hasattr(page, "open_contact"):
            page.open_contact(contact_id)

    def _store_changed(self, _what: Change) -> None:
        try:
            self.refresh()
        except ProfileHelperError as exc:
            self.status_message.emit(exc.message)

    def _remind(self) -> None:
        try:
            self.refresh()
        except ProfileHelperError:
            return  # the page says what is wrong when it is shown
        self.tray.notify(self.due_now(), again=True)

    def _bring_forward(self) -> None:
        window = self.window()
        window.showNormal()
        window.raise_()
        window.activateWindow()
        show_page = getattr(window, "show_page", None)
        if show_page is not None:
            show_page("today")

    def page_shown(self) -> None:
        today = date.today()
        self._show(read_today(self.ctx.database(), today, self.habits.today()), today)
