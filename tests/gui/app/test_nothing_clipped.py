"""Nothing is cut at 1024x700, the smallest size the layout is held to, in light and dark.

Every page is shown with representative data (long names, a rejected application with long
follow-ups, a full audit) and every dialog is opened. What ``tests/gui/fit.py`` finds cut fails
the test: a one-line label wider than itself, wrapped text taller than its label, a widget past
its parent's edge, columns or tabs that scroll sideways, a field showing the end of its value, a
window grown past 1024x700. A screenshot of each state is saved to
``PROFILE_HELPER_SCREENSHOTS`` (or the test's temporary folder) to look at.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from profile_helper.core.applications.store import get_application
from profile_helper.core.security.unlock import ASK_NEW_PASSPHRASE
from profile_helper.core.storage.keys import DatabaseKey
from profile_helper.core.templates.catalog import list_templates
from profile_helper.gui.app.about_dialog import AboutDialog
from profile_helper.gui.app.crash_dialog import CrashDialog
from profile_helper.gui.app.help_window import HelpWindow
from profile_helper.gui.app.main_window import MainWindow
from profile_helper.gui.app.shortcuts_dialog import ShortcutsDialog, collect
from profile_helper.gui.applications.edit_dialog import ApplicationDialog
from profile_helper.gui.applications.page import VIEWS, ApplicationsPage
from profile_helper.gui.applications.people import AddPersonDialog
from profile_helper.gui.audit.page import AuditPage
from profile_helper.gui.common import theme
from profile_helper.gui.common.page import PAGES
from profile_helper.gui.contacts.bulk import ChoiceDialog, FollowUpDialog
from profile_helper.gui.contacts.export_dialog import ExportDialog
from profile_helper.gui.contacts.import_wizard import ImportWizard
from profile_helper.gui.contacts.page import ContactsPage
from profile_helper.gui.messages.page import MessagesPage
from profile_helper.gui.messages.template_editor import TemplateEditor
from profile_helper.gui.security.passphrase_dialog import PassphraseDialog
from profile_helper.gui.security.recovery_dialog import RecoveryKeyDialog
from profile_helper.gui.today.skill_dialog import SkillDialog
from tests.core.audit.profiles import GOOD_ABOUT, GOOD_SKILLS, JOB
from tests.core.contacts.builders import connections_csv, write
from tests.gui.app.sample_data import Sample, fill
from tests.gui.audit.support import settle
from tests.gui.fit import problems, screenshot_dir

WIDTH, HEIGHT = 1024, 700
THEMES = [theme.LIGHT_CHOICE, theme.DARK_CHOICE]
LONG_HEADLINE = (
    "Registered nurse turned clinical operations lead | Patient flow, rostering and audits | "
    "I help wards run calmly"
)


@dataclass(frozen=True)
class Scene:
    """The window at 1024x700 in one theme, with the sample data, and where screenshots go."""

    window: MainWindow
    sample: Sample
    theme: str
    shots: Path
    files: Path


@pytest.fixture(params=THEMES)
def scene(
    request: pytest.FixtureRequest, qapp: QApplication, window: MainWindow, tmp_path: Path
) -> Scene:
    shots = screenshot_dir(tmp_path / "screenshots")
    print(f"Screenshots: {shots}")
    theme.choose(qapp, request.param)
    window.resize(WIDTH, HEIGHT)
    return Scene(window, fill(window.ctx.database()), request.param, shots, tmp_path)


def _look(widget: QWidget, folder: Path, name: str) -> list[str]:
    """Let layouts settle, keep a screenshot, and say what is cut."""
    QApplication.processEvents()
    widget.grab().save(str(folder / f"{name}.png"))
    return [f"{name}: {problem}" for problem in problems(widget)]


def _page_states(window: MainWindow, sample: Sample, qtbot: QtBot) -> Iterator[str]:
    """Show each page in the states worth looking at; yields a name for each."""
    window.show_page("today")
    yield "today"
    audit = window.show_page("audit")
    assert isinstance(audit, AuditPage)
    yield "audit-empty"
    for name, text in (
        ("headline", LONG_HEADLINE),
        ("about", GOOD_ABOUT),
        ("skills", GOOD_SKILLS),
        ("job", JOB),
    ):
        getattr(audit, name).set_text(text)
    audit.run_now()
    settle(qtbot, audit)
    for index in range(audit.tabs.count()):
        audit.tabs.setCurrentIndex(index)
        yield f"audit-tab{index}"
    contacts = window.show_page("contacts")
    assert isinstance(contacts, ContactsPage)
    contacts.table.clearSelection()
    contacts.detail.show_contact(None)
    yield "contacts-none-selected"
    contacts.open_contact(sample.contacts[0])
    yield "contacts-selected"
    applications = window.show_page("applications")
    assert isinstance(applications, ApplicationsPage)
    for view in VIEWS:
        applications.set_view(view)
        yield f"applications-{view}"
    applications.set_view("table")
    applications.select(sample.rejected)
    yield "applications-rejected"
    # Both long follow-ups read in full, wrapped, without scrolling the list.
    follow_ups = applications.detail.follow_ups
    assert follow_ups.count() == 2
    assert not follow_ups.verticalScrollBar().isVisible()
    applications.select(sample.interviewing)
    yield "applications-interviewing"
    move_to = applications.detail.move_to
    move_to.setCurrentIndex(move_to.findData("rejected"))
    yield "applications-move-to-rejected"
    messages = window.show_page("messages")
    assert isinstance(messages, MessagesPage)
    messages.compose_for_contact(sample.contacts[0])
    yield "messages"
    window.show_page("settings")
    yield "settings"


def test_every_page_fits_at_1024x700(qtbot: QtBot, scene: Scene) -> None:
    window = scene.window
    cut: list[str] = []
    for state in _page_states(window, scene.sample, qtbot):
        name = f"{scene.theme}-{state}"
        cut += _look(window, scene.shots, name)
        if (window.width(), window.height()) != (WIDTH, HEIGHT):
            cut.append(f"{name}: the window grew to {window.width()}x{window.height()}")
    audit = window.page("audit")
    assert isinstance(audit, AuditPage)
    settle(qtbot, audit)
    assert not cut, "\n".join(cut)


def _dialogs(
    window: MainWindow, sample: Sample, tmp_path: Path
) -> list[tuple[str, Callable[[], QDialog]]]:
    ctx = window.ctx
    conn = ctx.database()
    contacts = window.show_page("contacts")
    assert isinstance(contacts, ContactsPage)
    templates = list_templates(None)
    rejected = get_application(conn, sample.rejected)
    source = write(
        tmp_path / "Connections.csv",
        connections_csv(
            ['Ana,García,https://www.linkedin.com/in/ana,,"TechStart, Inc.",CTO,15 Jan 2024']
        ),
    )

    def guide() -> QDialog:
        dialog = HelpWindow(window)
        dialog.show_topic("contacts")
        return dialog

    def shortcuts() -> QDialog:
        window.show_page("settings")  # built, with its shortcuts
        return ShortcutsDialog(collect(window, [info.title for info in PAGES]), window)

    def wizard() -> QDialog:
        dialog = ImportWizard(ctx, window)
        dialog.set_file(source)
        return dialog

    return [
        ("about", lambda: AboutDialog(ctx.data_dir, window)),
        ("guide", guide),
        ("shortcuts", shortcuts),
        ("crash", lambda: CrashDialog("Traceback (most recent call last):\n  ...", None, window)),
        ("export", lambda: ExportDialog(ctx, sample.contacts[:1], sample.contacts, window)),
        ("import-empty", lambda: ImportWizard(ctx, window)),
        ("import-preview", wizard),
        ("tag", lambda: ChoiceDialog("Add a tag", "Tag to add to 3 contacts:", ["mentor"], window)),
        ("follow-up", lambda: FollowUpDialog(3, window)),
        ("skill", lambda: SkillDialog(window)),
        (
            "template-new",
            lambda: TemplateEditor(tmp_path, None, {"name": "Jane"}, ["Mine"], window),
        ),
        ("template-edit", lambda: TemplateEditor(tmp_path, templates[0], {}, [], window)),
        ("application-add", lambda: ApplicationDialog(window)),
        ("application-edit", lambda: ApplicationDialog(window, rejected)),
        (
            "person",
            lambda: AddPersonDialog([(sample.contacts[1], "Ana García")], "Contoso", window),
        ),
        ("recovery-key", lambda: RecoveryKeyDialog(ctx.data_dir, DatabaseKey.generate(), window)),
        (
            "passphrase-new",
            lambda: PassphraseDialog(ASK_NEW_PASSPHRASE, "Choose a passphrase.", window),
        ),
        (
            "passphrase-unlock",
            lambda: PassphraseDialog("unlock", "Enter your recovery key or passphrase.", window),
        ),
    ]


def test_every_dialog_fits(qtbot: QtBot, scene: Scene) -> None:
    cut: list[str] = []
    for name, make in _dialogs(scene.window, scene.sample, scene.files):
        dialog = make()
        dialog.show()
        qtbot.waitExposed(dialog)
        if isinstance(dialog, ImportWizard) and dialog.path is not None:
            qtbot.waitUntil(dialog.import_button.isEnabled)
        cut += _look(dialog, scene.shots, f"{scene.theme}-dialog-{name}")
        if dialog.width() > WIDTH or dialog.height() > HEIGHT:
            cut.append(f"{name}: {dialog.width()}x{dialog.height()} is larger than the screen")
        dialog.reject()
        dialog.deleteLater()
    assert not cut, "\n".join(cut)
