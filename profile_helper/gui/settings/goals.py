"""The Goals section of Settings: the daily and weekly targets, and the log of skills learned."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QWidget,
)

from profile_helper.core.errors import ProfileHelperError
from profile_helper.core.today.habits import (
    delete_skill,
    set_target,
    skills_log,
    targets,
)
from profile_helper.gui.common import msgbox
from profile_helper.gui.common.changes import Change
from profile_helper.gui.common.context import AppContext
from profile_helper.gui.settings.section import SettingsSection

_FIELDS = (
    ("applications", "Applications per &day", "Job-search advice: two or three quality ones."),
    ("networking", "Networking &touches per day", "Any interaction you log with a contact."),
    ("skills", "Skills learned per &week", "Logged from the Today page."),
)


class GoalsSection(SettingsSection):
    """Targets as spin boxes saved on change (0 turns a goal off), and the skills log."""

    title = "Goals"
    description = (
        "Your daily habits on the Today page count against these; 0 turns a goal off. The "
        "defaults are the usual advice: two quality applications and one networking touch a "
        "day, one new skill a week."
    )

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.spins: dict[str, QSpinBox] = {}
        for name, label, tip in _FIELDS:
            spin = QSpinBox()
            spin.setRange(0, 100)
            spin.setMinimumWidth(90)
            spin.setToolTip(tip)
            spin.setAccessibleName(label.replace("&", ""))
            spin.valueChanged.connect(lambda value, n=name: self._save(n, value))
            form.addRow(label, spin)
            self.spins[name] = spin
        self.skills = QListWidget()
        self.skills.setAccessibleName("Skills learned")
        self.skills.setMaximumHeight(120)
        self.delete_button = QPushButton("Delete entry")
        self.delete_button.clicked.connect(self.delete_selected)
        skills_row = QHBoxLayout()
        skills_row.addWidget(QLabel("Skills learned"))
        skills_row.addStretch(1)
        skills_row.addWidget(self.delete_button)
        self.content.addLayout(form)
        self.content.addLayout(skills_row)
        self.content.addWidget(self.skills)
        # The database is read when the page is shown (load), never while it is built.
        ctx.data_changed.connect(self._data_changed)

    def load(self) -> None:
        current = targets(self.ctx.database())
        for name, spin in self.spins.items():
            spin.blockSignals(True)
            spin.setValue(current[name])
            spin.blockSignals(False)
        self.load_skills()

    def _data_changed(self, source: Change) -> None:
        if source != Change.GOALS:
            self.load_skills()

    def _save(self, name: str, value: int) -> None:
        try:
            set_target(self.ctx.database(), name, value)
        except ProfileHelperError as exc:
            msgbox.show_error(self, "Cannot save this goal", exc.message)
            return
        self.ctx.data_changed.emit(Change.GOALS)

    def load_skills(self) -> None:
        self.skills.clear()
        for entry in skills_log(self.ctx.database()):
            text = f"{entry.learned_on}   {entry.skill}"
            item = QListWidgetItem(f"{text} — {entry.note}" if entry.note else text)
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            self.skills.addItem(item)
        self.delete_button.setEnabled(self.skills.count() > 0)

    def delete_selected(self) -> None:
        item = self.skills.currentItem()
        if item is None:
            return
        if not msgbox.confirm(self, "Delete entry", f"Delete “{item.text()}”?", "Delete"):
            return
        delete_skill(self.ctx.database(), int(item.data(Qt.ItemDataRole.UserRole)))
        self.load_skills()
        self.ctx.data_changed.emit(Change.GOALS)
