"""The "Stay in touch" section of Settings: a follow-up cadence for everyone with a tag.

A contact's own cadence (set on the contact) wins; otherwise the shortest cadence of its tags
applies, and any interaction logged with the person restarts the clock.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QWidget,
)

from profile_helper.core.contacts.followups import set_tag_cadence, tag_cadences
from profile_helper.core.contacts.store import all_tags
from profile_helper.core.errors import ProfileHelperError
from profile_helper.gui.common import msgbox
from profile_helper.gui.common.changes import Change
from profile_helper.gui.common.context import AppContext
from profile_helper.gui.settings.section import SettingsSection


class CadencesSection(SettingsSection):
    """Tag cadences: pick a tag and a number of days, Set; select one and Remove."""

    title = "Stay in touch"
    description = (
        "Give everyone with a tag a follow-up every so many days, e.g. mentors every 30, "
        "recruiters every 90. Logging any interaction with a person restarts their clock; a "
        "cadence set on the contact itself wins."
    )

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.tag = QComboBox()
        self.tag.setEditable(True)
        self.tag.setMinimumWidth(180)
        self.tag.setAccessibleName("Tag")
        self.tag.setToolTip("A tag your contacts have (or will have)")
        self.days = QSpinBox()
        self.days.setRange(1, 365)
        self.days.setValue(30)
        self.days.setSuffix(" days")
        self.days.setAccessibleName("Every how many days")
        self.set_button = QPushButton("Set")
        self.set_button.setToolTip("Follow up with everyone who has this tag at this interval")
        self.set_button.clicked.connect(self.set_cadence)
        self.list = QListWidget()
        self.list.setAccessibleName("Cadences by tag")
        self.list.setMaximumHeight(120)
        self.remove_button = QPushButton("Remove")
        self.remove_button.setToolTip("Stop the cadence of the selected tag")
        self.remove_button.clicked.connect(self.remove_selected)
        row = QHBoxLayout()
        row.addWidget(QLabel("Everyone tagged"))
        row.addWidget(self.tag)
        row.addWidget(QLabel("every"))
        row.addWidget(self.days)
        row.addWidget(self.set_button)
        row.addStretch(1)
        row.addWidget(self.remove_button)
        self.content.addLayout(row)
        self.content.addWidget(self.list)
        ctx.data_changed.connect(self._data_changed)

    def load(self) -> None:
        conn = self.ctx.database()
        typed = self.tag.currentText()
        self.tag.clear()
        self.tag.addItems([name for name, _count in all_tags(conn)])
        self.tag.setEditText(typed)
        self.list.clear()
        for tag, days in tag_cadences(conn).items():
            item = QListWidgetItem(f"{tag}  ·  every {days} days")
            item.setData(Qt.ItemDataRole.UserRole, tag)
            self.list.addItem(item)
        self.remove_button.setEnabled(self.list.count() > 0)

    def set_cadence(self) -> None:
        tag = self.tag.currentText().strip()
        if not tag:
            msgbox.show_error(self, "Stay in touch", "Type or pick a tag first.")
            return
        self._change(tag, self.days.value())

    def remove_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._change(str(item.data(Qt.ItemDataRole.UserRole)), None)

    def _change(self, tag: str, days: int | None) -> None:
        try:
            set_tag_cadence(self.ctx.database(), tag, days)
        except ProfileHelperError as exc:
            msgbox.show_error(self, "Stay in touch", exc.message)
            return
        self.ctx.data_changed.emit(Change.CADENCES)

    def _data_changed(self, what: Change) -> None:
        if what in (Change.CADENCES, Change.CONTACTS):
            try:
                self.load()
            except ProfileHelperError:
                return  # the page says what is wrong when it is shown
