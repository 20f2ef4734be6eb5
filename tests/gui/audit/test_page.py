"""The Audit page driven like a person would: typing, clicking findings, saving, restoring."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from profile_helper.core.audit.posting import IMPORTANCE_ORDER
from profile_helper.gui.app.main_window import MainWindow
from profile_helper.gui.audit.editors import counter_state
from profile_helper.gui.audit.history import ScoreChart
from profile_helper.gui.audit.page import AuditPage
from profile_helper.gui.audit.results import KeywordModel
from tests.core.audit.profiles import GOOD_ABOUT, GOOD_HEADLINE, GOOD_SKILLS, JOB
from tests.gui.audit.support import WAIT, settle


@pytest.fixture
def page(audit_page: AuditPage) -> AuditPage:
    return audit_page


def fill(qtbot: QtBot, page: AuditPage, **texts: str) -> None:
    """Set texts and wait until the audit of all of them has been shown."""
    for name, text in texts.items():
        getattr(page, name).set_text(text)
    page.run_now()
    settle(qtbot, page)


def test_counter_states() -> None:
    assert counter_state(100, 220) == "ok"
    assert counter_state(200, 220) == "near"
    assert counter_state(221, 220) == "over"
    assert counter_state(2, 100, minimum=5) == "near"


def test_typing_updates_counter_and_findings(qtbot: QtBot, page: AuditPage) -> None:
    assert page.headline.counter.text() == "0 / 220"
    with qtbot.waitSignal(page.audit_finished, timeout=WAIT):
        qtbot.keyClicks(page.headline.editor, "Seeking opportunities")
    assert page.headline.counter.text() == "21 / 220"
    fill(qtbot, page)
    ids = [f.id for f in page.findings.findings()]
    assert "headline.job_seeking_phrase" in ids and "about.empty" in ids
    assert page.score_card.score_label.text() == str(page.result.score if page.result else "")

    page.headline.set_text("x" * 230)
    assert page.headline.state() == "over"
    fill(qtbot, page)
    assert "headline.too_long" in [f.id for f in page.findings.findings()]


def test_good_profile_has_nothing_to_fix(qtbot: QtBot, page: AuditPage) -> None:
    fill(qtbot, page, headline=GOOD_HEADLINE, about=GOOD_ABOUT, skills=GOOD_SKILLS, job=JOB)
    assert page.findings.findings() == []
    assert "Nothing to fix" in page.message.text()
    assert page.skills.counter.text() == "10 / 100"
    assert page.keyword_model.rowCount() == len(page.result.job_keywords if page.result else [])


def test_clicking_a_finding_selects_its_span(qtbot: QtBot, page: AuditPage) -> None:
    about = GOOD_ABOUT.replace("I led", "I was responsible for")
    fill(qtbot, page, headline=GOOD_HEADLINE, about=about, skills=GOOD_SKILLS)
    item = page.findings.item_for("about.weak_opener")
    assert item is not None
    page.findings.scrollToItem(item)
    rect = page.findings.visualItemRect(item)
    qtbot.mouseClick(page.findings.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    cursor = page.about.editor.textCursor()
    assert cursor.selectedText().lower() == "responsible for"
    assert page.about.editor.hasFocus()


def test_highlights_follow_the_audit(qtbot: QtBot, page: AuditPage) -> None:
    about = GOOD_ABOUT.replace("I build", "I am passionate. I build")
    fill(qtbot, page, headline=GOOD_HEADLINE, about=about, skills=GOOD_SKILLS, job=JOB)
    kinds = {h.kind for h in page.about.editor.highlighter.spans()}
    assert {"buzzword", "metric", "keyword"} <= kinds
    buzz = next(h for h in page.about.editor.highlighter.spans() if h.kind == "buzzword")
    assert about[buzz.start : buzz.end] == "passionate"


def test_keyword_model(qtmodeltester: object, qtbot: QtBot, page: AuditPage) -> None:
    fill(qtbot, page, headline="Data Engineer | Python", about="", skills="Kafka", job=JOB)
    model = page.keyword_model
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    rows = {
        model.data(model.index(r, 0)): model.data(model.index(r, KeywordModel.STATUS_COLUMN))
        for r in range(model.rowCount())
    }
    assert rows["Python"] == "headline" and rows["Terraform"] == "missing"
    asked = [str(model.data(model.index(r, 1))).split("\n") for r in range(model.rowCount())]
    order = [IMPORTANCE_ORDER[importance] for importance, _kind in asked]
    assert order == sorted(order), "required keywords come first"
    kinds = {kind for _importance, kind in asked}
    assert "title" in kinds and kinds <= {
        "skill",
        "tool",
        "certification",
        "licence",
        "title",
        "knowledge",
        "duty",
    }
    empty = KeywordModel()
    qtmodeltester.check(empty)  # type: ignore[attr-defined]


def test_open_with_job(qtbot: QtBot, page: AuditPage) -> None:
    page.headline.set_text(GOOD_HEADLINE)
    with qtbot.waitSignal(page.audit_finished, timeout=WAIT):
        page.open_with_job(JOB)
    assert page.job.text() == JOB
    fill(qtbot, page)
    assert page.result is not None and page.result.match_rate is not None


def test_save_and_restore(qtbot: QtBot, page: AuditPage, no_windows: None) -> None:
    page.page_shown()
    fill(qtbot, page, headline="Data person", about="", skills="Python", job=JOB)
    page.save_audit("")
    assert page.history.error_label.isVisibleTo(page.history)
    page.save_audit("First try")
    fill(qtbot, page, headline=GOOD_HEADLINE, about=GOOD_ABOUT, skills=GOOD_SKILLS)
    page.history.name_edit.setText("After rewrite")
    qtbot.mouseClick(page.history.save_button, Qt.MouseButton.LeftButton)
    assert page.history.list.count() == 2
    assert page.history.chart.scores[0] < page.history.chart.scores[1]
    page.history.list.setCurrentRow(1)  # newest first: row 1 is "First try"
    page.history.restore_button.click()
    assert page.headline.text() == "Data person"
    fill(qtbot, page)
    assert page.result is not None and page.result.profile.headline == "Data person"
    # Saving right after an edit waits for the audit of the new text.
    page.skills.set_text(GOOD_SKILLS + "\nGo")
    page.save_audit("Added Go")
    settle(qtbot, page)
    assert page.history.list.count() == 3
    page.history.list.setCurrentRow(0)
    page.history.restore_button.click()
    assert page.skills.text().endswith("\nGo")
    settle(qtbot, page)
    page.history.list.setCurrentRow(2)
    # Without windows, confirm() answers no: nothing is deleted.
    page.history.delete_button.click()
    assert page.history.list.count() == 3


@pytest.mark.slow
def test_one_megabyte_paste_stays_responsive(qtbot: QtBot, page: AuditPage) -> None:
    big = ("I build pipelines in Python and cut costs by 40%.\n" * 21_000)[:1_000_000]
    page.about.set_text(big)
    assert page.about.counter.text() == "1,000,000 / 2,600"
    assert page.about.state() == "over"
    fill(qtbot, page)
    assert "at most" in page.message.text()
    # The GUI thread still answers: typing into another field is handled at once.
    qtbot.keyClicks(page.headline.editor, "Data Engineer")
    QApplication.processEvents()
    assert page.headline.counter.text() == "13 / 220"
    page.about.set_text(GOOD_ABOUT)
    fill(qtbot, page)
    assert page.result is not None


def test_page_in_the_window(qtbot: QtBot, window: object) -> None:
    assert isinstance(window, MainWindow)
    page = window.show_page("audit")
    assert isinstance(page, AuditPage)
    assert "yake" not in page.__dict__


def test_score_chart_draws_scores_oldest_first(qtbot: QtBot) -> None:
    chart = ScoreChart()
    qtbot.addWidget(chart)
    chart.resize(300, 140)
    assert chart.points() == []
    chart.set_scores([20, 60, 90])
    points = chart.points()
    assert [p.x() for p in points] == sorted(p.x() for p in points)
    assert points[0].y() > points[1].y() > points[2].y()  # higher score, higher on screen
    assert not chart.grab().toImage().isNull()


def test_headline_stays_one_line(qtbot: QtBot, page: AuditPage) -> None:
    qtbot.keyClicks(page.headline.editor, "Data Engineer")
    qtbot.keyClick(page.headline.editor, Qt.Key.Key_Return)
    mime = QMimeData()
    mime.setText("\nPython\n| AWS")
    page.headline.editor.insertFromMimeData(mime)
    assert page.headline.text() == "Data EngineerPython | AWS"
    qtbot.keyClick(page.about.editor, Qt.Key.Key_Return)
    assert page.about.text() == "\n"
