"""The Messages page: pick a template and a contact, fill the gaps, then copy, email or log it."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QItemSelection, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from profile_helper.core.applications.message_values import application_variables
from profile_helper.core.contacts.followups import get_follow_up
from profile_helper.core.contacts.store import get_contact
from profile_helper.core.errors import ProfileHelperError
from profile_helper.core.paths import user_templates_dir
from profile_helper.core.settings import get_setting
from profile_helper.core.templates.catalog import TemplateInfo, list_templates
from profile_helper.core.templates.channels import RenderedMessage
from profile_helper.core.templates.context import profile_from_settings
from profile_helper.core.templates.outreach import record_sent, record_sent_for_application
from profile_helper.gui.common import msgbox, theme
from profile_helper.gui.common.changes import Change
from profile_helper.gui.common.context import AppContext
from profile_helper.gui.common.page import Page
from profile_helper.gui.messages.composer import MessageComposer
from profile_helper.gui.messages.contact_picker import ContactPicker
from profile_helper.gui.messages.template_editor import TemplateEditor
from profile_helper.gui.messages.template_model import (
    TemplateFilterModel,
    TemplateListModel,
)


class MessagesPage(Page):
    key = "messages"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.templates: list[TemplateInfo] = []
        # (application id, follow-up id) while the message is about an application.
        self._application: tuple[int, int | None] | None = None
        self.model = TemplateListModel(self)
        self.proxy = TemplateFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self._build_header()
        self._build_body()
        ctx.data_changed.connect(self._on_data_changed)
        # The profile is read in page_shown(): the database is opened when first needed.
        self.reload_templates()

    # -- layout ---------------------------------------------------------------------------
    def _build_header(self) -> None:
        self.new_button = QPushButton(theme.icon("plus", theme.current().text), "New template")
        self.new_button.setShortcut(QKeySequence.StandardKey.New)
        self.new_button.setToolTip("Write a template of your own (Ctrl+N)")
        self.new_button.clicked.connect(lambda: self.edit_template(None))
        self.edit_button = QPushButton("Edit template")
        self.edit_button.setShortcut(QKeySequence("Ctrl+E"))
        self.edit_button.setToolTip(
            "Change the selected template; a built-in is saved as your own copy (Ctrl+E)"
        )
        self.edit_button.clicked.connect(lambda: self.edit_template(self.current_template()))
        self.header.add_action(self.edit_button)
        self.header.add_action(self.new_button)

    def _build_body(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search templates")
        self.search.setAccessibleName("Search templates")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(
            theme.icon("search", theme.current().muted), QLineEdit.ActionPosition.LeadingPosition
        )
        self.search.textChanged.connect(self._on_search)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus).setWhatsThis(
            "Search templates"
        )
        self.tree = QTreeView()
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName("Templates")
        self.tree.setUniformRowHeights(True)
        self.tree.setStyleSheet("QTreeView::item { padding: 4px 2px; }")
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.selectionModel().selectionChanged.connect(self._on_selection)
        self.tree.doubleClicked.connect(lambda _i: self.edit_template(self.current_template()))
        self.description = QLabel()
        self.description.setObjectName("Muted")
        self.description.setWordWrap(True)
        left = QWidget()
        left.setMinimumWidth(220)  # the template titles stay readable in a narrow window
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(self.search)
        left_box.addWidget(self.tree, 1)
        left_box.addWidget(self.description)

        self.picker = ContactPicker(self.ctx)
        self.picker.contact_chosen.connect(self._on_contact)
        self.composer = MessageComposer()
        self.composer.status_message.connect(self.status_message)
        self.composer.mark_sent_requested.connect(self.mark_sent)
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        right_box.addWidget(self.picker)
        right_box.addWidget(self.composer, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([280, 700])
        self.body.addWidget(self.splitter, 1)

    # -- data -----------------------------------------------------------------------------
    def _user_dir(self) -> Any:
        return user_templates_dir(self.ctx.data_dir)

    def reload_templates(self, select: str | None = None) -> None:
        current = self.current_template()
        keep = select or (current.id if current else None)
        self.templates = list_templates(self._user_dir())
        self.model.set_templates(self.templates)
        self.tree.expandAll()
        if keep:
            self.select_template(keep)

    def reload_profile(self) -> None:
        conn = self.ctx.database()
        self.composer.set_profile(
            profile_from_settings(conn), bool(get_setting(conn, "linkedin.premium"))
        )

    def _on_data_changed(self, what: Change) -> None:
        if what == Change.SETTINGS:
            self.reload_profile()

    def page_shown(self) -> None:
        self.reload_profile()

    # -- templates ------------------------------------------------------------------------
    def current_template(self) -> TemplateInfo | None:
        indexes = self.tree.selectionModel().selectedIndexes() if self.tree.model() else []
        if not indexes:
            return None
        return self.model.template_at(self.proxy.mapToSource(indexes[0]))

    def select_template(self, template_id: str) -> bool:
        source = self.model.index_of(template_id)
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        return True

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        info = self.current_template()
        self.edit_button.setEnabled(info is not None)
        self.description.setText(info.description if info else "")
        self.composer.set_template(info)

    def _on_search(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self.tree.expandAll()
        if self.current_template() is None:
            first = self.proxy.index(0, 0, self.proxy.index(0, 0, QModelIndex()))
            if first.isValid():
                self.tree.setCurrentIndex(first)

    def edit_template(self, info: TemplateInfo | None) -> None:
        categories = sorted({t.category for t in self.templates})
        editor = TemplateEditor(self._user_dir(), info, self.composer.profile, categories, self)
        if editor.exec() and editor.saved_id:
            self.reload_templates(select=editor.saved_id)
            self.status_message.emit("Template saved to your templates folder")

    # -- contacts and sending -------------------------------------------------------------
    def _on_contact(self, contact: dict[str, Any] | None) -> None:
        self.composer.set_contact(contact)

    def compose_for_contact(self, contact_id: int) -> None:
        """Start a message to this contact (the Contacts page's "Write message")."""
        self._application = None
        self.reload_profile()
        self.composer.set_job(None)
        self.picker.choose(contact_id)
        if self.current_template() is None and self.templates:
            self.select_template(self.templates[0].id)
        self.composer.body.setFocus()

    def compose_for_application(
        self,
        application_id: int,
        template_id: str | None = None,
        follow_up_id: int | None = None,
        *,
        to_contact: int | None = None,
    ) -> None:
        """Start the message this application calls for, to the person it names (if any).

        ``template_id`` overrides the message the status calls for; ``follow_up_id`` is the
        follow-up that asked for it (from the Today page): its person is written to, and it is
        marked done when the message is marked sent. ``to_contact`` writes to that contact
        instead (someone at the company asked for a referral).
        """
        try:
            conn = self.ctx.database()
            variables = application_variables(conn, application_id)
            follow_up = get_follow_up(conn, follow_up_id) if follow_up_id is not None else None
            chosen = get_contact(conn, to_contact) if to_contact is not None else None
        except ProfileHelperError as exc:
            msgbox.show_error(self, "Cannot write about this application", exc.message)
            return
        job = dict(variables["job"])
        contact_id = variables["contact_id"]
        if follow_up is not None and follow_up.contact_id is not None:
            # A thank-you to the second interviewer goes to them, not to the first one named.
            contact_id = follow_up.contact_id
            job["contact_name"] = follow_up.contact_name
        if chosen is not None:
            contact_id = chosen.id
            job["contact_name"] = chosen.full_name
        self._application = (application_id, follow_up_id)
        self.reload_profile()
        if contact_id is not None:
            self.picker.choose(contact_id)
        else:
            self.picker.clear()
        self.composer.set_job(job)
        if not (template_id and self.select_template(template_id)):
            self.select_template(variables["template"])
        self.composer.body.setFocus()

    def mark_sent(self) -> None:
        """Log the message as sent: on the contact, and for an application on it too."""
        contact = self.picker.contact
        info = self.current_template()
        if info is None or self.composer.message is None:
            return
        if contact is None and self._application is None:
            return
        subject, body = self.composer.text()
        message = dataclasses.replace(self.composer.message, subject=subject, body=body)
        try:
            if self._application is not None:
                self._mark_application_sent(contact, message, info.title)
                return
            assert contact is not None
            step = record_sent(self.ctx.database(), int(contact["id"]), message, info.title)
        except ProfileHelperError as exc:
            msgbox.show_error(self, "Cannot log the message", exc.message)
            return
        name = contact.get("full_name") or "the contact"
        when = f"; follow-up on {step.due:%a %d %b}" if step else ""
        # The store's change first: other pages report their counts, then this says what it did.
        self.ctx.data_changed.emit(Change.CONTACTS)
        self.status_message.emit(f"Logged on {name}'s timeline{when}")

    def _mark_application_sent(
        self, contact: dict[str, Any] | None, message: RenderedMessage, title: str
    ) -> None:
        assert self._application is not None
        application_id, follow_up_id = self._application
        result = record_sent_for_application(
            self.ctx.database(),
            application_id,
            int(contact["id"]) if contact is not None else None,
            message,
            title=title,
            follow_up_id=follow_up_id,
        )
        # The follow-up is answered; another message (to a second interviewer) finds its own.
        self._application = (application_id, None)
        where = f"{contact.get('full_name') or 'the contact'}'s timeline" if contact else ""
        where = f"{where} and the application" if where else "the application's timeline"
        parts = [f"Logged on {where}"]
        if result.done_follow_up_id is not None:
            parts.append("follow-up done")
        if result.step is not None:
            parts.append(f"next follow-up on {result.step.due:%a %d %b}")
        self.ctx.data_changed.emit(Change.CONTACTS)
        self.status_message.emit("; ".join(parts))
