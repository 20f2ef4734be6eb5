"""The Applications page: a table, a board and statistics, with the detail of the one selected."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QWidget,
)

from profile_helper.core.applications.events import change_status, new_application, undo_last_change
from profile_helper.core.applications.statuses import LABELS
from profile_helper.core.applications.store import (
    ApplicationQuery,
    add_contacts,
    delete_application,
    get_application,
    list_applications,
    remove_contact,
    update_application,
)
from profile_helper.core.errors import ProfileHelperError
from profile_helper.gui.applications.board import ApplicationsBoard
from profile_helper.gui.applications.detail import ApplicationDetail
from profile_helper.gui.applications.edit_dialog import ApplicationDialog
from profile_helper.gui.applications.model import ID_ROLE, SORT_ROLE, ApplicationsModel
from profile_helper.gui.applications.people import AddPersonDialog, contact_choices
from profile_helper.gui.applications.stats import StatisticsView
from profile_helper.gui.common import msgbox, theme
from profile_helper.gui.common.changes import Change
from profile_helper.gui.common.columns import Column, FittedColumns
from profile_helper.gui.common.context import AppContext
from profile_helper.gui.common.page import Page
from profile_helper.gui.common.widgets import EmptyState

VIEWS = ("table", "board", "statistics")


class ApplicationsPage(Page):
    key = "applications"

    write_message_requested = Signal(int)
    referral_requested = Signal(int, int)  # application id, contact id
    audit_job_requested = Signal(str)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.selected_id: int | None = None
        self._undo_id: int | None = None
        self._build_add_button()
        bar = self._build_toolbar()
        self.model = ApplicationsModel(self)
        self._build_table()
        self._build_views()
        self._build_detail()
        self._build_body(bar)
        ctx.data_changed.connect(self._data_changed)
        # The database is read when the page is shown, never while it is built.
        self._loaded = False
        self.set_view(str(ctx.view_settings().value("applications/view", "board")), load=False)

    # -- building -------------------------------------------------------------------------
    def _build_add_button(self) -> None:
        add = QPushButton(theme.icon("plus", theme.current().accent_text, 32), "Add application")
        add.setObjectName("Primary")
        add.setToolTip("Add an application; paste the job description to fill it in (Ctrl+N)")
        add.setShortcut(QKeySequence.StandardKey.New)
        add.clicked.connect(self.add_application)
        self.header.add_action(add)

    def _build_toolbar(self) -> QHBoxLayout:
        """The view switch, the undo of the last move and the search, in one row."""
        self.view_buttons: dict[str, QPushButton] = {}
        group = QButtonGroup(self)
        bar = QHBoxLayout()
        bar.setSpacing(6)
        for number, view in enumerate(VIEWS, start=1):
            button = QPushButton(view.capitalize())
            button.setObjectName("Segment")
            button.setCheckable(True)
            button.setToolTip(f"Show the {view} (Alt+{number})")
            button.clicked.connect(lambda _=False, v=view: self._guarded(self.set_view, v))
            QShortcut(
                QKeySequence(f"Alt+{number}"), self, lambda v=view: self._guarded(self.set_view, v)
            ).setWhatsThis(f"Show the {view}")
            group.addButton(button)
            bar.addWidget(button)
            self.view_buttons[view] = button
        bar.addSpacing(12)
        self.undo_button = QPushButton("Undo move")
        self.undo_button.setToolTip("Put the application back where it was (Ctrl+Z)")
        self.undo_button.clicked.connect(self.undo_move)
        self.undo_button.hide()
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo_move).setWhatsThis(
            "Undo the last move"
        )
        bar.addWidget(self.undo_button)
        bar.addStretch(1)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search company, role, notes")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search applications")
        self.search.setMaximumWidth(300)
        self.search.textChanged.connect(lambda _text: self._guarded(self.reload))
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus).setWhatsThis(
            "Search applications"
        )
        bar.addWidget(self.search)
        return bar

    def _build_table(self) -> None:
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("Applications")
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Company, role, status, applied, last change, people: on a narrow window the company,
        # role and status stay, the rest show in the detail panel.
        self.columns = FittedColumns(
            self.table,
            [Column(120, 3), Column(140, 4), Column(110, 2), Column(90), Column(110), Column(70)],
            keep_first=[0, 1, 2, 4, 3, 5],
        )
        self.table.selectionModel().currentRowChanged.connect(self._table_row_changed)

    def _build_views(self) -> None:
        """The table, the board and (on first use) the statistics, one shown at a time."""
        self.board = ApplicationsBoard()
        self.board.status_change_requested.connect(self._dropped)
        self.board.application_selected.connect(self.select)
        # The statistics (and their imports) are built the first time they are shown.
        self._stats: StatisticsView | None = None
        self.views = QStackedWidget()
        self.views.addWidget(self.table)
        self.views.addWidget(self.board)
        self._stats_placeholder = QWidget()
        self.views.addWidget(self._stats_placeholder)

    def _build_detail(self) -> None:
        self.detail = ApplicationDetail()
        self.detail.move_requested.connect(self._move_from_detail)
        self.detail.write_message_requested.connect(self.write_message_requested)
        self.detail.referral_requested.connect(self.referral_requested)
        self.detail.audit_job_requested.connect(self.audit_job_requested)
        self.detail.edit_requested.connect(self.edit_application)
        self.detail.delete_requested.connect(self.delete_selected)
        self.detail.add_person_requested.connect(self.add_person)
        self.detail.remove_person_requested.connect(self._remove_person)
        self.detail.hide()

    def _build_body(self, bar: QHBoxLayout) -> None:
        """The views beside the detail, or the empty state before the first application."""
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.views)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([700, 340])
        self.content = QWidget()
        content = QHBoxLayout(self.content)
        content.setContentsMargins(0, 0, 0, 0)
        content.addWidget(self.splitter)
        self.empty = EmptyState(
            "No applications yet",
            "Add each job you apply to: the app reminds you to follow up after a week, to thank "
            "your interviewers the next day and to ask for feedback after a rejection.",
            "Add application",
        )
        self.empty.action_clicked.connect(self.add_application)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.content)
        # The views and the search mean nothing before the first application: hidden till then.
        self.toolbar = QWidget()
        self.toolbar.setLayout(bar)
        bar.setContentsMargins(0, 0, 0, 0)
        self.body.addWidget(self.toolbar)
        self.body.addWidget(self.stack, 1)

    # -- loading --------------------------------------------------------------------------
    def _guarded(self, action: Callable[..., object], *args: object) -> None:
        """Run what a click asked for; a database that cannot be used is a plain message."""
        try:
            action(*args)
        except ProfileHelperError as exc:
            msgbox.show_error(self, self.title, exc.message)

    def page_shown(self) -> None:
        self.reload()

    def _data_changed(self, source: Change) -> None:
        if source != Change.APPLICATIONS and self._loaded:
            self.reload()

    def reload(self) -> None:
        conn = self.ctx.database()
        self._loaded = True
        apps = list_applications(conn, ApplicationQuery(search=self.search.text()))
        has_any = bool(apps) or bool(self.search.text().strip())
        self.stack.setCurrentWidget(self.content if has_any else self.empty)
        self.toolbar.setVisible(has_any)
        self.model.set_applications(apps)
        self.board.set_applications(apps)
        if self.current_view() == "statistics":
            self.stats.refresh(conn)
        if self.selected_id is not None and self.model.row_of(self.selected_id) >= 0:
            self.select(self.selected_id)
        else:
            self.selected_id = None
            self.detail.hide()

    def set_view(self, view: str, *, load: bool = True) -> None:
        if view not in VIEWS:
            view = "board"
        self.view_buttons[view].setChecked(True)
        if view == "statistics":
            self._build_stats()  # before it is shown
        self.views.setCurrentIndex(VIEWS.index(view))
        self.detail.setVisible(view != "statistics" and self.selected_id is not None)
        if view == "statistics" and load:
            self.stats.refresh(self.ctx.database())
        settings = self.ctx.view_settings()
        if settings.value("applications/view") != view:
            settings.setValue("applications/view", view)

    @property
    def stats(self) -> StatisticsView:
        """The statistics view, built on first use: its charts and sums cost start-up time."""
        return self._build_stats()

    def _build_stats(self) -> StatisticsView:
        if self._stats is None:
            self._stats = StatisticsView()
            self.views.insertWidget(VIEWS.index("statistics"), self._stats)
            self.views.removeWidget(self._stats_placeholder)
            self._stats_placeholder.deleteLater()
        return self._stats

    def current_view(self) -> str:
        return VIEWS[self.views.currentIndex()]

    # -- selection ------------------------------------------------------------------------
    def select(self, application_id: int) -> None:
        self.selected_id = application_id
        self.detail.show_application(self.ctx.database(), application_id)
        self.detail.setVisible(self.current_view() != "statistics")
        row = self.model.row_of(application_id)
        if row >= 0:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if self.table.currentIndex().row() != index.row():
                self.table.selectRow(index.row())
        if self.board.column_of(application_id) is not None:
            self.board.select(application_id)

    def open_application(self, application_id: int) -> None:
        """Show this application (the Today page's "Open"), whatever the search or view hid."""
        self._guarded(self._open, application_id)

    def _open(self, application_id: int) -> None:
        get_application(self.ctx.database(), application_id)  # a clear error if it is gone
        if self.search.text():
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
        if self.current_view() == "statistics":
            self.set_view("board", load=False)
        self.selected_id = application_id
        self.reload()

    def _table_row_changed(self, current: object, _previous: object) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            app_id = int(self.proxy.data(index, ID_ROLE))
            if app_id != self.selected_id:
                self.select(app_id)

    # -- changes --------------------------------------------------------------------------
    def _dropped(self, application_id: int, status: str) -> None:
        self.move_application(application_id, status)

    def _move_from_detail(self, application_id: int, status: str, day: str, stage: str) -> None:
        self.move_application(application_id, status, day, stage or None)

    def move_application(
        self,
        application_id: int,
        status: str,
        day: str | None = None,
        stage: str | None = None,
    ) -> bool:
        """Change the status, tell the person what follow-ups it set; ``False`` if refused."""
        conn = self.ctx.database()
        try:
            change = change_status(conn, application_id, status, on=day, stage=stage)
        except ProfileHelperError as exc:
            self.status_message.emit(exc.message)
            msgbox.show_error(self, "Cannot move this application", exc.message)
            self.reload()
            return False
        app = get_application(conn, application_id)
        text = f"{app.role} at {app.company}: {LABELS[app.status].lower()}"
        if app.rejected_stage:
            text += f" at the {app.rejected_stage} stage"
        if change.follow_up_ids:
            marks = ", ".join("?" * len(change.follow_up_ids))
            dues = conn.execute(
                f"SELECT reason, due FROM follow_ups WHERE id IN ({marks}) ORDER BY due",
                change.follow_up_ids,
            ).fetchall()
            text += ". " + "; ".join(f"{r[0].split(':')[0]} on {r[1]}" for r in dues[:2])
        self.selected_id = application_id
        self._undo_id = application_id
        self.undo_button.setToolTip(f"Put {app.role} at {app.company} back where it was (Ctrl+Z)")
        self.undo_button.show()
        self.status_message.emit(text)
        self.ctx.data_changed.emit(Change.APPLICATIONS)
        self.reload()
        return True

    def undo_move(self) -> None:
        """Take back the last move made on this page."""
        if self._undo_id is None:
            return
        app_id, self._undo_id = self._undo_id, None
        self.undo_button.hide()
        try:
            restored = undo_last_change(self.ctx.database(), app_id)
        except ProfileHelperError as exc:
            msgbox.show_error(self, "Cannot undo", exc.message)
            return
        self.selected_id = app_id
        self.status_message.emit(f"Moved back to {LABELS[restored].lower()}")
        self.ctx.data_changed.emit(Change.APPLICATIONS)
        self.reload()

    def add_application(self) -> None:
        dialog = ApplicationDialog(self)
        if dialog.exec():
            self.save_new(dialog)

    def save_new(self, dialog: ApplicationDialog) -> int | None:
        try:
            app_id = new_application(
                self.ctx.database(), dialog.draft(), applied_on=dialog.applied_day()
            )
        except ProfileHelperError as exc:
            msgbox.show_error(self, "Cannot add this application", exc.message)
            return None
        self.selected_id = app_id
        self.ctx.data_changed.emit(Change.APPLICATIONS)
        self.reload()
        self.status_message.emit(
            f"Added {dialog.draft().role.strip()} at {dialog.draft().company.strip()}"
        )
        return app_id

    def edit_application(self, application_id: int) -> None:
        conn = self.ctx.database()
        dialog = ApplicationDialog(self, get_application(conn, application_id))
        if not dialog.exec():
            return
        try:
            update_application(conn, application_id, dialog.draft())
        except ProfileHelperError as exc:
            msgbox.show_error(self, "Cannot save this application", exc.message)
            return
        self.ctx.data_changed.emit(Change.APPLICATIONS)
        self.reload()

    def delete_selected(self, application_id: int) -> None:
        conn = self.ctx.database()
        app = get_application(conn, application_id)
        if not msgbox.confirm(
            self,
            "Delete application",
            f"Delete {app.role} at {app.company}, its timeline and its follow-ups? "
            "This cannot be undone.",
            "Delete",
        ):
            return
        delete_application(conn, application_id)
        self.selected_id = None
        self.ctx.data_changed.emit(Change.APPLICATIONS)
        self.reload()

    def add_person(self, application_id: int) -> None:
        conn = self.ctx.database()
        app = get_application(conn, application_id)
        dialog = AddPersonDialog(contact_choices(conn), app.company, self)
        if not dialog.exec() or (chosen := dialog.selected()) is None:
            return
        add_contacts(conn, application_id, [chosen[0]], chosen[1])
        self.ctx.data_changed.emit(Change.APPLICATIONS)
        self.reload()

    def _remove_person(self, application_id: int, contact_id: int) -> None:
        remove_contact(self.ctx.database(), application_id, contact_id)
        self.ctx.data_changed.emit(Change.APPLICATIONS)
        self.reload()
