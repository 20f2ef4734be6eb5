"""The Contacts page: search, filter and sort the network, edit one person, act on many."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from profile_helper.core.contacts import store
from profile_helper.core.contacts.models import STATUSES
from profile_helper.core.contacts.query import ContactQuery
from profile_helper.gui.common import msgbox, theme
from profile_helper.gui.common.changes import Change
from profile_helper.gui.common.columns import Column, FittedColumns
from profile_helper.gui.common.context import AppContext
from profile_helper.gui.common.page import Page
from profile_helper.gui.common.widgets import EmptyState
from profile_helper.gui.contacts.archive_import import ArchiveImportDialog
from profile_helper.gui.contacts.bulk import BulkActions
from profile_helper.gui.contacts.detail import ContactDetail
from profile_helper.gui.contacts.export_dialog import ExportDialog
from profile_helper.gui.contacts.import_wizard import ImportWizard
from profile_helper.gui.contacts.model import ContactsModel

SHOW_OPTIONS: tuple[tuple[str, dict[str, object]], ...] = (
    ("Everyone", {}),
    ("Follow-up due", {"due": True}),
    ("Overdue", {"overdue": True}),
    ("Not contacted in 30 days", {"not_contacted_days": 30}),
    ("Not contacted in 90 days", {"not_contacted_days": 90}),
)


class ContactsPage(Page):
    key = "contacts"

    write_message_requested = Signal(int)
    """The person asked to write to this contact; the window opens the Messages page."""

    filter_row: QHBoxLayout
    bulk_row: QHBoxLayout

    SEARCH_DELAY_MS = 120
    """Typing pauses this long before the search runs (tests set it to zero)."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self._built = False
        self._build_header()

    def _build(self) -> None:
        """Everything that reads the store, built when the page is first shown.

        The database may be locked or damaged: the window shows that error when the page is
        shown, and showing the page again tries again.
        """
        self.conn = self.ctx.database()
        self._build_filters()
        self.model = ContactsModel(self.conn, self)
        self.bulk = BulkActions(self.conn, self.selected_ids, self)
        self.bulk.changed.connect(self._changed)
        self.bulk.message.connect(self.status_message)
        self._build_table()
        # The statuses in use and the tags take a scan of every contact: the filters get them
        # just after the page is first painted (_load_choices), the defaults do until then.
        self.statuses = list(STATUSES)
        self.detail = ContactDetail(self.conn, self.statuses)
        self.bulk.deleted.connect(lambda: self.detail.show_contact(None))
        self.detail.saved.connect(self._contact_saved)
        self.detail.follow_ups_changed.connect(self._follow_ups_changed)
        self.detail.delete_requested.connect(lambda cid: self.bulk.delete([cid]))
        self.detail.write_message_requested.connect(self.write_message_requested)
        self._build_body()
        self._connect_shortcuts()
        self.ctx.data_changed.connect(self._store_changed)
        self._refresh_choices()
        QTimer.singleShot(0, self._load_choices)
        self._update_state()
        for button in (self.import_button, self.export_button, self.add_button):
            button.setEnabled(True)

    def _build_body(self) -> None:
        """Filters over the table beside the detail, the bulk actions under; or the empty state."""
        self.no_match = EmptyState(
            "No contacts match",
            "Nobody matches the search and the filters above.",
            "Clear the filters",
        )
        self.no_match.action_clicked.connect(self.clear_filters)
        self.results = QStackedWidget()
        self.results.addWidget(self.table)
        self.results.addWidget(self.no_match)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.results)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([620, 400])
        self.empty = EmptyState(
            "No contacts yet",
            "Import the ZIP from LinkedIn's “Get a copy of your data”: your connections come in "
            "with the dates you last wrote to each, and your own profile with them. A CSV or "
            "vCard file works too (Import above), or add the people you meet with Ctrl+N.",
            "Import your LinkedIn export…",
        )
        self.empty.action_clicked.connect(self.open_archive_import)
        self.stack = QStackedWidget()
        main = QWidget()
        column = QVBoxLayout(main)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self.filter_row)
        column.addWidget(self.splitter, 1)
        column.addLayout(self.bulk_row)
        self.stack.addWidget(main)
        self.stack.addWidget(self.empty)
        self.body.addWidget(self.stack, 1)

    def _connect_shortcuts(self) -> None:
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.timeout.connect(self.apply_filters)
        # Each says what it does in the list of keyboard shortcuts (Help menu).
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search).setWhatsThis(
            "Search contacts"
        )
        QShortcut(QKeySequence.StandardKey.New, self, self.new_contact).setWhatsThis(
            "Add a contact"
        )
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.table)
        delete.setWhatsThis("Delete the selected contacts")
        delete.activated.connect(self.bulk.delete_selected)

    # -- building -------------------------------------------------------------------------
    def _build_header(self) -> None:
        self.import_button = QPushButton(theme.icon("import", theme.current().text), "Import")
        self.import_button.setToolTip(
            "Import your whole LinkedIn data export, or contacts from one file (LinkedIn's "
            "Connections.csv, a CSV, a vCard)"
        )
        imports = QMenu(self.import_button)
        imports.addAction("LinkedIn data export (everything)…", self.open_archive_import)
        imports.addAction("Contacts from a file (CSV, vCard)…", self.open_import)
        self.import_button.setMenu(imports)
        self.export_button = QPushButton(theme.icon("export", theme.current().text), "Export…")
        self.export_button.setToolTip("Export contacts to CSV or vCard, follow-ups to a calendar")
        self.export_button.clicked.connect(self.open_export)
        self.add_button = QPushButton(
            theme.icon("plus", theme.current().accent_text), "Add contact"
        )
        self.add_button.setObjectName("Primary")
        self.add_button.setToolTip("Add a contact (Ctrl+N)")
        self.add_button.clicked.connect(self.new_contact)
        for button in (self.import_button, self.export_button, self.add_button):
            self.header.add_action(button)
            button.setEnabled(False)  # until the store is read

    def _build_filters(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search names, company, position, email, tags, notes…")
        self.search.setAccessibleName("Search contacts")
        self.search.setToolTip("Search as you type (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(
            theme.icon("search", theme.current().muted), QLineEdit.ActionPosition.LeadingPosition
        )
        self.search.textChanged.connect(lambda _t: self._search_timer.start(self.SEARCH_DELAY_MS))
        self.tag_filter = QComboBox()
        self.tag_filter.setAccessibleName("Filter by tag")
        self.tag_filter.setMinimumWidth(130)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName("Filter by status")
        self.status_filter.setMinimumWidth(130)
        self.show_filter = QComboBox()
        self.show_filter.setAccessibleName("Show")
        for label, _ in SHOW_OPTIONS:
            self.show_filter.addItem(label)
        for combo in (self.tag_filter, self.status_filter, self.show_filter):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.count_label = QLabel()
        self.count_label.setObjectName("Muted")
        self.filter_row = QHBoxLayout()
        self.filter_row.addWidget(self.search, 1)
        self.filter_row.addWidget(self.tag_filter)
        self.filter_row.addWidget(self.status_filter)
        self.filter_row.addWidget(self.show_filter)
        self.filter_row.addWidget(self.count_label)

    def _build_table(self) -> None:
        self.table = QTableView()
        self.table.setAccessibleName("Contacts")
        self.table.setModel(self.model)
        # The indicator first, in the model's own order: enabling sorting sorts at once by the
        # indicator, and Qt's default one (descending) would read every contact twice more.
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        # Name, company, position, status, tags, last contact, next follow-up: on a narrow
        # window the name, company and next follow-up stay, the rest show in the detail panel.
        self.columns = FittedColumns(
            self.table,
            [
                *(Column(150, 3), Column(120, 2), Column(140, 3)),
                *(Column(90), Column(100, 2), Column(100), Column(125)),
            ],
            keep_first=[0, 1, 6, 2, 3, 5, 4],
        )
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.selection_label = QLabel()
        self.selection_label.setObjectName("Muted")
        self.tag_button = QPushButton("Tag…")
        self.tag_button.setToolTip("Give the selected contacts a tag")
        self.tag_button.clicked.connect(self.bulk.ask_tag)
        self.follow_button = QPushButton("Follow-up…")
        self.follow_button.setToolTip("Set a follow-up with each selected contact")
        self.follow_button.clicked.connect(self.bulk.ask_follow_up)
        self.status_button = QPushButton("Status…")
        self.status_button.setToolTip("Change the status of the selected contacts")
        self.status_button.clicked.connect(self.bulk.ask_status)
        self.delete_button = QPushButton("Delete…")
        self.delete_button.setToolTip("Delete the selected contacts (Del)")
        self.delete_button.clicked.connect(self.bulk.delete_selected)
        self.bulk_row = QHBoxLayout()
        self.bulk_row.addWidget(self.selection_label, 1)
        for button in (self.tag_button, self.follow_button, self.status_button, self.delete_button):
            self.bulk_row.addWidget(button)

    # -- filters --------------------------------------------------------------------------
    def _refresh_choices(self, *, with_tags: bool = False) -> None:
        tag, status = self.tag_filter.currentData(), self.status_filter.currentData()
        for combo in (self.tag_filter, self.status_filter):
            combo.blockSignals(True)
            combo.clear()
        self.tag_filter.addItem("All tags", None)
        for name, count in store.all_tags(self.conn) if with_tags else []:
            self.tag_filter.addItem(f"{name} ({count:,})", name)
        self.status_filter.addItem("All statuses", None)
        for name in self.statuses:
            self.status_filter.addItem(name.capitalize(), name)
        self.tag_filter.setCurrentIndex(max(0, self.tag_filter.findData(tag)))
        self.status_filter.setCurrentIndex(max(0, self.status_filter.findData(status)))
        for combo in (self.tag_filter, self.status_filter):
            combo.blockSignals(False)

    def _load_choices(self) -> None:
        self.statuses = store.all_statuses(self.conn)
        self.detail.form.set_statuses(self.statuses)
        self._refresh_choices(with_tags=True)

    def current_query(self) -> ContactQuery:
        options = SHOW_OPTIONS[max(0, self.show_filter.currentIndex())][1]
        return ContactQuery(
            search=self.search.text(),
            tag=self.tag_filter.currentData(),
            status=self.status_filter.currentData(),
            sort=self.model.query.sort,
            descending=self.model.query.descending,
            **options,  # type: ignore[arg-type]
        )

    def apply_filters(self) -> None:
        selected = self.detail.contact.id if self.detail.contact else None
        self.model.set_query(self.current_query())
        if selected is not None:
            self._select(selected, scroll=False)
        self._update_state()

    def _update_state(self) -> None:
        total = store.contact_count(self.conn)
        self.stack.setCurrentIndex(1 if total == 0 and not self.detail.is_dirty() else 0)
        shown = self.model.rowCount()
        self.results.setCurrentWidget(self.no_match if total and not shown else self.table)
        self.count_label.setText(
            f"{shown:,} of {total:,}" if shown != total else f"{total:,} contacts"
        )
        self._selection_changed()

    def clear_filters(self) -> None:
        """Empty the search and put every filter back to all: the whole list again."""
        for combo in (self.tag_filter, self.status_filter, self.show_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.apply_filters()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- selection ------------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.model.id_at(r) for r in rows]

    def _selection_changed(self, *_args: object) -> None:
        ids = self.selected_ids()
        for button in (self.tag_button, self.follow_button, self.status_button, self.delete_button):
            button.setEnabled(bool(ids))
        self.selection_label.setText(
            f"{len(ids):,} selected" if len(ids) > 1 else "Select several with Shift or Ctrl"
        )
        current = ids[0] if len(ids) == 1 else None
        if current is not None and (
            self.detail.contact is None or self.detail.contact.id != current
        ):
            if not self._keep_edits():
                return
            self._select(current, scroll=False)
            self.detail.show_contact(current)

    def _keep_edits(self) -> bool:
        """Before showing another contact: ask to save, discard or stay with the unsaved edits.

        False when the person stays (Cancel, or a save the marked fields refused). A new contact
        that has no name yet is simply dropped.
        """
        detail = self.detail
        if not detail.is_dirty():
            return True
        draft = detail.form.draft()
        if detail.contact is None and not (draft.first_name or draft.last_name):
            return True
        name = detail.contact.full_name if detail.contact else "the new contact"
        answer = msgbox.ask_unsaved(
            self, "Unsaved changes", f"Save your changes to {name} before moving on?"
        )
        if answer is msgbox.Unsaved.DISCARD:
            detail.revert()
            return True
        if answer is msgbox.Unsaved.SAVE and detail.save():
            return True
        if answer is msgbox.Unsaved.SAVE:
            self.status_message.emit("Fix the marked fields, or press Revert, before moving on.")
        if detail.contact is not None:
            self._select(detail.contact.id, scroll=False)
        else:
            self.table.clearSelection()
        return False

    def can_leave(self) -> bool:
        return not self._built or self._keep_edits()

    def _select(self, contact_id: int, scroll: bool = True) -> bool:
        row = self.model.row_of(contact_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        if scroll:
            self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def open_contact(self, contact_id: int) -> None:
        """Show this contact, clearing the filters when they hide it."""
        if not self._built:
            self.page_shown()
        if self.detail.contact is not None and self.detail.contact.id == contact_id:
            return
        if not self._keep_edits():
            return
        if not self._select(contact_id):
            self.clear_filters()
            self._select(contact_id)
        self.detail.show_contact(contact_id)

    def new_contact(self) -> None:
        if not self._keep_edits():
            return
        self.table.clearSelection()
        self.stack.setCurrentIndex(0)
        self.detail.start_new()

    # -- changes --------------------------------------------------------------------------
    def _changed(self, what: Change = Change.CONTACTS) -> None:
        self.ctx.data_changed.emit(what)

    def _store_changed(self, what: Change) -> None:
        if what in (Change.CONTACTS, Change.FOLLOW_UPS, Change.ALL):
            self._load_choices()
            self.apply_filters()

    def _contact_saved(self, contact_id: int) -> None:
        self._changed()
        self._select(contact_id)
        self.status_message.emit("Contact saved")

    def _follow_ups_changed(self, contact_id: int) -> None:
        self.model.refresh_rows([contact_id])
        self._changed(Change.FOLLOW_UPS)

    def _context_menu(self, pos: QPoint) -> None:
        index: QModelIndex = self.table.indexAt(pos)
        if not index.isValid():
            return
        menu = QMenu(self)
        one = len(self.selected_ids()) == 1
        if one:
            menu.addAction(
                "Write message…", lambda: self.write_message_requested.emit(self.selected_ids()[0])
            )
            menu.addSeparator()
        menu.addAction("Tag…", self.bulk.ask_tag)
        menu.addAction("Remove tag…", self.bulk.ask_untag)
        menu.addAction("Set follow-up…", self.bulk.ask_follow_up)
        menu.addAction("Change status…", self.bulk.ask_status)
        menu.addSeparator()
        menu.addAction("Delete…", self.bulk.delete_selected)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def open_import(self) -> None:
        wizard = ImportWizard(self.ctx, self)
        wizard.imported.connect(self._changed)
        wizard.exec()

    def open_archive_import(self) -> None:
        dialog = ArchiveImportDialog(self.ctx, self)
        dialog.exec()

    def open_export(self) -> None:
        ExportDialog(self.ctx, self.selected_ids(), self.model.all_ids(), self).exec()

    def page_shown(self) -> None:
        if not self._built:
            self._build()
            self._built = True
        else:
            # Another page may have written without saying so: read the list again.
            self.apply_filters()
        if not self.selected_ids() and self.detail.contact is None and self.model.rowCount():
            self._select(self.model.id_at(0))
