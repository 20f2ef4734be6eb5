"""The rewrite suggestions on the Audit page, driven like a person would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from profile_helper.core.settings import set_setting
from profile_helper.gui.audit.about_diff import Piece, word_diff
from profile_helper.gui.audit.page import AuditPage
from profile_helper.gui.audit.rewrites import headline_html
from profile_helper.gui.audit.skill_chips import SkillsModel
from profile_helper.gui.common import theme
from profile_helper.gui.common.context import AppContext
from tests.core.audit.profiles import JOB
from tests.gui.audit.support import WAIT, settle

ABOUT = (
    "Responsible for backend services at Acme. I'm a backend engineer who likes hard data "
    "problems.\n\nI build APIs in Python and Django for logistics teams. I cut AWS costs by 38%."
    "\n\nPassionate, driven and innovative team player."
)


@pytest.fixture
def page(audit_page: AuditPage) -> AuditPage:
    return audit_page


def audited(qtbot: QtBot, page: AuditPage) -> None:
    """Wait until the audit shown is the audit of the texts in the editors."""
    settle(qtbot, page)
    qtbot.waitUntil(lambda: page.up_to_date_result() is not None, timeout=WAIT)


def candidates(page: AuditPage) -> list[str]:
    return [card.text for card in page.rewrites.cards if card.isVisibleTo(page.rewrites)]


def test_typing_a_profile_and_job_shows_candidates(qtbot: QtBot, page: AuditPage) -> None:
    assert page.rewrites.currentWidget() is page.rewrites.empty
    page.job.set_text(JOB)
    qtbot.keyClicks(page.headline.editor, "Engineer")
    audited(qtbot, page)
    assert page.rewrites.currentWidget() is page.rewrites.suggestions
    # Nothing in the profile shows the job's keywords: they are offered, not used.
    assert candidates(page) == ["Engineer"]
    offered = page.rewrites.add_if_true
    assert [offered.item(r).text() for r in range(3)] == ["Python", "Spark", "Kafka"]
    assert page.rewrites.audience.isVisibleTo(page.rewrites)
    for row in range(3):
        offered.set_checked(row, True)  # the person ticks what is true
    shown = candidates(page)
    assert len(shown) >= 3
    assert shown[0] == "Engineer | Python | Spark | Kafka"
    assert all(text.startswith("Engineer | ") for text in shown)
    assert all(text.count("Engineer") == 1 for text in shown)
    first = page.rewrites.cards[0]
    assert first.length.text() == f"{len(shown[0])} / 220"
    assert "Python" in first.label.text()


def test_use_this_replaces_the_headline_and_ctrl_z_restores_it(
    qtbot: QtBot, page: AuditPage
) -> None:
    page.job.set_text(JOB)
    qtbot.keyClicks(page.headline.editor, "Engineer at Acme")
    audited(qtbot, page)
    card = page.rewrites.cards[1]
    qtbot.mouseClick(card.button, Qt.MouseButton.LeftButton)
    assert page.headline.text() == card.text
    assert page.headline.editor.hasFocus()
    qtbot.keyClick(page.headline.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.headline.text() == "Engineer at Acme"
    settle(qtbot, page)


def test_use_this_for_about_and_skills_is_undoable(qtbot: QtBot, page: AuditPage) -> None:
    page.job.set_text(JOB)
    page.skills.set_text("python\nDjango\nk8s\nKubernetes")
    page.about.set_text(ABOUT)  # pasted (typing cannot enter the line breaks)
    audited(qtbot, page)
    outline = page.rewrites.about_text
    qtbot.mouseClick(page.rewrites.use_about, Qt.MouseButton.LeftButton)
    assert page.about.text() == outline
    assert "Responsible for" not in outline and "I cut AWS costs by 38%." in outline
    qtbot.keyClick(page.about.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.about.text() == ABOUT

    audited(qtbot, page)
    qtbot.mouseClick(page.rewrites.use_own_skills, Qt.MouseButton.LeftButton)
    own = page.skills.text().splitlines()
    assert own[:2] == ["Python", "Kubernetes"]  # the job's spellings, first; k8s merged
    assert "Django" in own and "Terraform" not in own
    audited(qtbot, page)
    qtbot.mouseClick(page.rewrites.use_skills, Qt.MouseButton.LeftButton)
    assert "Terraform" in page.skills.text().splitlines()  # proposed from the job
    qtbot.keyClick(page.skills.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.skills.text().splitlines() == own
    settle(qtbot, page)


def test_about_difference_shows_removed_and_added_parts(qtbot: QtBot, page: AuditPage) -> None:
    page.about.set_text(ABOUT)
    page.job.set_text(JOB)
    page.run_now()
    audited(qtbot, page)
    left, right = page.rewrites.diff.pieces
    removed = " ".join(p.text for p in left if p.kind == "removed")
    added = " ".join(p.text for p in right if p.kind == "added")
    assert "Responsible" in removed and "I was in charge of" in added
    assert "Passionate, driven and innovative" in removed
    assert "I'd be glad to talk" in added  # the call to action the About lacked
    assert "I cut AWS costs by 38%." not in removed + added  # kept as it was
    # Both columns show their whole text; the marks are in the rich text.
    assert "Responsible for" in page.rewrites.diff.left.toPlainText()
    assert "Responsible" not in page.rewrites.diff.right.toPlainText()
    assert "line-through" in page.rewrites.diff.left.toHtml()


def test_each_about_change_can_be_undone_on_its_own(qtbot: QtBot, page: AuditPage) -> None:
    page.about.set_text(ABOUT)
    page.job.set_text(JOB)
    page.run_now()
    audited(qtbot, page)
    changes = page.rewrites.about_edit_list
    labels = [changes.item(r).text() for r in range(changes.count())]
    assert labels[0] == "“Responsible for” → “I was in charge of”"
    changes.set_checked(0, False)  # undo the first change only
    text = page.rewrites.about_text
    assert text.startswith("Responsible for backend services at Acme.")
    assert "Passionate" not in text and "I'd be glad to talk" in text
    qtbot.mouseClick(page.rewrites.use_about, Qt.MouseButton.LeftButton)
    assert page.about.text() == text


def test_word_diff_keeps_both_texts_whole() -> None:
    left, right = word_diff("I led a team. Worked on x.", "I led a team of 5. Let's talk.")
    assert "".join(p.text for p in left) == "I led a team. Worked on x."
    assert "".join(p.text for p in right) == "I led a team of 5. Let's talk."
    assert next(p.text for p in left if p.kind == "same") == "I led a "  # edited: by word
    assert Piece("Worked on x.", "removed") in left  # dropped: as a whole sentence
    assert Piece("Let's talk.", "added") in right


def test_word_diff_marks_moved_and_rewritten_sentences_whole() -> None:
    old = "Caring nurse with 6 years of experience. Responsible for patient care on a ward."
    new = "I help families. I'm a caring nurse with 6 years of experience."
    left, right = word_diff(old, new)
    # The unrelated sentences are not stitched together on the few words they share.
    assert Piece("Responsible for patient care on a ward.", "removed") in left
    assert Piece("I help families. ", "added") in right
    assert any(p.kind == "same" and "nurse with 6 years" in p.text for p in right)


def test_target_role_setting_is_used(qtbot: QtBot, page: AuditPage, ctx: AppContext) -> None:
    set_setting(ctx.database(), "profile.target_role", "Analytics Engineer")
    page.skills.set_text("SQL\ndbt\nLooker")
    page.run_now()
    audited(qtbot, page)
    assert not candidates(page)[0].startswith("Analytics Engineer")  # not read yet
    page.page_shown()  # reads the setting and audits again with it
    qtbot.waitUntil(lambda: page.target_role == "Analytics Engineer", timeout=WAIT)
    audited(qtbot, page)
    assert candidates(page)[0] == "Analytics Engineer | SQL | dbt | Looker"


def test_skills_model(qtmodeltester: object, qtbot: QtBot, page: AuditPage) -> None:
    page.skills.set_text("Python\nJS\nJavaScript")
    page.job.set_text(JOB)
    page.run_now()
    audited(qtbot, page)
    model = page.rewrites.skill_model
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    rows = [model.index(r, 0) for r in range(model.rowCount())]
    proposed = [i.data(SkillsModel.ProposedRole) for i in rows]
    assert rows[0].data() == "Python" and proposed[0] is False
    assert any(proposed) and "JS" in [i.data() for i in rows]
    assert "JavaScript" not in [i.data() for i in rows]  # merged with JS
    marked = next(i for i in rows if i.data(SkillsModel.ProposedRole))
    assert marked.data().startswith("+ ")
    assert marked.data(Qt.ItemDataRole.AccessibleTextRole).endswith("(proposed)")
    qtmodeltester.check(SkillsModel())  # type: ignore[attr-defined]


def test_headline_html_greys_what_search_cuts_and_marks_placeholders(qapp: object) -> None:
    colors = theme.current()
    text = "Data Engineer | Python for [who you help] | " + "x" * 40
    rich = headline_html(text)
    # 44 characters, then 16 x within the first 60 and 24 after it.
    assert f"color:{colors.text};'> | {'x' * 16}</span>" in rich
    assert f"color:{colors.muted};'>{'x' * 24}</span>" in rich
    assert "font-style: italic;'>[who you help]" in rich
    short = headline_html("Data Engineer | Python")
    assert colors.muted not in short
