"""The Audit page with the person's stored LinkedIn profile: loading it, the experience it
audits, the certifications it holds, and the completeness with its photo box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from profile_helper.core.my_profile import store
from profile_helper.core.my_profile.models import (
    HAS_PHOTO,
    Certification,
    Education,
    Position,
    Skill,
)
from profile_helper.core.settings import get_setting
from profile_helper.gui.audit.my_profile import NOTHING_TIP
from profile_helper.gui.audit.page import AuditPage
from tests.gui.audit.support import settle
from tests.gui.dialogs import when_modal

HEADLINE = "Project Manager | Construction | Budgeting"
ABOUT = "I run construction builds from permit to handover; last year 12 of them, on budget."
JOB = """Project Manager at Fabrikam.

Requirements:
- PMP certification required
- 5+ years managing construction projects
- Experience with MS Project and budgeting
"""


def _store_profile(page: AuditPage) -> None:
    conn = page.ctx.database()
    store.put_single_value(conn, "profile.headline", HEADLINE)
    store.put_single_value(conn, "profile.about", ABOUT)
    for order, (name, count) in enumerate([("Scheduling", 1), ("Budgeting", 20)]):
        store.put_skill(conn, Skill(name, count), order)
    store.put_position(conn, Position("Fabrikam", "Project Manager", "Ran builds.", "", "2020"))
    store.put_certification(conn, Certification("Project Management Professional (PMP)"))
    store.put_education(conn, Education("TU Delft", "MSc Construction Management"))


def _shown(qtbot: QtBot, page: AuditPage) -> None:
    page.page_shown()
    qtbot.waitUntil(lambda: page.my_profile.stored.profile.headline != "", timeout=5000)
    settle(qtbot, page)


def test_nothing_stored_disables_the_button_and_says_how_to_import(
    qtbot: QtBot, audit_page: AuditPage
) -> None:
    audit_page.page_shown()
    panel = audit_page.my_profile.panel
    qtbot.waitUntil(lambda: panel.completeness is not None, timeout=5000)
    button = audit_page.my_profile.load_button
    assert not button.isEnabled()
    assert button.toolTip() == NOTHING_TIP and "import linkedin-archive" in button.toolTip()
    assert audit_page.my_profile.panel.advice_ids()[0] == "photo"


def test_load_fills_the_empty_fields_and_audits_with_the_stored_profile(
    qtbot: QtBot, audit_page: AuditPage
) -> None:
    _store_profile(audit_page)
    _shown(qtbot, audit_page)
    button = audit_page.my_profile.load_button
    assert button.isEnabled() and button.accessibleName() == "Load my LinkedIn profile"
    audit_page.job.set_text(JOB)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot, audit_page)
    assert audit_page.headline.text() == HEADLINE
    assert audit_page.about.text() == ABOUT
    assert audit_page.skills.text() == "Scheduling\nBudgeting"
    result = audit_page.result
    assert result is not None
    assert "experience" in result.sections
    assert result.locations["PMP"] == ["certifications"]
    assert result.profile.endorsements == {"Scheduling": 1, "Budgeting": 20}
    assert result.to_json()["completeness"]["total"] == 7
    assert audit_page.score_card.bars["experience"].isVisible()
    assert "experience" in [f.section for f in result.findings]  # "Ran builds." has no number


def test_load_asks_before_replacing_typed_text(qtbot: QtBot, audit_page: AuditPage) -> None:
    _store_profile(audit_page)
    _shown(qtbot, audit_page)
    audit_page.headline.set_text("Something else")
    when_modal(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Cancel).click())
    audit_page.load_my_profile()
    assert audit_page.headline.text() == "Something else"

    def replace(box: QMessageBox) -> None:
        assert "headline" in box.text()
        box.buttons()[0].click()

    when_modal(QMessageBox, replace)
    audit_page.load_my_profile()
    settle(qtbot, audit_page)
    assert audit_page.headline.text() == HEADLINE


def test_the_photo_box_is_stored_and_counted(qtbot: QtBot, audit_page: AuditPage) -> None:
    audit_page.page_shown()
    panel = audit_page.my_profile.panel
    qtbot.waitUntil(lambda: panel.completeness is not None, timeout=5000)
    assert panel.photo.toolTip()
    assert "photo" in panel.advice_ids()
    assert not panel.photo.isVisible()
    assert panel.toggle.text() == "What to add (7)"
    qtbot.mouseClick(panel.toggle, Qt.MouseButton.LeftButton)
    assert panel.photo.isVisible() and panel.advice.isVisible()
    panel.photo.click()
    settle(qtbot, audit_page)
    assert get_setting(audit_page.ctx.database(), HAS_PHOTO) is True
    assert "photo" not in panel.advice_ids()
    assert "<b>1 of 7</b>" in panel.summary.text()
    assert panel.toggle.text() == "What to add (6)"
